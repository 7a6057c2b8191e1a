import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { PathSegment } from './yamlPath';

/** What the cursor is on: the path of the innermost node, and whether it is a map key or a value. */
export interface CursorTarget {
  path: PathSegment[];
  on: 'key' | 'value';
  node: Node;
}

function contains(node: Node | null | undefined, offset: number): boolean {
  return Boolean(node?.range) && node!.range![0] <= offset && offset <= node!.range![1];
}

/** Finds the innermost key or value node at an offset, following the document structure (not aliases). */
export function pathAtOffset(doc: Document, offset: number): CursorTarget | undefined {
  const path: PathSegment[] = [];
  let node = doc.contents as Node | null;
  if (!contains(node, offset)) return undefined;
  for (let depth = 0; depth < 256 && node; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => contains(p.key as Node, offset) || contains(p.value as Node, offset));
      if (!pair) return { path, on: 'value', node };
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (contains(pair.key as Node, offset)) return { path: [...path, key], on: 'key', node: pair.key as Node };
      path.push(key);
      node = pair.value as Node;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item as Node, offset));
      if (index < 0) return { path, on: 'value', node };
      path.push(index);
      node = node.items[index] as Node;
    } else if (isScalar(node) || isAlias(node)) {
      return { path, on: 'value', node };
    } else return undefined;
  }
  return undefined;
}
