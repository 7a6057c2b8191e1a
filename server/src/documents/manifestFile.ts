import { Composer, Parser, type Document, type Tags, type YAMLError } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LineIndex } from './lineIndex';
import { makeDiagnostic } from './diagnostic';
import { detectFileFlavor, detectDocumentFlavor, type DocumentFlavor, type FileFlavor } from './detect';
import { LIMITS } from './limits';
import { documentChunks } from './documentChunks';
import { shiftDocument } from './shiftRanges';

/** One `---` document of a YAML file. */
export interface ManifestDoc {
  index: number;
  yaml: Document.Parsed;
  /** Plain JS value of the document; undefined when the document could not be converted (see diagnostics). */
  value: unknown;
  flavor: DocumentFlavor;
  /** Offsets of the document in the file text. */
  start: number;
  end: number;
}

/** A YAML file parsed once per version: its documents, what they are, and YAML-level findings. */
export interface ManifestFile {
  uri: string;
  text: string;
  lines: LineIndex;
  flavor: FileFlavor;
  /** Go templates (Helm charts) are not YAML until rendered: such files get no schema diagnostics. */
  templated: boolean;
  docs: ManifestDoc[];
  /** Syntax, duplicate-key and resource-limit findings. */
  diagnostics: Diagnostic[];
  /** The per-chunk parses, handed to the next parse of the same URI for reuse. */
  chunks?: ParsedChunk[];
}

// Compose's merge tags: `!reset` drops an inherited value, `!override` replaces it whole.
// For validation both stand for the value they carry (`!reset` on a scalar for null).
const COMPOSE_TAGS: Tags = [
  { tag: '!reset', resolve: () => null },
  { tag: '!reset', collection: 'map', resolve: (v: unknown) => v } as never,
  { tag: '!reset', collection: 'seq', resolve: (v: unknown) => v } as never,
  { tag: '!override', resolve: (s: string) => s },
  { tag: '!override', collection: 'map', resolve: (v: unknown) => v } as never,
  { tag: '!override', collection: 'seq', resolve: (v: unknown) => v } as never,
];

const TEMPLATE_PATTERN = /\{\{[\s\S]*?\}\}/;

const PARSE_OPTIONS = { merge: true, customTags: COMPOSE_TAGS, uniqueKeys: true, prettyErrors: false, strict: false } as const;

/**
 * Parses a file document by document. Given the previous parse of the same URI, documents whose
 * text is unchanged are reused (their ranges moved if the text before them changed length), so
 * an edit costs the parse of the edited document, not of the whole file.
 */
export function parseManifestFile(uri: string, text: string, previous?: ManifestFile): ManifestFile {
  const lines = new LineIndex(text);
  const file: ManifestFile = { uri, text, lines, flavor: 'none', templated: false, docs: [], diagnostics: [] };
  if (text.length > LIMITS.maxFileChars) {
    file.diagnostics.push(
      makeDiagnostic(lines, 0, 0, 'information', 'file-too-large',
        `File not validated: ${(text.length / 1e6).toFixed(1)} MB is over the ${LIMITS.maxFileChars / 1e6} MB limit for validation.`),
    );
    return file;
  }
  if (text.includes('\u0000')) {
    file.diagnostics.push(makeDiagnostic(lines, 0, 0, 'information', 'binary-file', 'File not validated: it contains NUL bytes and looks binary.'));
    return file;
  }
  file.templated = TEMPLATE_PATTERN.test(text);
  const reusable = new Map<string, ParsedChunk[]>();
  for (const chunk of previous?.chunks ?? []) {
    const list = reusable.get(chunk.text) ?? [];
    list.push(chunk);
    reusable.set(chunk.text, list);
  }
  file.chunks = [];
  for (const [start, end] of documentChunks(text)) {
    const chunkText = text.slice(start, end);
    const reused = reusable.get(chunkText)?.shift();
    const chunk = reused ? moveChunk(reused, start) : parseChunk(chunkText, start);
    file.chunks.push(chunk);
    for (const entry of chunk.entries) {
      file.docs.push({ ...entry, index: file.docs.length, flavor: 'other' });
      for (const p of entry.problems) file.diagnostics.push(makeDiagnostic(lines, p.start, p.end, p.severity, p.code, p.message));
    }
  }
  file.flavor = detectFileFlavor(uri, file.docs.map((d) => d.value));
  for (const doc of file.docs) doc.flavor = detectDocumentFlavor(file.flavor, doc.value);
  if (file.templated) file.diagnostics = [];
  return file;
}

interface Problem {
  start: number;
  end: number;
  severity: 'error' | 'information';
  code: string;
  message: string;
}

/** The parse of one `---` chunk of text (normally one document), reusable while its text is unchanged. */
export interface ParsedChunk {
  text: string;
  start: number;
  entries: Array<{ yaml: Document.Parsed; value: unknown; start: number; end: number; problems: Problem[] }>;
}

function parseChunk(chunkText: string, start: number): ParsedChunk {
  // Starting the parser at the chunk's offset makes every range absolute in the file.
  const parser = new Parser();
  parser.offset = start;
  const composer = new Composer(PARSE_OPTIONS);
  const entries: ParsedChunk['entries'] = [];
  for (const yamlDoc of composer.compose(parser.parse(chunkText), false, start + chunkText.length)) {
    let problems: Problem[] = yamlDoc.errors.map((error) => describeYamlError(chunkText, start, error));
    const exhausted = problems.find((p) => p.code === 'resource-limit');
    // A document the parser gave up on is reported once and not validated.
    if (exhausted) problems = [exhausted];
    const value = exhausted ? undefined : toPlainValue(yamlDoc, problems);
    entries.push({ yaml: yamlDoc, value, start: yamlDoc.range[0], end: yamlDoc.range[2], problems });
  }
  return { text: chunkText, start, entries };
}

function moveChunk(chunk: ParsedChunk, start: number): ParsedChunk {
  const delta = start - chunk.start;
  if (delta === 0) return chunk;
  for (const entry of chunk.entries) {
    shiftDocument(entry.yaml, delta);
    entry.start += delta;
    entry.end += delta;
    for (const p of entry.problems) {
      p.start += delta;
      p.end += delta;
    }
  }
  chunk.start = start;
  return chunk;
}

function describeYamlError(chunkText: string, chunkStart: number, error: YAMLError): Problem {
  const duplicate = error.code === 'DUPLICATE_KEY';
  const [start, end] = duplicate ? keySpan(chunkText, chunkStart, error.pos[0]) : error.pos;
  if (error.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(error.message)) {
    // The parser ran out of stack on absurd nesting: say so, not "Maximum call stack size exceeded".
    return { start, end, severity: 'error', code: 'resource-limit', message: 'Document not validated: nesting is too deep to process.' };
  }
  return { start, end, severity: 'error', code: duplicate ? 'duplicate-key' : 'yaml-syntax', message: cleanYamlMessage(error.message) };
}

// The `yaml` library guards aliases (maxAliasCount) and may overflow the stack on absurd nesting:
// both become one diagnostic on the document instead of a crash.
function toPlainValue(yamlDoc: Document.Parsed, out: Problem[]): unknown {
  if (yamlDoc.contents === null) return null;
  try {
    return yamlDoc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (error) {
    const [start, end] = yamlDoc.contents.range ?? yamlDoc.range;
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

function cleanYamlMessage(message: string): string {
  // The parser appends " at line N, column M" and a code frame; the range already says where.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

// The parser marks a duplicate key by its first character; cover the whole key.
function keySpan(chunkText: string, chunkStart: number, start: number): [number, number] {
  const local = start - chunkStart;
  const match = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n]*?)\s*:(\s|$)/.exec(chunkText.slice(local, local + 1024));
  return match ? [start, start + match[1]!.length] : [start, start + 1];
}
