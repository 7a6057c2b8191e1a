import { parseAllDocuments, stringify } from 'yaml';
import type { KObject } from '../kobject';
import { isRecord } from '../../documents/plainValues';

/**
 * The local state of a cluster as `kubectl get … -o yaml` prints it: a `kind: List` of live objects
 * (or a stream of `---` documents, or any `*List` kind), so a real cluster's dump imports as it is.
 */

export type KubeStateRead = { objects: KObject[] } | { error: string };

// Objects kubectl itself would list first when one apply creates them: namespaces before their contents.
const KIND_ORDER = ['Namespace', 'Node', 'StorageClass', 'CustomResourceDefinition'];

// The panel re-plans on every keystroke against the same state file: its parse is kept for the last
// texts seen, and each plan gets its own copy (planning must not share objects with the cache).
const recent = new Map<string, KubeStateRead>();
const RECENT_TEXTS = 4;

/** parseKubeState, remembered for the last few texts. */
export function parseKubeStateCached(text: string): KubeStateRead {
  let read = recent.get(text);
  if (!read) {
    read = parseKubeState(text);
    if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value!);
    recent.set(text, read);
  }
  return 'objects' in read ? { objects: structuredClone(read.objects) } : read;
}

/** Reads a state file's text; never throws, and says where the text is wrong. */
export function parseKubeState(text: string): KubeStateRead {
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false, logLevel: 'error' });
  } catch (error) {
    return { error: `not YAML: ${(error as Error).message}` };
  }
  if (!Array.isArray(docs)) return { error: 'not YAML' };
  const objects: KObject[] = [];
  for (const [index, doc] of docs.entries()) {
    const problem = doc.errors[0];
    if (problem) return { error: `YAML error in document ${index + 1}: ${problem.message.split('\n')[0]}` };
    const value: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (value === null || value === undefined) continue;
    const found = collect(value, `document ${index + 1}`, objects);
    if (found) return { error: found };
  }
  return { objects };
}

function collect(value: unknown, where: string, out: KObject[]): string | undefined {
  if (!isRecord(value)) return `${where} is not a mapping of a Kubernetes object`;
  if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
    for (const [i, item] of value.items.entries()) {
      const problem = collect(item, `${where}, item ${i + 1}`, out);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return `${where} has no apiVersion or kind`;
  const metadata = value.metadata;
  if (!isRecord(metadata) || typeof metadata.name !== 'string' || metadata.name === '') return `${where} (${value.kind}) has no metadata.name`;
  out.push(value);
  return undefined;
}

function sortKey(object: KObject): string {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const rank = KIND_ORDER.indexOf(String(object.kind));
  return [rank < 0 ? 9 : rank, object.apiVersion, object.kind, metadata.namespace ?? '', metadata.name].join('\u0000');
}

/** The state as a `kind: List`, objects in a fixed order, so committing the same plan twice writes the same bytes. */
export function serializeKubeState(objects: readonly KObject[]): string {
  const items = [...objects].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  return stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, { lineWidth: 0, aliasDuplicateObjects: false });
}
