import { isMap, isSeq } from 'yaml';
import type { ManifestDoc } from '../documents/manifestFile';
import { pathAtOffset } from '../documents/pathAtOffset';
import { nodeRange, type PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';

/** The key or value under the cursor, as hover needs it. */
export interface HoverCursor {
  path: PathSegment[];
  on: 'key' | 'value';
  /** File offsets of the key or value, when known. */
  range?: [number, number];
  /** The cursor is on a mapping or a list itself (between its entries), not on a key or a scalar. */
  collection: boolean;
}

const MAX_DEPTH = 256;

/**
 * The key or scalar at `offset` from the position table a parse worker made for the document,
 * walking its plain value: no syntax tree is composed. Undefined when the table cannot tell
 * (no table, the cursor between entries, an alias or a merged key on the way); then use the tree.
 */
export function cursorFromPositions(doc: ManifestDoc, offset: number): HoverCursor | undefined {
  let value = doc.value;
  const path: PathSegment[] = [];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const segments: PathSegment[] | undefined = Array.isArray(value) ? value.map((_, i) => i) : isRecord(value) ? Object.keys(value) : undefined;
    if (!segments) return undefined;
    let inside: PathSegment | undefined;
    for (const segment of segments) {
      const child = [...path, segment];
      const at = doc.fastPosition(child);
      if (!at) continue; // merged in from elsewhere, or no table at all
      const [keyStart, keyEnd, valueStart, valueEnd, collection] = at;
      if (keyStart >= 0 && keyStart <= offset && offset <= keyEnd) return { path: child, on: 'key', range: [keyStart, keyEnd], collection: false };
      if (valueStart >= 0 && valueStart <= offset && offset <= valueEnd) {
        if (!collection) return { path: child, on: 'value', range: [valueStart, valueEnd], collection: false };
        inside = segment;
        break;
      }
    }
    if (inside === undefined) return undefined;
    path.push(inside);
    value = (value as Record<string | number, unknown>)[inside];
  }
  return undefined;
}

/**
 * The key or value at `offset`. Documents parsed by a worker come with a position table: most
 * hovers are answered from it, so the first hover in such a document does not parse it again
 * (about a millisecond per document); the syntax tree answers the rest.
 */
export function hoverCursor(doc: ManifestDoc, offset: number): HoverCursor | undefined {
  const fast = cursorFromPositions(doc, offset);
  if (fast) return fast;
  const cursor = pathAtOffset(doc.yaml, offset);
  if (!cursor) return undefined;
  return { path: cursor.path, on: cursor.on, range: nodeRange(cursor.node), collection: isMap(cursor.node) || isSeq(cursor.node) };
}
