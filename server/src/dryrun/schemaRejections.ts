import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestDoc, ManifestFile } from '../documents/manifestFile';
import { isRecord } from '../documents/plainValues';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import { validateKubernetesDocument } from '../validation/kubernetes/kubernetesValidation';

/**
 * What the API server refuses before any apply logic runs: objects that fail the schema. kubectl's
 * default `--validate=strict` makes unknown fields and undecodable values a BadRequest, and
 * validation (enums, formats, required fields) an Invalid error listing every cause.
 */

// Findings the API server would refuse the object for; hints about style or lifecycle do not stop an apply.
const DECODING = new Set(['unknown-field', 'invalid-type', 'duplicate-key']);
const VALIDATION = new Set(['invalid-value', 'invalid-format', 'missing-required-field', 'duplicate-item', 'missing-name']);

function kubectlPath(data: unknown): string | undefined {
  const path = isRecord(data) && Array.isArray(data.path) ? data.path : undefined;
  if (!path) return undefined;
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join('');
}

function message(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : String(d.message);
}

/** kubectl's text for the refusal of one object, or undefined when the server would accept it. */
function rejection(value: Record<string, unknown>, findings: Diagnostic[], fileName: string | undefined): string | undefined {
  const errors = findings.filter((d) => d.severity === 1 && (DECODING.has(String(d.code)) || VALIDATION.has(String(d.code))));
  if (errors.length === 0) return undefined;
  const kind = String(value.kind);
  const version = String(value.apiVersion).split('/').pop();
  const name = isRecord(value.metadata) && typeof value.metadata.name === 'string' ? value.metadata.name : '';
  const where = `error when creating ${JSON.stringify(fileName ?? 'STDIN')}`;
  const decoding = errors.filter((d) => DECODING.has(String(d.code)));
  if (decoding.length > 0) {
    const causes = decoding.map((d) => (d.code === 'unknown-field' ? `unknown field ${JSON.stringify(kubectlPath(d.data) ?? message(d))}` : message(d)));
    return `Error from server (BadRequest): ${where}: ${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: strict decoding error: ${causes.join(', ')}`;
  }
  const causes = errors.map(message);
  return causes.length === 1 ? `The ${kind} ${JSON.stringify(name)} is invalid: ${causes[0]}` : `The ${kind} ${JSON.stringify(name)} is invalid: \n${causes.map((c) => `* ${c}`).join('\n')}`;
}

/** Per document (keyed by the document), kubectl's refusal text for objects the API server would not accept. */
export function schemaRejections(files: readonly ManifestFile[], schemas: KubernetesSchemas, version: string): Map<ManifestDoc, string> {
  const out = new Map<ManifestDoc, string>();
  for (const file of files) {
    if (file.templated || file.flavor !== 'kubernetes') continue;
    const fileName = file.uri.slice(file.uri.lastIndexOf('/') + 1);
    for (const doc of file.docs) {
      if (doc.flavor !== 'kubernetes' || !isRecord(doc.value) || doc.value.kind === 'List') continue;
      const text = rejection(doc.value, validateKubernetesDocument(file, doc, { schemas, version }), decodeURIComponent(fileName));
      if (text) out.set(doc, text);
    }
  }
  return out;
}
