import type { PathSegment } from '../documents/yamlPath';
import { documentSpan, documentValue } from './documentSpan';
import { flowCursor } from './flow';
import { Outline, readEntries, type Entry } from './outline';

/** What the cursor is on, worked out from the text of its `---` document alone. */
export interface CursorContext {
  docStart: number;
  docEnd: number;
  /** The document's value as the parser recovers it (the word being typed as a key left out). */
  value: unknown;
  /**
   * `key`: a key of the mapping at `path` is typed (or, when the schema at `path` is a list or a
   * scalar, an item or a value written on its own line); `value`: the scalar at `path` is typed.
   */
  target: 'key' | 'value';
  path: PathSegment[];
  /** The cursor starts a new list item (`- |`): `path` ends with the item's index. */
  item: boolean;
  /** The word being typed, and the offsets it spans (what completions replace). */
  word: string;
  replace: [number, number];
  /** Keys already written in the mapping at the cursor (the word itself excluded). */
  siblings: Set<string>;
  /** Column where the typed key or value starts. */
  column: number;
  /** Indentation step of the document. */
  tab: number;
  /** Inside a flow collection (`{…}`, `[…]`): insertions stay on one line. */
  flow: boolean;
  /** `key:` already follows the word: insert the name alone. */
  colonFollows: boolean;
  /** Right after a colon or a dash (`key:|`, `-|`): insertions need a leading space. */
  spaceBefore: boolean;
  /** Nothing but the word is written in the document: whole-resource templates apply. */
  emptyDocument: boolean;
  /** Offset of the cursor's line start. */
  lineStart: number;
}

function detectTab(outline: Outline): number {
  let tab = 0;
  for (const line of outline.lines) {
    const first = line.entries[0];
    if (line.skip || !first || first.col === 0) continue;
    if (tab === 0 || first.col < tab) tab = first.col;
    if (tab === 2) break;
  }
  return tab || 2;
}

function isComment(before: string): boolean {
  let quote = '';
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:\-[{,]/.test(before[i - 1]!)) quote = c;
    } else if (c === '#' && (i === 0 || before[i - 1] === ' ' || before[i - 1] === '\t')) return true;
  }
  return false;
}

/** The cursor context at `offset`, or undefined where nothing can be completed (comments, block scalars, `---` lines). */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const span = documentSpan(text, offset);
  if (!span) return undefined;
  const outline = new Outline(text, span.start, span.end);
  const lineIndex = outline.lineAt(offset);
  const line = outline.lines[lineIndex]!;
  const col = offset - line.start;
  const before = line.text.slice(0, col);
  const tab = detectTab(outline);
  const base = { docStart: span.start, docEnd: span.end, tab, lineStart: line.start };

  for (let i = lineIndex; i >= 0; i--) {
    const owner = outline.lines[i]!;
    if (owner.flowOpen === undefined || owner.flowOpen >= offset) continue;
    if (offset >= owner.flowClose! && owner.flowClose! < span.end) break;
    const flow = flowCursor(text, owner.flowOpen, offset, span.end);
    if (!flow) return undefined;
    const last = owner.entries.length - 1;
    const ownerEntry = owner.entries[last]!.type === 'key' ? last : last - 1;
    const ownerPath = ownerEntry >= 0 ? outline.nodePath(i, ownerEntry) : [];
    const word = text.slice(flow.wordStart, offset);
    return {
      ...base,
      value: documentValue(text.slice(span.start, span.end)),
      target: flow.target === 'value' ? 'value' : 'key',
      path: [...ownerPath, ...flow.path],
      item: flow.target === 'item',
      word,
      replace: [flow.wordStart, flow.wordEnd],
      siblings: new Set(flow.siblings),
      column: owner.entries[Math.max(0, ownerEntry)]?.col ?? 0,
      flow: true,
      colonFollows: flow.colonFollows,
      spaceBefore: flow.target === 'value' && text[flow.wordStart - 1] === ':',
      emptyDocument: false,
    };
  }

  if (line.scalarParent !== undefined && (before.trim() !== '' || col > line.scalarParent)) return undefined;
  if (isComment(before)) return undefined;
  const after = line.text.slice(col);
  const read = readEntries(before);
  const entries: Entry[] = read.entries;
  const last = entries[entries.length - 1];

  if (last?.type === 'key') {
    if (/^[|>]/.test(read.value ?? '')) return undefined;
    outline.setEntries(lineIndex, entries);
    const valueAt = Math.min(read.valueAt ?? col, col);
    const quoted = /^["']/.test(before.slice(valueAt));
    const start = line.start + valueAt + (quoted ? 1 : 0);
    const rest = /^[^#]*?(?=["']?[ \t]*(#|$))/.exec(after)?.[0] ?? '';
    return {
      ...base,
      value: documentValue(text.slice(span.start, span.end)),
      target: 'value',
      path: outline.nodePath(lineIndex, entries.length - 1),
      item: false,
      word: text.slice(start, offset),
      replace: [start, offset + rest.trimEnd().length],
      siblings: new Set(),
      column: valueAt,
      flow: false,
      colonFollows: false,
      spaceBefore: valueAt === col && before.endsWith(':'),
      emptyDocument: false,
    };
  }

  // A key (or a list item, or a value on its own line) is typed: the word starts after the dashes.
  const contentCol = last?.type === 'scalar' ? last.col : last?.type === 'dash' ? before.length : col;
  // `-|`: the dash still needs its space
  const glued = last?.type === 'dash' && before.endsWith('-');
  const typed: Entry[] = [...entries.filter((e) => e.type === 'dash'), { col: contentCol, type: 'scalar' }];
  outline.setEntries(lineIndex, typed);
  const siblings = new Set<string>();
  const path = outline.containerPath(lineIndex, typed.length - 1, siblings);
  outline.keysBelow(lineIndex, contentCol, siblings);
  const wordTail = /^[^\s:#]*/.exec(after)![0];
  const colonFollows = /^[ \t]*:(?=[ \t]|$)/.test(after.slice(wordTail.length));
  const word = before.slice(contentCol);
  const item = typed.length > 1;
  const emptyDocument =
    !item && contentCol === 0 && after.trim() === '' && outline.lines.every((l, i) => i === lineIndex || l.entries.length === 0);
  // The half-typed word is no key yet: parse the document without it.
  const docText = text.slice(span.start, line.start + contentCol) + ' '.repeat(word.length + wordTail.length) + text.slice(offset + wordTail.length, span.end);
  return {
    ...base,
    value: documentValue(docText),
    target: 'key',
    path,
    item,
    word,
    replace: [line.start + contentCol, offset + wordTail.length],
    siblings,
    column: contentCol + (glued ? 1 : 0),
    flow: false,
    colonFollows,
    spaceBefore: glued,
    emptyDocument,
  };
}
