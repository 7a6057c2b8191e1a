import type { ManifestDoc, ManifestFile } from '../documents/manifestFile';
import { isRecord } from '../documents/plainValues';
import type { SourceLocation } from '../shared/dryrunPlan';
import type { KObject } from './kobject';

/** An object to apply, and where it is written (for the panel's "reveal" link). */
export interface DesiredObject {
  value: KObject;
  source?: SourceLocation;
  /** The document it comes from (absent for objects made in code). */
  doc?: ManifestDoc;
  /** kubectl's text when the API server refuses it before apply (schema): it is reported, not applied. */
  rejection?: string;
}

// kustomize's own files are read by `kubectl apply -k`, never applied as objects.
const NOT_APPLIED = new Set(['kustomize.config.k8s.io/Kustomization', 'kustomize.config.k8s.io/Component']);

function applied(value: Record<string, unknown>): boolean {
  const group = String(value.apiVersion ?? '').split('/')[0];
  return !NOT_APPLIED.has(`${group}/${String(value.kind)}`);
}

/**
 * The Kubernetes objects of the files, in the order `kubectl apply -f` sends them: files in the
 * order given, documents in file order, `kind: List` items one by one. Templated files (Helm) are
 * not manifests until rendered, so they are left out.
 */
export function desiredObjects(files: readonly ManifestFile[]): DesiredObject[] {
  const out: DesiredObject[] = [];
  for (const file of files) {
    if (file.templated || file.flavor !== 'kubernetes') continue;
    for (const doc of file.docs) {
      if (doc.flavor !== 'kubernetes' || !isRecord(doc.value)) continue;
      const start = file.lines.positionAt(firstContent(file.text, doc.start, doc.end));
      const source: SourceLocation = { uri: file.uri, line: start.line, character: start.character };
      const value = doc.value;
      if (value.kind === 'List' && Array.isArray(value.items)) {
        for (const item of value.items) if (isRecord(item) && applied(item)) out.push({ value: item, source, doc });
      } else if (applied(value)) out.push({ value, source, doc });
    }
  }
  return out;
}

// A document's range starts at its `---` or leading comments; the reveal link should land on the object.
function firstContent(text: string, start: number, end: number): number {
  let offset = start;
  while (offset < end) {
    const lineEnd = text.indexOf('\n', offset);
    const stop = lineEnd < 0 || lineEnd > end ? end : lineEnd;
    const line = text.slice(offset, stop).trim();
    if (line !== '' && !line.startsWith('#') && !line.startsWith('---')) return offset;
    offset = stop + 1;
  }
  return start;
}
