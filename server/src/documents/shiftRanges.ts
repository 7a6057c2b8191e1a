import { visit, type Document } from 'yaml';

/** Moves every range of a parsed document by delta characters (a reused document whose text moved). */
export function shiftDocument(doc: Document.Parsed, delta: number): void {
  if (delta === 0) return;
  const shift = (range: readonly number[] | undefined | null) => {
    const r = range as number[] | undefined | null;
    if (r) for (let i = 0; i < r.length; i++) r[i]! += delta;
  };
  shift(doc.range);
  for (const problem of [...doc.errors, ...doc.warnings]) shift(problem.pos);
  // visit() reaches every node once, map keys included (aliases are nodes of their own).
  visit(doc, {
    Node(_, node) {
      shift(node.range);
    },
  });
}
