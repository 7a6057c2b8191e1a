import { CST } from 'yaml';
import type { ChunkEntry } from './chunkParser';
import { NOT_PLAIN, resolvePlainScalar } from './plainScalar';
import { setPlainKey } from './plainValues';
import { childKey, MAX_DEPTH, MAX_ENTRIES, type PositionEntry, type PositionTable } from './positionTable';

// yaml's lexer and parser are most of a large file's parse. Manifests are nearly always written in
// a small part of YAML: block maps and sequences of single-line keys and scalars, single-line flow
// collections, literal block scalars, comments. This scanner reads that part straight from the text,
// line by line, into the entries cstWalk.ts makes from the parser's tokens (values, one document's
// range, position tables). On anything else (multi-line plain or quoted scalars, folded scalars,
// anchors, tags, explicit keys, duplicate keys, tabs, several documents, anything the parser would
// report) it gives up and the caller takes the token path, so the entries never differ: a
// differential test holds that over the corpus and thousands of mutations of it.

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();
const giveUp = (): never => {
  throw GIVE_UP;
};

/** Deeper than this the scanner gives up (the token path has its own bounds). */
const MAX_NESTING = 400;
/** yaml reports implicit keys longer than this. */
const MAX_KEY_LENGTH = 1024;

// Characters the scanner leaves to the parser wherever they appear: tabs (indentation rules),
// lone carriage returns, control and byte-order marks, Unicode line separators.
// eslint-disable-next-line no-control-regex
const UNHANDLED = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]|\r(?!\n)/;

const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DQUOTE = 34;
const SQUOTE = 39;
const COMMA = 44;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const PIPE = 124;
const BACKSLASH = 92;

/** Characters a plain scalar may not start with (`-`, `?`, `:` only when a space follows; handled apart). */
const NOT_PLAIN_START = new Set([...',[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

class Scan {
  private table: PositionTable = {};
  private count = 0;
  /** The current content line: its start, its indent, where its content starts, where its text ends (before CR LF). */
  private line = 0;
  private indent = 0;
  private at = 0;
  private lineEnd = 0;
  /** Past the current line's line break. */
  private next = 0;
  private atEnd = false;
  /** The run of comment lines skipped before the current line: its first line's indent (-1: none) and its end. */
  private commentIndent = -1;
  private commentEnd = 0;
  private commentHasBlank = false;
  /** The last node read: its start and end, and its end with what trails it (yaml's `range[2]`). */
  private start = 0;
  private end = 0;
  private trail = 0;
  private lastEmpty = false;

  constructor(private readonly text: string) {}

  document(): ChunkEntry {
    const text = this.text;
    this.seek(0);
    if (this.atEnd) giveUp(); // an empty document
    let docStart = this.line;
    if (this.indent === 0 && text.startsWith('---', this.line) && this.isBreakOrSpace(this.line + 3)) {
      this.afterValue(this.line + 3);
      this.seek(this.next);
      if (this.atEnd) giveUp();
    } else {
      docStart = this.at;
    }
    if (this.indent !== 0) giveUp();
    const value = this.blockNode('', 0, true);
    if (!this.atEnd) giveUp();
    // The document takes in what follows its last value, unless that value is empty (then it ends there).
    return { value, start: docStart, end: this.lastEmpty ? this.trail : text.length, problems: [], positions: this.table };
  }

  private isBreakOrSpace(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return i >= this.text.length || c === SPACE || c === LF || c === CR;
  }

  /** Moves to the first line from `from` (a line start) that has content, noting the comment lines passed. */
  private seek(from: number): void {
    const text = this.text;
    this.commentIndent = -1;
    this.commentHasBlank = false;
    let blank = false;
    for (let line = from; line < text.length; ) {
      const i = skipSpaces(text, line);
      const lineEnd = lineEndAt(text, i);
      const next = nextLine(text, lineEnd);
      const c = text.charCodeAt(i);
      if (i === lineEnd) {
        blank = true;
      } else if (c === HASH) {
        if (this.commentIndent < 0) this.commentIndent = i - line;
        else if (blank) this.commentHasBlank = true;
        this.commentEnd = next;
        blank = false;
      } else {
        if (line === 0 || i - line === 0) this.checkMarker(line);
        this.line = line;
        this.indent = i - line;
        this.at = i;
        this.lineEnd = lineEnd;
        this.next = next;
        this.atEnd = false;
        return;
      }
      line = next;
    }
    this.atEnd = true;
    this.indent = -1;
  }

  /** A second document (`---`, `...`) in the chunk is the parser's. */
  private checkMarker(line: number): void {
    if (line > 0 && (this.text.startsWith('---', line) || this.text.startsWith('...', line)) && this.isBreakOrSpace(line + 3)) giveUp();
    if (line === 0 && this.text.startsWith('...', 0) && this.isBreakOrSpace(3)) giveUp();
  }

  /** After a value ending at `i` on the current line: spaces, maybe a comment, the line's end; sets `trail`. */
  private afterValue(i: number): void {
    const text = this.text;
    const from = i;
    i = skipSpaces(text, i);
    if (i < this.lineEnd) {
      if (text.charCodeAt(i) !== HASH || i === from) giveUp();
    }
    this.trail = this.next;
  }

  /** Whether a collection begun now at `depth` records its children (the table's bounds, as walkDocument keeps them). */
  private records(recording: boolean, depth: number): boolean {
    return recording && depth <= MAX_DEPTH && this.count <= MAX_ENTRIES;
  }

  private reserve(path: string): void {
    this.table[path] = PENDING;
    this.count++;
  }

  /** The block collection that starts on the current line. */
  private blockNode(prefix: string, depth: number, recording: boolean): unknown {
    if (depth > MAX_NESTING) giveUp();
    if (this.isSeqItem(this.at)) return this.blockSeq(this.indent, prefix, depth, recording, false);
    const keyEnd = this.keyEnd(this.at);
    if (keyEnd >= 0) return this.blockMap(this.at, keyEnd, prefix, depth, recording);
    return giveUp(); // a scalar on a line of its own: maybe a multi-line plain scalar
  }

  private isSeqItem(i: number): boolean {
    return this.text.charCodeAt(i) === DASH && this.isBreakOrSpace(i + 1);
  }

  /**
   * Where the implicit key at `i` ends (at its `:`), or -1 if the line does not start with one.
   * Gives up on keys only the parser reads right (a space before the colon, too long).
   */
  private keyEnd(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.quoteEnd(i);
      if (close < 0) return -1;
      return text.charCodeAt(close) === COLON && this.isBreakOrSpace(close + 1) ? close : -1;
    }
    if (!this.plainStart(i, this.lineEnd)) return -1;
    for (let j = i + 1; j < this.lineEnd; j++) {
      const d = text.charCodeAt(j);
      if (d === COLON && this.isBreakOrSpace(j + 1)) {
        if (text.charCodeAt(j - 1) === SPACE || j - i > MAX_KEY_LENGTH) giveUp();
        return j;
      }
      if (d === HASH && text.charCodeAt(j - 1) === SPACE) return -1;
    }
    return -1;
  }

  private plainStart(i: number, end: number): boolean {
    const c = this.text.charCodeAt(i);
    if (i >= end || NOT_PLAIN_START.has(c)) return false;
    if (c === DASH || c === 63 /* ? */ || c === COLON) return i + 1 < end && this.text.charCodeAt(i + 1) !== SPACE;
    return true;
  }

  /** Past the closing quote of the quoted scalar at `i` on the current line, or -1 if it does not close there. */
  private quoteEnd(i: number): number {
    const text = this.text;
    const quote = text.charCodeAt(i);
    for (let j = i + 1; j < this.lineEnd; j++) {
      const c = text.charCodeAt(j);
      if (quote === DQUOTE && c === BACKSLASH) j++;
      else if (c === quote) {
        if (quote === SQUOTE && text.charCodeAt(j + 1) === SQUOTE) j++;
        else return j + 1;
      }
    }
    return -1;
  }

  /** The value of the single-line quoted scalar from `i` to `close`; escapes are resolved by yaml itself. */
  private quotedValue(i: number, close: number): string {
    const text = this.text;
    const single = text.charCodeAt(i) === SQUOTE;
    const body = text.slice(i + 1, close - 1);
    if (!body.includes(single ? "'" : '\\')) return body;
    let failed = false;
    const token = { type: single ? 'single-quoted-scalar' : 'double-quoted-scalar', offset: i, indent: 0, source: text.slice(i, close) } as const;
    const { value } = CST.resolveAsScalar(token, false, () => (failed = true));
    return failed ? giveUp() : value;
  }

  private keyName(i: number, end: number): string {
    const c = this.text.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) return this.quotedValue(i, end);
    const value = resolvePlainScalar(this.text.slice(i, end), true);
    if (value === NOT_PLAIN) giveUp();
    return value === null ? '' : String(value);
  }

  /** A block map whose first key is at `first`, ending (at its `:`) at `firstKeyEnd`. */
  private blockMap(first: number, firstKeyEnd: number, prefix: string, depth: number, recording: boolean): Record<string, unknown> {
    const records = this.records(recording, depth);
    const indent = first - this.line;
    const out: Record<string, unknown> = {};
    const names = new Set<string>();
    for (let keyStart = first, keyEnd = firstKeyEnd; ; keyStart = this.at, keyEnd = this.keyEnd(keyStart)) {
      if (keyEnd < 0) giveUp();
      const name = this.keyName(keyStart, keyEnd);
      if (names.has(name)) giveUp(); // a duplicate key: the parser reports it
      names.add(name);
      const path = childKey(prefix, depth, name);
      const recordsChild = records && !(path in this.table);
      if (recordsChild) this.reserve(path);
      const value = this.valueAfter(keyEnd + 1, indent, path, depth + 1, recordsChild);
      if (recordsChild) this.table[path] = [keyStart, keyEnd, this.start, this.end, isCollection(value)];
      setPlainKey(out, name, value);
      if (this.atEnd || this.indent < indent) break;
      if (this.indent > indent) giveUp();
    }
    this.closeCollection(first, indent);
    return out;
  }

  private blockSeq(indent: number, prefix: string, depth: number, recording: boolean, indentless: boolean): unknown[] {
    const records = this.records(recording, depth);
    const first = this.at;
    const out: unknown[] = [];
    for (;;) {
      const path = childKey(prefix, depth, out.length);
      if (records) this.reserve(path);
      const value = this.valueAfter(this.at + 1, indent, path, depth + 1, records);
      if (records) this.table[path] = [-1, -1, this.start, this.end, isCollection(value)];
      out.push(value);
      if (this.atEnd || this.indent < indent) break;
      if (this.indent > indent) giveUp();
      if (!this.isSeqItem(this.at)) {
        if (indentless) break; // the map around it goes on
        giveUp();
      }
    }
    this.closeCollection(first, indent);
    return out;
  }

  /**
   * Sets the range of a block collection that ended, from its start and its last value's trail:
   * comment lines at its indent before the dedent are its own.
   */
  private closeCollection(first: number, indent: number): void {
    this.start = first;
    this.end = this.trail;
    if (this.commentIndent >= indent) {
      // at a deeper collection's indent it was that one's; between two, where it goes is the parser's
      if (this.commentHasBlank || this.commentIndent > indent) giveUp();
      this.trail = this.atEnd ? this.commentEnd : this.at;
      this.commentIndent = -1;
    }
  }

  /**
   * The value after a map's `:` or a sequence's `-` at `i` on the current line, in a collection
   * indented `indent`; leaves the scan on the next content line after it.
   */
  private valueAfter(i: number, indent: number, path: string, depth: number, recording: boolean): unknown {
    const text = this.text;
    const j = skipSpaces(text, i);
    if (j >= this.lineEnd || (text.charCodeAt(j) === HASH && j > i)) {
      // Nothing more on this line: the value is on the lines below, or empty.
      const empty = j;
      const sameLineComment = j < this.lineEnd;
      this.seek(this.next);
      if (!this.atEnd && this.indent > indent) return this.blockNode(path, depth, recording);
      if (!this.atEnd && this.indent === indent && this.isSeqItem(this.at) && text.charCodeAt(i - 1) === COLON) {
        return this.blockSeq(indent, path, depth, recording, true);
      }
      if (sameLineComment || this.commentIndent >= 0) giveUp(); // where the parser puts such comments is its business
      this.start = this.end = this.trail = empty;
      this.lastEmpty = true;
      return null;
    }
    const c = text.charCodeAt(j);
    this.lastEmpty = false;
    let value: unknown;
    let keyEnd: number;
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.quoteEnd(j);
      if (close < 0) giveUp(); // a multi-line or unclosed quoted scalar
      value = this.quotedValue(j, close);
      this.start = j;
      this.end = close;
      this.afterValue(close);
    } else if (c === LBRACKET || c === LBRACE) {
      value = this.flow(j, path, depth, recording);
      this.afterValue(this.end);
    } else if (c === PIPE) {
      return this.literal(j, indent);
    } else if (text.charCodeAt(i - 1) === DASH && (keyEnd = this.keyEnd(j)) >= 0) {
      // `- key: value`: a map whose first entry shares the item's line
      return this.blockMap(j, keyEnd, path, depth, recording);
    } else {
      if (!this.plainStart(j, this.lineEnd)) giveUp();
      let end = j + 1;
      for (let k = j + 1; k < this.lineEnd; k++) {
        const d = text.charCodeAt(k);
        if (d === HASH && text.charCodeAt(k - 1) === SPACE) break;
        if (d === COLON && this.isBreakOrSpace(k + 1)) giveUp(); // `a: b: c`
        if (d !== SPACE) end = k + 1;
      }
      const resolved = resolvePlainScalar(text.slice(j, end), false);
      if (resolved === NOT_PLAIN) giveUp();
      value = resolved;
      this.start = j;
      this.end = end;
      this.afterValue(end);
    }
    this.seek(this.next);
    // A deeper line after a scalar continues it (or is an error): the parser's.
    if (!this.atEnd && this.indent > indent) giveUp();
    if (this.commentIndent > indent) {
      if (this.commentHasBlank) giveUp();
      this.trail = this.atEnd ? this.commentEnd : this.at;
      this.commentIndent = -1;
    }
    return value;
  }

  /** A literal block scalar (`|`, `|-`) at `i`, in a collection indented `indent`. */
  private literal(i: number, indent: number): string {
    const text = this.text;
    let j = i + 1;
    const strip = text.charCodeAt(j) === DASH;
    if (strip) j++;
    if (j < this.lineEnd) giveUp(); // keep, indentation indicators, comments: the parser's
    const lines: string[] = [];
    let contentIndent = -1;
    let end = this.next;
    let blanks = 0;
    let line = this.next;
    while (line < text.length) {
      const k = skipSpaces(text, line);
      const lineEnd = lineEndAt(text, k);
      const next = nextLine(text, lineEnd);
      if (k === lineEnd) {
        if (contentIndent < 0 || k - line > contentIndent) giveUp(); // leading blank lines, or spaces kept in one
        blanks++;
        line = next;
        continue;
      }
      if (contentIndent < 0) {
        if (k - line <= indent) break;
        contentIndent = k - line;
      } else if (k - line < contentIndent) break;
      for (; blanks > 0; blanks--) lines.push('');
      lines.push(text.slice(line + contentIndent, lineEnd));
      end = next;
      line = next;
    }
    if (contentIndent < 0) giveUp(); // an empty block scalar
    this.start = i;
    this.end = this.trail = end;
    this.seek(end);
    if (!this.atEnd && this.indent > indent) giveUp();
    if (this.commentIndent > indent) giveUp();
    const value = lines.join('\n');
    return strip ? value : value + '\n';
  }

  /** A flow collection at `i` that closes on the same line; sets `start` and `end`. */
  private flow(i: number, path: string, depth: number, recording: boolean): unknown {
    if (depth > MAX_NESTING) giveUp();
    const text = this.text;
    const records = this.records(recording, depth);
    const isMap = text.charCodeAt(i) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const outMap: Record<string, unknown> = {};
    const outSeq: unknown[] = [];
    const names = new Set<string>();
    let j = i + 1;
    for (let first = true; ; first = false) {
      j = skipSpaces(text, j);
      if (j >= this.lineEnd) giveUp();
      if (text.charCodeAt(j) === close) {
        if (!first) giveUp(); // a trailing comma
        break;
      }
      if (isMap) {
        const keyStart = j;
        let keyEnd: number;
        const c = text.charCodeAt(j);
        if (c === DQUOTE || c === SQUOTE) {
          keyEnd = this.quoteEnd(j);
          if (keyEnd < 0) giveUp();
        } else {
          keyEnd = this.flowPlainEnd(j);
        }
        if (text.charCodeAt(keyEnd) !== COLON || text.charCodeAt(keyEnd + 1) !== SPACE) giveUp();
        const name = this.keyName(keyStart, keyEnd);
        if (names.has(name)) giveUp();
        names.add(name);
        const childPath = childKey(path, depth, name);
        const recordsChild = records && !(childPath in this.table);
        if (recordsChild) this.reserve(childPath);
        const value = this.flowItem(keyEnd + 1, childPath, depth + 1, recordsChild);
        if (recordsChild) this.table[childPath] = [keyStart, keyEnd, this.start, this.end, isCollection(value)];
        setPlainKey(outMap, name, value);
      } else {
        const childPath = childKey(path, depth, outSeq.length);
        if (records) this.reserve(childPath);
        const value = this.flowItem(j, childPath, depth + 1, records);
        if (records) this.table[childPath] = [-1, -1, this.start, this.end, isCollection(value)];
        outSeq.push(value);
      }
      j = this.end;
      j = skipSpaces(text, j);
      const c = text.charCodeAt(j);
      if (c === close) break;
      if (c !== COMMA) giveUp();
      j++;
      if (text.charCodeAt(j) !== SPACE && text.charCodeAt(j) !== close) giveUp();
    }
    this.start = i;
    this.end = j + 1;
    return isMap ? outMap : outSeq;
  }

  /** One item of a flow collection, from `i`; sets `start` and `end`. */
  private flowItem(i: number, path: string, depth: number, recording: boolean): unknown {
    const text = this.text;
    i = skipSpaces(text, i);
    const c = text.charCodeAt(i);
    if (c === LBRACKET || c === LBRACE) return this.flow(i, path, depth, recording);
    this.start = i;
    if (c === DQUOTE || c === SQUOTE) {
      this.end = this.quoteEnd(i);
      if (this.end < 0) giveUp();
      return this.quotedValue(i, this.end);
    }
    this.end = this.flowPlainEnd(i);
    const resolved = resolvePlainScalar(text.slice(i, this.end), false);
    return resolved === NOT_PLAIN ? giveUp() : resolved;
  }

  /** The end of a plain scalar at `i` inside a flow collection (before `,`, `]`, `}` or `: `, spaces trimmed). */
  private flowPlainEnd(i: number): number {
    const text = this.text;
    if (!this.plainStart(i, this.lineEnd)) giveUp();
    let end = i + 1;
    for (let k = i + 1; k < this.lineEnd; k++) {
      const d = text.charCodeAt(k);
      if (d === COMMA || d === RBRACKET || d === RBRACE) return end;
      if (d === COLON) {
        const after = text.charCodeAt(k + 1);
        if (after === SPACE) return end;
        if (after === COMMA || after === RBRACKET || after === RBRACE || after === LBRACKET || after === LBRACE || k + 1 >= this.lineEnd) giveUp();
      }
      if (d === LBRACKET || d === LBRACE || (d === HASH && text.charCodeAt(k - 1) === SPACE)) giveUp();
      if (d !== SPACE) end = k + 1;
    }
    return giveUp(); // the collection goes on past the line
  }
}

const PENDING: PositionEntry = [-1, -1, -1, -1, 0];

function skipSpaces(text: string, i: number): number {
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** The end of the line holding `i`, before its line break (LF, or CR LF: a lone CR never gets here). */
function lineEndAt(text: string, i: number): number {
  const lf = text.indexOf('\n', i);
  if (lf < 0) return text.length;
  return text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
}

/** The start of the line after the one ending at `lineEnd`. */
function nextLine(text: string, lineEnd: number): number {
  const c = text.charCodeAt(lineEnd);
  return c === CR ? lineEnd + 2 : c === LF ? lineEnd + 1 : text.length;
}

const isCollection = (value: unknown): 0 | 1 => (typeof value === 'object' && value !== null ? 1 : 0);

/**
 * The entry of a chunk that holds one plain block document (see the top of this file), straight
 * from its text, or undefined where the token path has to make it. Offsets are relative to the
 * chunk, as the other paths make them.
 */
export function entriesFromScan(chunkText: string): ChunkEntry[] | undefined {
  if (UNHANDLED.test(chunkText)) return undefined;
  try {
    return [new Scan(chunkText).document()];
  } catch (error) {
    if (error === GIVE_UP || error instanceof RangeError) return undefined;
    throw error;
  }
}
