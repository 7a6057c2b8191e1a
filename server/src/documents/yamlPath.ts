import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export type PathSegment = string | number;

/** Where a value sits in the YAML text: the value node and, for map entries, the key node. */
export interface PathLocation {
  node: Node | null;
  key: Node | null;
  /** The deepest path prefix that was found (equal to the requested path when found whole). */
  found: PathSegment[];
}

function deref(doc: Document, node: unknown): unknown {
  let current = node;
  for (let i = 0; i < 32 && isAlias(current); i++) current = current.resolve(doc);
  return current;
}

function keyText(key: unknown): string | undefined {
  // The `yaml` library gives a merge key a Symbol value.
  if (isScalar(key)) return key.value === null ? '' : typeof key.value === 'symbol' ? '<<' : String(key.value);
  return undefined;
}

/** Finds a map entry by key, looking through `<<` merge keys (which may be aliases or sequences of them). */
export function findPair(doc: Document, map: unknown, key: string, depth = 0): Pair<unknown, unknown> | undefined {
  const resolved = deref(doc, map);
  if (!isMap(resolved) || depth > 16) return undefined;
  for (const pair of resolved.items) if (keyText(pair.key) === key) return pair;
  for (const pair of resolved.items) {
    if (keyText(pair.key) !== '<<') continue;
    const sources = deref(doc, pair.value);
    const list = isSeq(sources) ? sources.items : [sources];
    for (const source of list) {
      const hit = findPair(doc, source, key, depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Resolves a JSON path (as ajv's instancePath segments) to YAML nodes, following aliases and merge keys. */
export function locatePath(doc: Document, path: readonly PathSegment[]): PathLocation {
  let node: unknown = doc.contents;
  let key: Node | null = null;
  const found: PathSegment[] = [];
  for (const segment of path) {
    const current = deref(doc, node);
    if (isMap(current)) {
      const pair = findPair(doc, current, String(segment));
      if (!pair) break;
      key = (pair.key as Node) ?? null;
      node = pair.value;
    } else if (isSeq(current) && /^\d+$/.test(String(segment))) {
      const item = current.items[Number(segment)];
      if (item === undefined) break;
      key = null;
      node = item;
    } else break;
    found.push(segment);
  }
  const last = node as Node | null;
  return { node: last ?? null, key, found };
}

/** Text offsets [start, end) of a node, or undefined for nodes without a range (implicit nulls). */
export function nodeRange(node: Node | null | undefined): [number, number] | undefined {
  if (!node || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}

/** Splits an ajv/JSON-pointer instancePath into segments ("/a/0/b~1c" → ["a", 0, "b/c"]). */
export function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** Renders a path the way kubectl does in its messages: spec.template.spec.containers[0].image */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
