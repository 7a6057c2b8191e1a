import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { ManifestFile } from '../documents/manifestFile';
import { kubernetesDocumentSymbols } from './kubernetesSymbols';
import { composeDocumentSymbols } from './composeSymbols';

/**
 * The outline of a file: per Kubernetes object `Kind name` (namespace as detail) with its
 * containers (image as detail) and their ports, its volumes, a Service's ports; for Compose the
 * services (with ports and volumes), networks, volumes, secrets and configs.
 */
export function documentSymbols(file: ManifestFile): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const doc of file.docs) {
    if (doc.flavor === 'kubernetes') out.push(...kubernetesDocumentSymbols(file, doc));
    else if (doc.flavor === 'compose') out.push(...composeDocumentSymbols(file, doc));
  }
  return out;
}
