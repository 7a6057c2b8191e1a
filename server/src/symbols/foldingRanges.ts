import { isMap, isNode, isSeq, type Node } from 'yaml';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { ManifestDoc, ManifestFile } from '../documents/manifestFile';
import type { PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';
import { contentEnd } from './pathSpan';

const MAX_DEPTH = 64;

type Emit = (start: number, end: number, depth: number) => void;

// With a worker's position table: walk the plain value and look each path up (no syntax tree).
function walkTable(doc: ManifestDoc, value: unknown, path: PathSegment[], depth: number, emit: Emit): void {
  if (depth > MAX_DEPTH) return;
  const children: Array<[PathSegment, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : isRecord(value) ? Object.entries(value) : [];
  for (const [segment, child] of children) {
    const childPath = [...path, segment];
    const at = doc.fastPosition(childPath);
    if (!at || at[3] < 0) continue; // written through an alias or merge key: not here in the text
    emit(at[0] >= 0 ? at[0] : at[2], at[3], depth);
    if (at[4] === 1) walkTable(doc, child, childPath, depth + 1, emit);
  }
}

// Without one: walk the syntax tree (built once per document and kept).
function walkTree(node: Node | null | undefined, depth: number, emit: Emit): void {
  if (!node || depth > MAX_DEPTH) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      const value = isNode(pair.value) ? pair.value : undefined;
      if (!value?.range) continue;
      const key = isNode(pair.key) ? pair.key.range : undefined;
      emit(key?.[0] ?? value.range[0], value.range[1], depth);
      walkTree(value, depth + 1, emit);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      if (!isNode(item) || !item.range) continue;
      emit(item.range[0], item.range[1], depth);
      walkTree(item, depth + 1, emit);
    }
  }
}

function hasTable(doc: ManifestDoc): boolean {
  const value = doc.value;
  const first: PathSegment | undefined = Array.isArray(value) ? (value.length ? 0 : undefined) : isRecord(value) ? Object.keys(value)[0] : undefined;
  return first !== undefined && doc.fastPosition([first]) !== undefined;
}

/**
 * Folding ranges: each `---` document, and every mapping, list or scalar written over several
 * lines. When the client caps the count, the outermost ranges are kept.
 */
export function foldingRanges(file: ManifestFile, rangeLimit = Number.POSITIVE_INFINITY): FoldingRange[] {
  const { text, lines } = file;
  const found: Array<FoldingRange & { depth: number }> = [];
  const seen = new Set<number>();
  const emit: Emit = (start, end, depth) => {
    const last = contentEnd(text, start, end);
    const newline = text.indexOf('\n', start);
    if (newline < 0 || newline >= last) return; // on one line
    const startLine = lines.positionAt(start).line;
    const endLine = lines.positionAt(last - 1).line;
    // One range per start line (the editor keeps only one): the outer one, emitted first.
    if (endLine <= startLine || seen.has(startLine)) return;
    seen.add(startLine);
    found.push({ startLine, endLine, depth });
  };
  for (const doc of file.docs) {
    emit(doc.start, doc.end, 0);
    if (hasTable(doc)) walkTable(doc, doc.value, [], 1, emit);
    else walkTree(doc.yaml.contents as Node | null, 1, emit);
  }
  const kept = found.length > rangeLimit ? [...found].sort((a, b) => a.depth - b.depth).slice(0, Math.max(0, rangeLimit)) : found;
  return kept.sort((a, b) => a.startLine - b.startLine).map(({ startLine, endLine }) => ({ startLine, endLine }));
}
