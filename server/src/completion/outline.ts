import type { PathSegment } from '../documents/yamlPath';
import { flowEnd } from './flow';

/** One node start on a line: a `- ` item marker, a `key:` or a bare scalar (often a key being typed). */
export interface Entry {
  col: number;
  type: 'dash' | 'key' | 'scalar';
  key?: string;
}

/** The structure of one line of block YAML, as far as completion needs it. */
export interface LineShape {
  /** Offset of the line start in the text. */
  start: number;
  /** Line text without its line break. */
  text: string;
  entries: Entry[];
  /** Blank, comment only, block scalar content or the inside of a multi-line flow collection. */
  skip: boolean;
  /** A flow collection (`{`/`[`) opens on this line at this offset, closing at `flowClose` (exclusive). */
  flowOpen?: number;
  flowClose?: number;
  /** Inside a block scalar whose content must be indented past this column. */
  scalarParent?: number;
}

// `key:` at the start of content: a quoted key or a plain one, the colon followed by a blank or the line end.
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'{[\]},][^#]*?)[ \t]*:(?=[ \t]|$)/;
// Anchors and tags before a value (`&base`, `!reset`) do not change what the value is.
const PROPERTIES = /^(?:[&!][^\s]*[ \t]+)*/;

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/** Strips a trailing ` # comment` (outside quotes, roughly: values with `#` inside quotes are rare). */
function stripComment(value: string): string {
  const hash = value.search(/(^|[ \t])#/);
  return (hash < 0 ? value : value.slice(0, hash)).trim();
}

/** Reads the entries of a line of text; `entries` is empty for blank and comment lines. */
export function readEntries(text: string): { entries: Entry[]; valueAt?: number; value?: string } {
  const entries: Entry[] = [];
  let i = 0;
  while (text[i] === ' ') i++;
  for (;;) {
    if (text[i] !== '-' || (i + 1 < text.length && text[i + 1] !== ' ' && text[i + 1] !== '\t')) break;
    entries.push({ col: i, type: 'dash' });
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  if (i >= text.length || text[i] === '#') return { entries };
  const rest = text.slice(i);
  const match = KEY.exec(rest);
  if (!match) {
    entries.push({ col: i, type: 'scalar' });
    return { entries, valueAt: i, value: stripComment(rest) };
  }
  const after = text.slice(i + match[0].length);
  const lead = after.length - after.trimStart().length;
  const props = PROPERTIES.exec(after.trimStart())![0].length;
  const value = stripComment(after.trimStart().slice(props));
  entries.push({ col: i, type: 'key', key: unquote(match[1]!) });
  return { entries, valueAt: i + match[0].length + lead + props, value };
}

/**
 * The document's lines read as block YAML, tolerant of half-typed text: paths come from
 * indentation and `- ` markers, not from a parse, so an unfinished line does not hide its parents.
 */
export class Outline {
  readonly lines: LineShape[] = [];

  /** `text` is the whole file; the outline covers [start, end). */
  constructor(
    readonly text: string,
    start: number,
    end: number,
  ) {
    let blockParent = -1; // column the current block scalar's content must exceed; -1 when none
    let flowUntil = -1;
    // The last line counts even when empty: the cursor sits there after a final line break.
    for (let pos = start; pos < end || (pos === end && (end === text.length || this.lines.length === 0)); ) {
      let eol = text.indexOf('\n', pos);
      if (eol < 0 || eol > end) eol = end;
      const raw = text.slice(pos, eol);
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const shape: LineShape = { start: pos, text: line, entries: [], skip: true };
      const indent = line.length - line.trimStart().length;
      const blank = line.trim() === '';
      if (pos < flowUntil) {
        // inside a multi-line flow collection
      } else if (blockParent >= 0 && (blank || indent > blockParent)) {
        shape.scalarParent = blockParent;
      } else {
        blockParent = -1;
        const { entries, valueAt, value } = readEntries(line);
        shape.entries = entries;
        shape.skip = entries.length === 0;
        const last = entries[entries.length - 1];
        if (value && valueAt !== undefined && /^[|>]/.test(value)) blockParent = last?.type === 'key' ? last.col : (entries.at(-2)?.col ?? last?.col ?? 0);
        else if (value && valueAt !== undefined && /^[{[]/.test(value)) {
          shape.flowOpen = pos + valueAt;
          shape.flowClose = flowEnd(text, shape.flowOpen, end);
          flowUntil = shape.flowClose;
        }
      }
      this.lines.push(shape);
      pos = eol + 1;
    }
  }

  /** Index of the line holding an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Replaces the entries of a line (the cursor line, read from the text before the cursor). */
  setEntries(line: number, entries: Entry[]): void {
    const shape = this.lines[line]!;
    shape.entries = entries;
    shape.skip = entries.length === 0;
    delete shape.flowOpen;
  }

  /** Path of the node an entry starts: a key's value, or a list item for a dash. */
  nodePath(line: number, entry: number): PathSegment[] {
    const own = this.lines[line]!.entries[entry]!;
    const { parent, index } = this.parentOf(line, entry);
    const base = parent ? this.nodePath(parent.line, parent.entry) : [];
    return [...base, own.type === 'dash' ? index : (own.key ?? '')];
  }

  /** Path of the collection that holds an entry (the entry's parent node), collecting sibling keys. */
  containerPath(line: number, entry: number, siblings?: Set<string>): PathSegment[] {
    const { parent } = this.parentOf(line, entry, siblings);
    return parent ? this.nodePath(parent.line, parent.entry) : [];
  }

  /** Keys written below a line in the same mapping (column `col`), until the mapping ends. */
  keysBelow(line: number, col: number, out: Set<string>): void {
    for (let i = line + 1; i < this.lines.length; i++) {
      const shape = this.lines[i]!;
      if (shape.skip) continue;
      const first = shape.entries[0]!;
      if (first.col < col) return;
      if (first.col === col) {
        if (first.type === 'dash') return;
        if (first.key !== undefined) out.add(first.key);
      }
    }
  }

  // Walks up to the entry that holds this one; counts list items on the way for dashes.
  private parentOf(line: number, entry: number, siblings?: Set<string>): { parent?: { line: number; entry: number }; index: number } {
    const own = this.lines[line]!.entries[entry]!;
    let index = 0;
    if (entry > 0) return { parent: { line, entry: entry - 1 }, index };
    const ownIsDash = own.type === 'dash';
    for (let i = line - 1; i >= 0; i--) {
      const shape = this.lines[i]!;
      if (shape.skip) continue;
      for (let k = shape.entries.length - 1; k >= 0; k--) {
        const other = shape.entries[k]!;
        if (other.col > own.col) continue;
        const otherIsDash = other.type === 'dash';
        if (other.col === own.col && otherIsDash === ownIsDash) {
          if (ownIsDash) index++;
          else if (other.key !== undefined) siblings?.add(other.key);
          if (k > 0) return { parent: { line: i, entry: k - 1 }, index };
          break; // a sibling at the start of its line: the parent is further up
        }
        return { parent: { line: i, entry: k }, index };
      }
    }
    return { index };
  }
}
