import { CST } from 'yaml';
import type { ChunkEntry } from './chunkParser';
import { NOT_PLAIN, resolvePlainScalar } from './plainScalar';
import { setPlainKey } from './plainValues';
import { childKey, MAX_DEPTH, MAX_ENTRIES, positionEntry, type PositionEntry, type PositionTable } from './positionTable';

// yaml's composer turns the parser's tokens into a tree of nodes that walkDocument then turns into
// plain values and a position table; for large files that tree costs a third of the parse. This
// walk reads the tokens directly, for documents made only of what manifests are made of: block and
// flow collections, scalar keys, plain, quoted and block scalars, comments. On anything else
// (anchors, aliases, tags, explicit or complex keys, merge keys, duplicate keys, tabs, directives,
// anything the composer would report) it gives up and the caller composes the same tokens: the
// entries are then exactly as the composer and walkDocument make them, which a differential test
// holds over the corpus and thousands of mutations of it.

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();
const giveUp = (): never => {
  throw GIVE_UP;
};

/** Deeper than this the walk gives up (the composer has its own guard against stack overflow). */
const MAX_NESTING = 400;

type Token = CST.Token;
type SourceToken = CST.SourceToken;
type Range = readonly [number, number, number];
interface Walked {
  value: unknown;
  range: Range;
  collection: boolean;
}

function resolvePlain(source: string, atKey: boolean): unknown {
  const resolved = resolvePlainScalar(source, atKey);
  return resolved === NOT_PLAIN ? giveUp() : resolved;
}

/** What the composer's property reader finds in a run of tokens before a node; gives up where it would report a problem or see props. */
interface Props {
  found: boolean;
  comma: boolean;
  hasNewline: boolean;
  comment: boolean;
  end: number;
}

function readProps(tokens: readonly SourceToken[], indicator: string, startOnNewline: boolean, flow: boolean, offset: number): Props {
  let hasSpace = startOnNewline;
  let found = false;
  let comma = false;
  let hasNewline = false;
  let comment = false;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        if (token.source.includes('\t')) giveUp();
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) giveUp();
        comment = true;
        break;
      case 'newline':
        hasNewline = true;
        hasSpace = true;
        break;
      case 'comma':
        if (!flow || comma) giveUp();
        comma = true;
        hasSpace = false;
        break;
      default:
        if (token.type !== indicator || found) giveUp();
        found = true;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  return { found, comma, hasNewline, comment, end: last ? last.offset + last.source.length : offset };
}

/** Where the composer places an empty value: after the last token that is not space, comment or newline, and the spaces behind it. */
function emptyPosition(offset: number, before: readonly SourceToken[] | undefined): number {
  if (!before) return offset;
  let i = before.length - 1;
  for (; i >= 0; i--) {
    const type = before[i]!.type;
    if (type !== 'space' && type !== 'comment' && type !== 'newline') break;
    offset -= before[i]!.source.length;
  }
  if (i < 0) return offset;
  for (let j = i + 1; j < before.length && before[j]!.type === 'space'; j++) offset += before[j]!.source.length;
  return offset;
}

/** The end of trailing space, comments and newlines after a node; anything else there gives up. */
function endAfter(tokens: readonly SourceToken[] | undefined, offset: number): number {
  if (tokens) {
    for (const token of tokens) {
      if (token.type !== 'space' && token.type !== 'comment' && token.type !== 'newline') giveUp();
      offset += token.source.length;
    }
  }
  return offset;
}

const PENDING: PositionEntry = [-1, -1, -1, -1, 0];

const hasNewlineToken = (tokens: readonly SourceToken[] | undefined) => tokens?.some((t) => t.type === 'newline') ?? false;
const isBlock = (token: Token | undefined) => token?.type === 'block-map' || token?.type === 'block-seq';

/** Walks one chunk's documents; positions are relative to `chunkStart`, as walkDocument makes them. */
class TokenWalk {
  private table: PositionTable = {};
  private count = 0;

  constructor(private readonly chunkStart: number) {}

  document(token: CST.Document): ChunkEntry & { range: [number, number, number] } {
    this.table = {};
    this.count = 0;
    const props = readProps(token.start, 'doc-start', true, false, token.offset);
    const value = token.value;
    if (props.found && value && (value.type === 'block-map' || value.type === 'block-seq') && !props.hasNewline) giveUp();
    const contents = value ? this.node(value, '', 0, true) : this.empty(props.end, token.start, props);
    const contentEnd = contents.range[2];
    const range: [number, number, number] = [token.offset, contentEnd, endAfter(token.end, contentEnd)];
    return { value: contents.value, start: 0, end: 0, problems: [], positions: this.table, range };
  }

  // A pair's entry is reserved before its value is walked and filled in after, so that the table's
  // order and the entry bound meet each path as walkDocument does.
  private reserve(path: string): void {
    this.table[path] = PENDING;
    this.count++;
  }

  private fill(path: string, key: Range | undefined, value: Walked): void {
    this.table[path] = positionEntry(key, value.range, value.collection, this.chunkStart);
  }

  private node(token: Token, prefix: string, depth: number, recording: boolean): Walked {
    if (depth > MAX_NESTING) giveUp();
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token, false);
      case 'block-map':
        return this.blockMap(token, prefix, depth, recording);
      case 'block-seq':
        return this.blockSeq(token, prefix, depth, recording);
      case 'flow-collection':
        return this.flowCollection(token, prefix, depth, recording);
      default:
        return giveUp(); // aliases, error tokens
    }
  }

  private scalar(token: CST.FlowScalar | CST.BlockScalar, atKey: boolean): Walked {
    let failed = false;
    const resolved = CST.resolveAsScalar(token, false, () => (failed = true));
    if (failed || !resolved) giveUp();
    const value = token.type === 'scalar' ? resolvePlain(resolved!.value, atKey) : resolved!.value;
    return { value, range: resolved!.range, collection: false };
  }

  private empty(offset: number, before: readonly SourceToken[] | undefined, props: Props): Walked {
    const at = emptyPosition(offset, before);
    return { value: null, range: [at, at, props.comment ? props.end : at], collection: false };
  }

  private key(token: Token | null | undefined): { name: string; range: Range } {
    if (!token || (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar')) return giveUp();
    if (token.source.includes('\n') || hasNewlineToken(token.end)) giveUp(); // a multi-line implicit key
    const walked = this.scalar(token, true);
    return { name: walked.value === null ? '' : String(walked.value), range: walked.range };
  }

  /** One `key: value` entry of a block or flow map, into `out`; returns where its value ends. */
  private pair(
    out: Record<string, unknown>,
    names: Set<string>,
    { key, sep, value }: { key: Token | null | undefined; sep: readonly SourceToken[]; value: Token | undefined },
    prefix: string,
    depth: number,
    records: boolean,
    flow: boolean,
  ): number {
    const k = this.key(key);
    if (names.has(k.name)) giveUp(); // a duplicate key: the composer reports it
    names.add(k.name);
    const valueProps = readProps(sep, 'map-value-ind', false, flow, k.range[2]);
    if (!valueProps.found) giveUp();
    if (!flow && value?.type === 'block-map' && !valueProps.hasNewline) giveUp(); // `a: b: c`
    const path = childKey(prefix, depth, k.name);
    const recordsChild = records && !(path in this.table);
    if (recordsChild) this.reserve(path);
    const walked = value ? this.node(value, path, depth + 1, recordsChild) : this.empty(valueProps.end, sep, valueProps);
    if (recordsChild) this.fill(path, k.range, walked);
    setPlainKey(out, k.name, walked.value);
    return walked.range[2];
  }

  private blockMap(bm: CST.BlockMap, prefix: string, depth: number, recording: boolean): Walked {
    const records = recording && depth <= MAX_DEPTH && this.count <= MAX_ENTRIES;
    const out: Record<string, unknown> = {};
    const names = new Set<string>();
    let offset = bm.offset;
    let commentEnd: number | null = null;
    for (const { start, key, sep, value } of bm.items) {
      const keyProps = readProps(start, 'explicit-key-ind', true, false, offset);
      if (keyProps.found) giveUp(); // an explicit `? key`
      if (!sep) {
        if (key) giveUp();
        commentEnd = keyProps.end; // a comment line among the entries
        continue;
      }
      if (key && 'indent' in key && key.indent !== bm.indent) giveUp();
      offset = this.pair(out, names, { key, sep, value }, prefix, depth, records, false);
    }
    if (commentEnd && commentEnd < offset) giveUp();
    return { value: out, range: [bm.offset, offset, commentEnd ?? offset], collection: true };
  }

  private blockSeq(bs: CST.BlockSequence, prefix: string, depth: number, recording: boolean): Walked {
    const records = recording && depth <= MAX_DEPTH && this.count <= MAX_ENTRIES;
    const out: unknown[] = [];
    let offset = bs.offset;
    let commentEnd: number | null = null;
    for (const { start, value } of bs.items) {
      const props = readProps(start, 'seq-item-ind', true, false, offset);
      if (!props.found) {
        if (value) giveUp();
        commentEnd = props.end;
        continue;
      }
      const path = childKey(prefix, depth, out.length);
      if (records) this.reserve(path);
      const walked = value ? this.node(value, path, depth + 1, records) : this.empty(props.end, start, props);
      if (records) this.fill(path, undefined, walked);
      out.push(walked.value);
      offset = walked.range[2];
    }
    return { value: out, range: [bs.offset, offset, commentEnd ?? offset], collection: true };
  }

  private flowCollection(fc: CST.FlowCollection, prefix: string, depth: number, recording: boolean): Walked {
    const records = recording && depth <= MAX_DEPTH && this.count <= MAX_ENTRIES;
    const isMap = fc.start.source === '{';
    const outMap: Record<string, unknown> = {};
    const outSeq: unknown[] = [];
    const names = new Set<string>();
    let offset = fc.offset + fc.start.source.length;
    const last = fc.items.length - 1;
    for (const [i, { start, key, sep, value }] of fc.items.entries()) {
      const props = readProps(start, 'explicit-key-ind', false, true, offset);
      if (props.found) giveUp();
      if (!key && !sep && !value) {
        // an empty item: only a trailing comma may leave one
        if ((i === 0 && props.comma) || i < last) giveUp();
        offset = props.end;
        continue;
      }
      if (i === 0 ? props.comma : !props.comma) giveUp();
      if (!isMap) {
        if (key || sep || !value || isBlock(value)) giveUp(); // `[a: b]` pairs, block collections
        const path = childKey(prefix, depth, outSeq.length);
        if (records) this.reserve(path);
        const walked = this.node(value!, path, depth + 1, records);
        if (records) this.fill(path, undefined, walked);
        outSeq.push(walked.value);
        offset = walked.range[2];
        continue;
      }
      if (!key || !sep || isBlock(value)) giveUp();
      offset = this.pair(outMap, names, { key, sep: sep!, value }, prefix, depth, records, true);
    }
    const [close, ...rest] = fc.end;
    if (close?.source !== (isMap ? '}' : ']')) giveUp();
    const closeEnd = close!.offset + close!.source.length;
    return { value: isMap ? outMap : outSeq, range: [fc.offset, closeEnd, rest.length ? endAfter(rest, closeEnd) : closeEnd], collection: true };
  }
}

/**
 * The entries of a chunk's documents straight from its tokens (see the top of this file), or
 * undefined where the composer has to make them.
 */
export function entriesFromTokens(tokens: readonly Token[], chunkStart: number): ChunkEntry[] | undefined {
  const walk = new TokenWalk(chunkStart);
  const docs: Array<ChunkEntry & { range: [number, number, number] }> = [];
  try {
    for (const token of tokens) {
      switch (token.type) {
        case 'document':
          docs.push(walk.document(token));
          break;
        case 'doc-end': {
          const doc = docs[docs.length - 1];
          if (!doc) giveUp();
          doc!.range[2] = endAfter(token.end, token.offset + token.source.length);
          break;
        }
        case 'byte-order-mark':
        case 'space':
        case 'comment':
        case 'newline':
          break;
        default:
          giveUp(); // directives, errors
      }
    }
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    if (error instanceof RangeError) return undefined; // the stack ran out: the composer reports it
    throw error;
  }
  return docs.map(({ range, ...entry }) => ({ ...entry, start: range[0] - chunkStart, end: range[2] - chunkStart }));
}
