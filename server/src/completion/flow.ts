import type { PathSegment } from '../documents/yamlPath';

/** Skips a quoted scalar starting at `i` (on its quote); returns the offset after the closing quote. */
function skipQuoted(text: string, i: number, limit: number): number {
  const quote = text[i];
  for (let j = i + 1; j < limit; j++) {
    const c = text[j];
    if (quote === '"' && c === '\\') j++;
    else if (c === quote) {
      if (quote === "'" && text[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return limit;
}

function skipComment(text: string, i: number, limit: number): number {
  const eol = text.indexOf('\n', i);
  return eol < 0 || eol > limit ? limit : eol;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDelimiter = (c: string | undefined) => c === undefined || c === ',' || c === '}' || c === ']' || c === '{' || c === '[' || isBlank(c);

/** Offset just past the bracket that closes the flow collection opened at `open`; `limit` when unclosed. */
export function flowEnd(text: string, open: number, limit: number): number {
  let depth = 0;
  let tokenStart = true;
  for (let i = open; i < limit; i++) {
    const c = text[i]!;
    if ((c === '"' || c === "'") && tokenStart) {
      i = skipQuoted(text, i, limit) - 1;
      tokenStart = false;
    } else if (c === '#' && isBlank(text[i - 1])) i = skipComment(text, i, limit) - 1;
    else if (c === '{' || c === '[') {
      depth++;
      tokenStart = true;
    } else if (c === '}' || c === ']') {
      if (--depth === 0) return i + 1;
    } else if (c === ',' || c === ':') tokenStart = true;
    else if (!isBlank(c)) tokenStart = false;
  }
  return limit;
}

interface Frame {
  open: '{' | '[';
  /** The key or index of the parent collection this collection is the value of. */
  segment?: PathSegment;
  /** In a mapping, after `key:`: the key whose value is being written. */
  key?: string;
  keys: string[];
  index: number;
  token: string;
  tokenStart: number;
}

/** Where the cursor is inside a flow collection, relative to the collection's owner. */
export interface FlowCursor {
  /** Segments from the outermost collection to the node at the cursor. */
  path: PathSegment[];
  /** `key`: a key of the mapping at `path` is typed; `value`: the value at `path`; `item`: a list item at `path`. */
  target: 'key' | 'value' | 'item';
  wordStart: number;
  wordEnd: number;
  /** Keys of the mapping at the cursor, written before or after it. */
  siblings: string[];
  /** A key of the current entry is already followed by its colon (`{na|me: x}`). */
  colonFollows: boolean;
}

function step(frames: Frame[], text: string, i: number, limit: number): number {
  const top = frames[frames.length - 1];
  const c = text[i]!;
  if (!top) return i + 1;
  if ((c === '"' || c === "'") && top.token === '') {
    const end = skipQuoted(text, i, limit);
    top.tokenStart = i + 1;
    top.token = text.slice(i + 1, Math.max(i + 1, end - 1)) || ' ';
    return end;
  }
  if (c === '#' && isBlank(text[i - 1])) return skipComment(text, i, limit);
  if (c === '{' || c === '[') {
    const segment = top.open === '{' ? (top.key ?? (top.token.trim() || undefined)) : top.index;
    frames.push({ open: c, segment, keys: [], index: 0, token: '', tokenStart: -1 });
  } else if (c === '}' || c === ']') {
    frames.pop();
  } else if (c === ',') {
    if (top.open === '[') top.index++;
    top.key = undefined;
    top.token = '';
    top.tokenStart = -1;
  } else if (c === ':' && top.open === '{' && top.key === undefined && isDelimiter(text[i + 1])) {
    top.key = top.token.trim();
    top.keys.push(top.key);
    top.token = '';
    top.tokenStart = -1;
  } else if (!isBlank(c) || top.token !== '') {
    if (top.token === '') top.tokenStart = i;
    top.token += c;
  }
  return i + 1;
}

/**
 * Reads the flow collection opened at `open` up to the cursor (and the rest of the innermost
 * collection for its keys). Undefined when the cursor is in a comment.
 */
export function flowCursor(text: string, open: number, cursor: number, limit: number): FlowCursor | undefined {
  const frames: Frame[] = [];
  frames.push({ open: text[open] === '[' ? '[' : '{', keys: [], index: 0, token: '', tokenStart: -1 });
  let i = open + 1;
  while (i < cursor) {
    const next = step(frames, text, i, limit);
    if (next >= cursor && text[i] === '#' && isBlank(text[i - 1])) return undefined; // in a comment
    if (next > cursor && (text[i] === '"' || text[i] === "'")) {
      // inside a quoted scalar: the word is the quoted text up to the cursor
      const top = frames[frames.length - 1]!;
      top.token = text.slice(i + 1, cursor);
      top.tokenStart = i + 1;
      break;
    }
    i = next;
    if (frames.length === 0) return undefined;
  }
  const top = frames[frames.length - 1]!;
  const path = frames.slice(1).map((f) => f.segment ?? '');
  let wordEnd = cursor;
  while (wordEnd < limit && !isDelimiter(text[wordEnd]) && text[wordEnd] !== ':' && text[wordEnd] !== '"' && text[wordEnd] !== "'") wordEnd++;
  const wordStart = top.tokenStart >= 0 ? top.tokenStart : cursor;
  const colonFollows = /^[ \t]*:(?=[\s,}\]]|$)/.test(text.slice(wordEnd, wordEnd + 8));
  const siblings = [...top.keys, ...keysAfter(text, cursor, limit, top.open)];
  if (top.open === '[') return { path: [...path, top.index], target: 'item', wordStart, wordEnd, siblings: [], colonFollows: false };
  if (top.key !== undefined) return { path: [...path, top.key], target: 'value', wordStart, wordEnd, siblings, colonFollows: false };
  return { path, target: 'key', wordStart, wordEnd, siblings, colonFollows };
}

// Keys of the innermost mapping written after the cursor: those of the entries after the current one.
function keysAfter(text: string, cursor: number, limit: number, open: '{' | '['): string[] {
  if (open !== '{') return [];
  // key '' until the next comma, so a colon of the entry under the cursor is not counted
  const root: Frame = { open: '{', key: '', keys: [], index: 0, token: 'x', tokenStart: cursor };
  const frames = [root];
  let counting = false;
  for (let i = cursor; i < limit && frames.length > 0; ) {
    if (!counting && frames.length === 1 && text[i] === ',') counting = true;
    i = step(frames, text, i, limit);
  }
  return counting ? root.keys : [];
}
