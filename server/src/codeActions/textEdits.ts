import { isCollection, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ManifestFile } from '../documents/manifestFile';
import { afterColonText, blockText, flowText, pairText, type YamlOut } from './renderYaml';

/** A replacement of the text between two offsets of the file. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** The file's own line break, so inserted lines match the rest of the file. */
export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line break ending the line that holds `offset` (the text's end on the last line). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

export function toWorkspaceEdit(file: ManifestFile, edits: readonly OffsetEdit[]): WorkspaceEdit {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const changes: TextEdit[] = sorted.map((e) => ({ range: file.lines.rangeOf(e.start, e.end), newText: e.text }));
  return { changes: { [file.uri]: changes } };
}

function range(node: unknown): [number, number] | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/**
 * Where a node's own text ends. A block collection's range may run on over the line break after
 * its last entry (inside a list item it does): its text ends where its last entry's does.
 */
export function nodeEnd(node: unknown): number {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items.at(-1);
    return isMap(node) ? pairEnd(last as Pair) : nodeEnd(last);
  }
  return range(node)?.[1] ?? 0;
}

/** Where a pair's text ends: after its value, or after its key when the value is empty. */
export function pairEnd(pair: Pair): number {
  const key = range(pair.key);
  return Math.max(key?.[1] ?? 0, pair.value ? nodeEnd(pair.value) : 0);
}

/** Where to insert in a block map: after a pair (`after`), before one (`before`), or after the last (default). */
export interface InsertAt {
  before?: Pair<unknown, unknown>;
  after?: Pair<unknown, unknown>;
}

/**
 * Adds `key: value` entries to a map, at the indentation of its keys. Block maps get new lines;
 * flow maps (`{}` or `{a: 1}`) get the entries inline. Undefined for maps whose text we cannot see.
 */
export function insertPairs(file: ManifestFile, map: YAMLMap, entries: ReadonlyArray<[string, YamlOut]>, at: InsertAt = {}): OffsetEdit | undefined {
  const text = file.text;
  const nl = newlineOf(text);
  const own = range(map);
  if (!own || entries.length === 0) return undefined;
  if (map.flow) {
    const written = entries.map(([key, value]) => `${flowText(key)}: ${flowText(value)}`).join(', ');
    const last = map.items.at(-1);
    if (!last) return { start: own[0], end: own[1], text: `{${written}}` };
    const end = pairEnd(last);
    return { start: end, end, text: `, ${written}` };
  }
  const first = map.items[0];
  const firstKey = range(first?.key);
  if (!first || !firstKey) return undefined;
  const indent = ' '.repeat(columnOf(text, firstKey[0]));
  const written = entries.map(([key, value]) => pairText(key, value, indent, nl)).join(nl + indent);
  if (at.before) {
    const beforeKey = range(at.before.key);
    if (beforeKey) return { start: beforeKey[0], end: beforeKey[0], text: `${written}${nl}${indent}` };
  }
  return insertAfter(text, pairEnd(at.after ?? map.items.at(-1)!), `${indent}${written}`, nl);
}

export function insertPair(file: ManifestFile, map: YAMLMap, key: string, value: YamlOut, at: InsertAt = {}): OffsetEdit | undefined {
  return insertPairs(file, map, [[key, value]], at);
}

// After a value that ends its line (block scalars take their line break with them) or at the end
// of the line it ends on, so a trailing comment stays with the value it follows.
function insertAfter(text: string, anchor: number, line: string, nl: string): OffsetEdit {
  if (anchor > 0 && text[anchor - 1] === '\n') return { start: anchor, end: anchor, text: `${line}${nl}` };
  const end = lineEnd(text, anchor);
  return { start: end, end, text: `${nl}${line}` };
}

/**
 * Replaces a pair's value. A block collection is rewritten in place at its own column; an empty
 * or scalar value is replaced after the `:` (block style on the following lines for collections).
 */
export function replaceValue(file: ManifestFile, pair: Pair, value: YamlOut): OffsetEdit | undefined {
  const text = file.text;
  const nl = newlineOf(text);
  const node = pair.value as Node | null;
  const own = range(node);
  if (own && isCollection(node) && !node.flow) {
    const indent = ' '.repeat(columnOf(text, own[0]));
    return { start: own[0], end: nodeEnd(node), text: blockText(value, indent, nl) };
  }
  if (own && isCollection(node)) return { start: own[0], end: own[1], text: flowText(value) };
  const key = range(pair.key);
  if (!key) return undefined;
  const colon = text.indexOf(':', key[1]);
  if (colon < 0) return undefined;
  const end = Math.max(colon + 1, own?.[1] ?? 0);
  const keyIndent = ' '.repeat(columnOf(text, key[0]));
  return { start: colon + 1, end, text: afterColonText(value, keyIndent, nl) };
}

/**
 * Removes a pair with the lines it occupies. A pair that shares its first line with a `- `
 * (the first entry of a list item) is removed up to the next entry instead; in a flow map the
 * entry goes with one of its commas.
 */
export function removePair(file: ManifestFile, map: YAMLMap, pair: Pair): OffsetEdit | undefined {
  const text = file.text;
  const key = range(pair.key);
  if (!key) return undefined;
  const index = map.items.indexOf(pair);
  if (map.flow) {
    const next = range(map.items[index + 1]?.key);
    if (next) return { start: key[0], end: next[0], text: '' };
    const previous = map.items[index - 1];
    return { start: previous ? pairEnd(previous) : key[0], end: pairEnd(pair), text: '' };
  }
  const start = lineStart(text, key[0]);
  const ownLine = text.slice(start, key[0]).trim() === '';
  const end = pairEnd(pair);
  const after = text[end - 1] === '\n' ? end : Math.min(text.length, lineEnd(text, end) + newlineOf(text).length);
  if (ownLine) return { start, end: after, text: '' };
  const next = range(map.items[index + 1]?.key);
  if (!next) return undefined; // the list item's only entry: removing it would leave a bare `-`
  return { start: key[0], end: next[0], text: '' };
}

/** The map under a key of a map, when it is a map written in this document. */
export function childMap(map: unknown, key: string): YAMLMap | undefined {
  const pair = findOwnPair(map, key);
  return isMap(pair?.value) ? pair.value : undefined;
}

/** A pair written directly in this map (merge keys and aliases are not ours to edit). */
export function findOwnPair(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}
