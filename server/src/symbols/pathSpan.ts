import { isMap, isSeq } from 'yaml';
import type { ManifestDoc } from '../documents/manifestFile';
import { locatePath, nodeRange, type PathSegment } from '../documents/yamlPath';

/** Where a path's key and value sit in the file text (absolute offsets, end exclusive). */
export interface PathSpan {
  key?: [number, number];
  value?: [number, number];
  collection: boolean;
}

/**
 * The span of a path in one document: from the position table a worker sent when there is one
 * (no syntax tree built), else from the document's syntax tree. With `partial`, the deepest part
 * of the path that exists answers.
 */
export function pathSpan(doc: ManifestDoc, path: readonly PathSegment[], partial = false): PathSpan | undefined {
  if (path.length > 0) {
    const fast = doc.fastPosition(path);
    if (fast) {
      const [ks, ke, vs, ve, collection] = fast;
      return { key: ks >= 0 ? [ks, ke] : undefined, value: vs >= 0 ? [vs, ve] : undefined, collection: collection === 1 };
    }
  }
  const located = locatePath(doc.yaml, path);
  if (located.found.length < path.length && !partial) return undefined;
  return { key: nodeRange(located.key), value: nodeRange(located.node), collection: isMap(located.node) || isSeq(located.node) };
}

/** The end of the last non-blank character in [start, end): node ranges run on to the next line. */
export function contentEnd(text: string, start: number, end: number): number {
  let at = Math.min(end, text.length);
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/** A map entry or list item as an outline sees it: all of it, and the part to highlight (the key). */
export interface EntryOffsets {
  whole: [number, number];
  selection: [number, number];
}

export function entryOffsets(text: string, doc: ManifestDoc, path: readonly PathSegment[]): EntryOffsets | undefined {
  const span = pathSpan(doc, path);
  const first = span?.key ?? span?.value;
  if (!span || !first) return undefined;
  const last = span.value && span.value[1] > first[0] ? span.value[1] : first[1];
  const whole: [number, number] = [first[0], Math.max(first[0], contentEnd(text, first[0], last))];
  const selection: [number, number] = [first[0], Math.max(first[0], contentEnd(text, first[0], first[1]))];
  return { whole, selection };
}
