import { Composer, isCollection, isMap, Parser, visit, type CST, type Document, type YAMLError } from 'yaml';
import { entriesFromScan } from './blockScan';
import { entriesFromTokens } from './cstWalk';
import { LIMITS } from './limits';
import { PARSE_OPTIONS } from './parseOptions';
import type { PositionTable } from './positionTable';
import { walkDocument } from './walkDocument';

/** A YAML-level problem; offsets are relative to the start of its chunk. */
export interface ChunkProblem {
  start: number;
  end: number;
  severity: 'error' | 'information';
  code: string;
  message: string;
  /** A problem only to Kubernetes and Compose documents (other YAML may mean it): not reported elsewhere. */
  manifestsOnly?: true;
}

/** What validation needs of one document: plain data only, so a worker thread can produce it. */
export interface ChunkEntry {
  value: unknown;
  /** Offsets relative to the chunk start. */
  start: number;
  end: number;
  problems: ChunkProblem[];
  /** Key and value positions by path, when the entry was parsed away from its syntax tree (a worker). */
  positions?: PositionTable;
}

/**
 * Composes the documents of one chunk of text. The parser starts at the chunk's offset in the
 * file, so every node range is absolute in the file.
 */
export function composeChunk(chunkText: string, start: number): Document.Parsed[] {
  return composeTokens(chunkTokens(chunkText, start), start + chunkText.length);
}

function chunkTokens(chunkText: string, start: number): CST.Token[] {
  const parser = new Parser();
  parser.offset = start;
  return [...parser.parse(chunkText)];
}

function composeTokens(tokens: Iterable<CST.Token>, end: number): Document.Parsed[] {
  return [...new Composer(PARSE_OPTIONS).compose(tokens, false, end)];
}

/** Parses a chunk into its entries (and the syntax trees they came from). */
export function parseChunk(chunkText: string, start: number, withPositions = false): { entries: ChunkEntry[]; ast: Document.Parsed[] } {
  const ast = composeChunk(chunkText, start);
  return { entries: entriesOf(ast, chunkText, start, withPositions), ast };
}

/**
 * A chunk's entries with position tables and no syntax tree, as large inputs and the worker keep
 * them: straight from the text where the chunk is one plain block document (see blockScan.ts),
 * else from the parser's tokens where every document is plain (see cstWalk.ts), else composed from
 * the same tokens. Every way gives the entries parseChunk gives.
 */
export function parseChunkLean(chunkText: string, start: number): ChunkEntry[] {
  const scanned = entriesFromScan(chunkText);
  if (scanned) return scanned;
  const tokens = chunkTokens(chunkText, start);
  return entriesFromTokens(tokens, start) ?? entriesOf(composeTokens(tokens, start + chunkText.length), chunkText, start, true);
}

function entriesOf(ast: Document.Parsed[], chunkText: string, start: number, withPositions: boolean): ChunkEntry[] {
  return ast.map((yamlDoc) => {
    let problems = yamlDoc.errors.map((error) => describeYamlError(chunkText, start, error));
    const exhausted = problems.find((p) => p.code === 'resource-limit');
    // A document the parser gave up on is reported once and not validated.
    if (exhausted) problems = [exhausted];
    const plain = exhausted ? undefined : toPlainValue(yamlDoc, start, problems, withPositions);
    const entry: ChunkEntry = { value: plain?.value, start: yamlDoc.range[0] - start, end: yamlDoc.range[2] - start, problems };
    if (plain?.positions) entry.positions = plain.positions;
    return entry;
  });
}

function describeYamlError(chunkText: string, chunkStart: number, error: YAMLError): ChunkProblem {
  const duplicate = error.code === 'DUPLICATE_KEY';
  const [start, end] = duplicate ? keySpan(chunkText, error.pos[0] - chunkStart) : [error.pos[0] - chunkStart, error.pos[1] - chunkStart];
  if (error.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(error.message)) {
    // The parser ran out of stack on absurd nesting: say so, not "Maximum call stack size exceeded".
    return { start, end, severity: 'error', code: 'resource-limit', message: 'Document not validated: nesting is too deep to process.' };
  }
  return { start, end, severity: 'error', code: duplicate ? 'duplicate-key' : 'yaml-syntax', message: cleanYamlMessage(error.message) };
}

// One walk gives the value and the position table; toJS only converts what that walk cannot. The
// `yaml` library guards aliases (maxAliasCount), and either may overflow the stack on absurd
// nesting: both become one problem on the document instead of a crash.
function toPlainValue(yamlDoc: Document.Parsed, chunkStart: number, out: ChunkProblem[], withPositions: boolean): { value: unknown; positions?: PositionTable } | undefined {
  if (yamlDoc.contents === null) return withPositions ? { value: null, positions: {} } : { value: null };
  try {
    const walked = walkDocument(yamlDoc, chunkStart, withPositions);
    // Only documents the walk could not convert alone can have collection keys.
    if (walked.needsToJS) out.push(...collectionKeys(yamlDoc, chunkStart));
    const value = walked.needsToJS ? yamlDoc.toJS({ maxAliasCount: LIMITS.maxAliasCount }) : walked.value;
    return walked.positions ? { value, positions: walked.positions } : { value };
  } catch (error) {
    const [start, end] = (yamlDoc.contents.range ?? yamlDoc.range).map((n) => n - chunkStart) as [number, number];
    const message =
      error instanceof RangeError
        ? `Document not validated: nesting is too deep to process.`
        : /alias/i.test(String((error as Error).message))
          ? `Document not validated: its aliases expand too far (over ${LIMITS.maxAliasCount} alias uses; a "billion laughs" pattern?).`
          : `Document not validated: ${(error as Error).message}`;
    out.push({ start, end: Math.min(end, start + 1), severity: 'error', code: 'resource-limit', message });
    return undefined;
  }
}

/**
 * Keys that are lists or maps (`? [a, b]`, `{x: 1}: y`): valid YAML, but Kubernetes and Compose
 * read documents as JSON objects, whose keys are strings, and reject them (kubectl: "invalid map
 * key"); yaml's toJS would quietly turn them into strings. Reported on Kubernetes and Compose
 * documents only (`manifestsOnly`): elsewhere a collection key may be meant.
 */
function collectionKeys(yamlDoc: Document.Parsed, chunkStart: number): ChunkProblem[] {
  const found: ChunkProblem[] = [];
  visit(yamlDoc, {
    Pair(_, pair) {
      const key = pair.key;
      if (!isCollection(key) || !key.range) return;
      const message =
        `This key is ${isMap(key) ? 'a map' : 'a list'}: keys must be plain values (strings, numbers, booleans). ` +
        'Kubernetes and Compose read YAML as JSON objects, whose keys are strings, and reject the document.';
      found.push({ start: key.range[0] - chunkStart, end: key.range[1] - chunkStart, severity: 'error', code: 'collection-key', manifestsOnly: true, message });
    },
  });
  return found;
}

function cleanYamlMessage(message: string): string {
  // The parser appends " at line N, column M" and a code frame; the range already says where.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

// The parser marks a duplicate key by its first character; cover the whole key.
function keySpan(chunkText: string, local: number): [number, number] {
  const match = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n]*?)\s*:(\s|$)/.exec(chunkText.slice(local, local + 1024));
  return match ? [local, local + match[1]!.length] : [local, local + 1];
}
