import { isMap, isScalar, isSeq, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import { MAX_DEPTH, MAX_ENTRIES, type PositionTable } from './positionTable';

/** Thrown inside the walk at anything only `yaml`'s own toJS handles. */
class NeedsToJS extends Error {}
const NEEDS_TO_JS = new NeedsToJS();

const SEPARATOR = '\u0001'; // as pathKey joins segments

/**
 * The plain value of a composed document, and (when asked) its position table, in one walk over
 * the syntax tree: what `Document.toJS()` followed by `buildPositionTable()` give, at a fraction
 * of the cost (no conversion context, no path arrays). Returns undefined when the document uses
 * anything whose conversion only `yaml` knows (aliases, anchors, merge keys, tags, collection or
 * alias keys, non-core values): callers then use those two. A differential test holds the two
 * ways equal over the corpus and generated variants.
 */
export function plainDocument(doc: Document.Parsed, chunkStart: number, withPositions: boolean): { value: unknown; positions?: PositionTable } | undefined {
  const table: PositionTable | undefined = withPositions ? {} : undefined;
  let count = 0;

  // Ranges relative to the chunk, as the position table keeps them.
  const valueRange = (node: Node | null): [number, number] => (node?.range ? [node.range[0] - chunkStart, node.range[1] - chunkStart] : [-1, -1]);

  // `recording` is off below a duplicate key: lookups find the first one, as in buildPositionTable.
  const convert = (node: unknown, prefix: string, depth: number, recording: boolean): unknown => {
    if (node === null || node === undefined) return null;
    // Record children only where buildPositionTable would walk.
    const record = recording && table !== undefined && depth <= MAX_DEPTH && count <= MAX_ENTRIES;
    if (isScalar(node)) {
      if (node.anchor || node.tag) throw NEEDS_TO_JS;
      const v = node.value;
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      throw NEEDS_TO_JS;
    }
    if (isMap(node)) {
      if (node.anchor || node.tag || node.constructor !== YAMLMap) throw NEEDS_TO_JS;
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        let name: string;
        if (key === null) name = '';
        else {
          if (!isScalar(key) || key.anchor || key.tag || (key as { addToJSMap?: unknown }).addToJSMap) throw NEEDS_TO_JS;
          const k = key.value;
          if (k === null) name = '';
          else if (typeof k === 'string' || typeof k === 'number' || typeof k === 'boolean') name = String(k);
          else throw NEEDS_TO_JS; // merge keys (a symbol), bigints
        }
        const child = prefix === '' && depth === 0 ? name : prefix + SEPARATOR + name;
        const valueNode = pair.value as Node | null;
        let recordChild = record && key !== null;
        if (recordChild && child in table!) recordChild = false;
        else if (recordChild) {
          const [ks, ke] = valueRange(key);
          const [vs, ve] = valueRange(valueNode);
          table![child] = [ks, ke, vs, ve, isMap(valueNode) || isSeq(valueNode) ? 1 : 0];
          count++;
        }
        const jsValue = convert(valueNode, child, depth + 1, recordChild);
        // As yaml's addPairToJSMap: a key the object already has (or inherits, like __proto__) is defined, not assigned.
        if (name in out) Object.defineProperty(out, name, { value: jsValue, writable: true, enumerable: true, configurable: true });
        else out[name] = jsValue;
      }
      return out;
    }
    if (isSeq(node)) {
      if (node.anchor || node.tag || node.constructor !== YAMLSeq) throw NEEDS_TO_JS;
      const out = new Array<unknown>(node.items.length);
      node.items.forEach((item, i) => {
        const child = prefix === '' && depth === 0 ? String(i) : prefix + SEPARATOR + i;
        if (record) {
          const [vs, ve] = valueRange(item as Node | null);
          table![child] = [-1, -1, vs, ve, isMap(item) || isSeq(item) ? 1 : 0];
          count++;
        }
        out[i] = convert(item, child, depth + 1, record);
      });
      return out;
    }
    throw NEEDS_TO_JS; // an alias
  };

  try {
    const value = convert(doc.contents, '', 0, true);
    return table ? { value, positions: table } : { value };
  } catch (error) {
    if (error === NEEDS_TO_JS) return undefined;
    throw error; // a stack overflow on absurd nesting: the caller reports it
  }
}
