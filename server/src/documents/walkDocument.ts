import { isMap, isScalar, isSeq, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import { isPlainScalar, setPlainKey } from './plainValues';
import { childKey, MAX_DEPTH, MAX_ENTRIES, positionEntry, type PositionTable } from './positionTable';

/** Thrown inside the walk when the value needs yaml's toJS and no positions are wanted either. */
class NeedsToJS extends Error {}
const NEEDS_TO_JS = new NeedsToJS();

/** What one walk over a composed document gives. */
export interface WalkedDocument {
  /** The plain value, as `Document.toJS()` gives it; undefined when only toJS can make it (see `needsToJS`). */
  value: unknown;
  /**
   * The document uses what only `yaml`'s toJS converts faithfully: aliases, anchors, merge keys,
   * tags, collection or alias keys, non-core scalar values.
   */
  needsToJS: boolean;
  positions?: PositionTable;
}

/**
 * The plain value of a composed document and, when asked, its position table (where every key
 * and value sits, by path; see positionTable.ts), in one walk over the syntax tree, without
 * toJS's conversion context or any path arrays. The table records every map entry with a scalar
 * key and every list item, down to MAX_DEPTH and up to about MAX_ENTRIES; merge keys and
 * collection keys are left out, aliases are not followed, and a duplicate key keeps its first
 * entry (lookups then fall back to the syntax tree). Documents that need toJS still get their
 * table. A differential test holds the value equal to toJS over the corpus and its mutations.
 */
export function walkDocument(doc: Document.Parsed, chunkStart: number, withPositions: boolean): WalkedDocument {
  const table: PositionTable | undefined = withPositions ? {} : undefined;
  let count = 0;
  let needsToJS = false;
  const giveUpValue = () => {
    needsToJS = true;
    if (!table) throw NEEDS_TO_JS; // nothing else to collect: stop here
  };

  // Ranges relative to the chunk, as the position table keeps them.
  const record = (path: string, key: Node | null, value: Node | null) => {
    table![path] = positionEntry(key?.range, value?.range, isMap(value) || isSeq(value), chunkStart);
    count++;
  };

  // `recording` is off below a duplicate key (lookups find the first one) and past the bounds.
  const convert = (node: unknown, prefix: string, depth: number, recording: boolean): unknown => {
    if (node === null || node === undefined) return null;
    const records = recording && table !== undefined && depth <= MAX_DEPTH && count <= MAX_ENTRIES;
    const child = (segment: string | number) => childKey(prefix, depth, segment);
    if (isScalar(node)) {
      const v = node.value;
      if (node.anchor || node.tag || !isPlainScalar(v)) giveUpValue();
      return v;
    }
    if (isMap(node)) {
      if (node.anchor || node.tag || node.constructor !== YAMLMap) giveUpValue();
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const valueNode = pair.value as Node | null;
        let name = '';
        if (key !== null) {
          const k = isScalar(key) ? key.value : undefined;
          if (!isScalar(key) || key.anchor || key.tag || (key as { addToJSMap?: unknown }).addToJSMap || !isPlainScalar(k)) {
            giveUpValue();
            // Merge keys (a symbol) and collection keys have no path: neither recorded nor walked.
            if (!isScalar(key) || typeof k === 'symbol') continue;
          }
          name = k === null ? '' : String(k);
        }
        const path = child(name);
        const recordsChild = records && key !== null && !(path in table!);
        if (recordsChild) record(path, key, valueNode);
        const jsValue = convert(valueNode, path, depth + 1, recordsChild);
        setPlainKey(out, name, jsValue);
      }
      return out;
    }
    if (isSeq(node)) {
      if (node.anchor || node.tag || node.constructor !== YAMLSeq) giveUpValue();
      const out = new Array<unknown>(node.items.length);
      node.items.forEach((item, i) => {
        const path = child(i);
        if (records) record(path, null, item as Node | null);
        out[i] = convert(item, path, depth + 1, records);
      });
      return out;
    }
    giveUpValue(); // an alias: not followed
    return undefined;
  };

  try {
    const value = convert(doc.contents, '', 0, true);
    return { value: needsToJS ? undefined : value, needsToJS, ...(table ? { positions: table } : {}) };
  } catch (error) {
    if (error === NEEDS_TO_JS) return { value: undefined, needsToJS: true };
    throw error; // a stack overflow on absurd nesting: the caller reports it
  }
}
