import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { PathSegment } from './yamlPath';

/**
 * Where every key and value of a document sits, by path, as plain data: a worker thread builds it
 * beside the values it parses, so findings can be placed without composing the syntax tree again
 * on the main thread. Offsets are relative to the chunk start; aliases and merge keys are not
 * followed (such paths fall back to the tree).
 * Each entry: [keyStart, keyEnd, valueStart, valueEnd, isCollection] (-1 where absent).
 */
export type PositionTable = Record<string, [number, number, number, number, 0 | 1]>;

export function pathKey(path: readonly PathSegment[]): string {
  return path.join('\u0001');
}

/** Bounds on a table: entries, and the depth below which nothing is recorded. */
export const MAX_ENTRIES = 20_000;
export const MAX_DEPTH = 64;

export function buildPositionTable(doc: Document.Parsed, chunkStart: number): PositionTable {
  const table: PositionTable = {};
  let count = 0;
  const range = (node: unknown): [number, number] => {
    const r = (node as Node | null)?.range;
    return r ? [r[0] - chunkStart, r[1] - chunkStart] : [-1, -1];
  };
  const walk = (node: unknown, path: PathSegment[], depth: number): void => {
    if (depth > MAX_DEPTH || count > MAX_ENTRIES) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || typeof pair.key.value === 'symbol') continue; // merge keys: use the tree
        const child = [...path, pair.key.value === null ? '' : String(pair.key.value)]; // a null key is '' in the value, as toJS makes it
        if (pathKey(child) in table) continue; // a duplicate key: lookups find the first one
        const [ks, ke] = range(pair.key);
        const [vs, ve] = range(pair.value);
        table[pathKey(child)] = [ks, ke, vs, ve, isMap(pair.value) || isSeq(pair.value) ? 1 : 0];
        count++;
        walk(pair.value, child, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = [...path, i];
        const [vs, ve] = range(item);
        table[pathKey(child)] = [-1, -1, vs, ve, isMap(item) || isSeq(item) ? 1 : 0];
        count++;
        walk(item, child, depth + 1);
      });
    }
  };
  walk(doc.contents, [], 0);
  return table;
}
