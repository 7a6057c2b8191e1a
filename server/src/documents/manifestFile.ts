import type { Document } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LineIndex } from './lineIndex';
import { makeDiagnostic } from './diagnostic';
import { detectFileFlavor, detectDocumentFlavor, type DocumentFlavor, type FileFlavor } from './detect';
import { LIMITS } from './limits';
import { documentChunks } from './documentChunks';
import { shiftDocument } from './shiftRanges';
import { composeChunk, parseChunk, parseChunkLean, type ChunkEntry, type ChunkProblem } from './chunkParser';
import { pathKey } from './positionTable';

/** The parse of one `---` chunk of text (normally one document), reusable while its text is unchanged. */
export class ParsedChunk {
  private ast?: Document.Parsed[];
  private astStart = 0;

  constructor(
    readonly text: string,
    /** Where the chunk starts in the file now; moves when text before it changes length. */
    public start: number,
    readonly entries: ChunkEntry[],
    ast?: Document.Parsed[],
  ) {
    if (ast) this.setAst(ast, start);
  }

  static parse(text: string, start: number): ParsedChunk {
    const { entries, ast } = parseChunk(text, start);
    return new ParsedChunk(text, start, entries, ast);
  }

  /**
   * Parses keeping a position table instead of the syntax tree, as a worker does: for large
   * inputs, where keeping every tree would cost memory and garbage-collection time, and most
   * documents are never looked at again (the tree is composed again for those that are).
   */
  static parseLean(text: string, start: number): ParsedChunk {
    return new ParsedChunk(text, start, parseChunkLean(text, start));
  }

  /**
   * What the parse worker hands over: lean entries, structured-cloned across the thread boundary
   * (their objects then have other hidden classes than the main thread's). For the hover warm-up
   * and tests, which must meet files of every kind.
   */
  static parseAsInWorker(text: string, start: number): ParsedChunk {
    return new ParsedChunk(text, start, structuredClone(parseChunkLean(text, start)));
  }

  /**
   * The syntax trees, with ranges valid at the chunk's current position. Composed on first use
   * when the values came from elsewhere (a worker), and moved only when someone looks: most
   * reused documents are never looked at again.
   */
  syntaxTrees(): Document.Parsed[] {
    if (!this.ast) this.setAst(composeChunk(this.text, this.start), this.start);
    if (this.astStart !== this.start) {
      for (const doc of this.ast!) shiftDocument(doc, this.start - this.astStart);
      this.astStart = this.start;
    }
    return this.ast!;
  }

  private setAst(ast: Document.Parsed[], start: number): void {
    this.ast = ast;
    this.astStart = start;
  }
}

/** One `---` document of a YAML file. */
export class ManifestDoc {
  flavor: DocumentFlavor = 'other';

  constructor(
    readonly index: number,
    private readonly chunk: ParsedChunk,
    private readonly entryIndex: number,
  ) {}

  private get entry(): ChunkEntry {
    return this.chunk.entries[this.entryIndex]!;
  }

  /** Plain JS value of the document; undefined when it could not be converted (see diagnostics). */
  get value(): unknown {
    return this.entry.value;
  }

  /** Offsets of the document in the file text. */
  get start(): number {
    return this.chunk.start + this.entry.start;
  }

  get end(): number {
    return this.chunk.start + this.entry.end;
  }

  /** Whether the document has YAML errors (so it may be missing parts). */
  get hasErrors(): boolean {
    return this.entry.problems.length > 0;
  }

  /** Its YAML-level problems, with offsets relative to `chunkStart`. */
  get problems(): readonly ChunkProblem[] {
    return this.entry.problems;
  }

  get chunkStart(): number {
    return this.chunk.start;
  }

  /**
   * Absolute [keyStart, keyEnd, valueStart, valueEnd, isCollection] of a path, from the position
   * table a worker sent, without building the syntax tree; undefined when there is no table or
   * the path is not in it (then use `yaml`).
   */
  fastPosition(path: readonly (string | number)[]): [number, number, number, number, 0 | 1] | undefined {
    const hit = this.entry.positions?.[pathKey(path)];
    if (!hit) return undefined;
    const base = this.chunk.start;
    return [hit[0] < 0 ? -1 : hit[0] + base, hit[1] < 0 ? -1 : hit[1] + base, hit[2] < 0 ? -1 : hit[2] + base, hit[3] < 0 ? -1 : hit[3] + base, hit[4]];
  }

  /** The syntax tree, for positions; built lazily. */
  get yaml(): Document.Parsed {
    return this.chunk.syntaxTrees()[this.entryIndex]!;
  }
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
  chunks: ParsedChunk[];
}

const TEMPLATE_PATTERN = /\{\{[\s\S]*?\}\}/;

/** A chunk of the new text: reused from the previous parse, or still to be parsed. */
export interface ChunkPlan {
  start: number;
  text: string;
  /** The same document in the previous parse of this URI. */
  reused?: ParsedChunk;
  /** The entries of the same document text in another file's current parse (a copy, a diff's other side). */
  shared?: ChunkEntry[];
}

/** Entries another current parse has for a document's exact text, if any. */
export type SharedChunks = (chunkText: string) => ChunkEntry[] | undefined;

/**
 * Splits the text into chunks and matches them with the previous parse of the same URI; returns
 * undefined (with the file's verdict filled in) when the file is not to be parsed at all.
 */
export function planParse(uri: string, text: string, previous?: ManifestFile, shared?: SharedChunks): { file: ManifestFile; plan?: ChunkPlan[] } {
  const lines = new LineIndex(text);
  const file: ManifestFile = { uri, text, lines, flavor: 'none', templated: false, docs: [], diagnostics: [], chunks: [] };
  if (text.length > LIMITS.maxFileChars) {
    const size = `${(text.length / 1e6).toFixed(1)} MB is over the ${LIMITS.maxFileChars / 1e6} MB limit for validation`;
    file.diagnostics.push(makeDiagnostic(lines, 0, 0, 'information', 'file-too-large', `File not validated: ${size}.`));
    return { file };
  }
  if (text.includes('\u0000')) {
    file.diagnostics.push(makeDiagnostic(lines, 0, 0, 'information', 'binary-file', 'File not validated: it contains NUL bytes and looks binary.'));
    return { file };
  }
  file.templated = TEMPLATE_PATTERN.test(text);
  const reusable = new Map<string, ParsedChunk[]>();
  for (const chunk of previous?.chunks ?? []) {
    const list = reusable.get(chunk.text) ?? [];
    list.push(chunk);
    reusable.set(chunk.text, list);
  }
  const plan = documentChunks(text).map(([start, end]): ChunkPlan => {
    const chunkText = text.slice(start, end);
    const reused = reusable.get(chunkText)?.shift();
    return reused ? { start, text: chunkText, reused } : { start, text: chunkText, shared: shared?.(chunkText) };
  });
  return { file, plan };
}

/** Fills a planned file from its parsed chunks (in plan order). */
export function assembleFile(file: ManifestFile, chunks: ParsedChunk[]): ManifestFile {
  file.chunks = chunks;
  for (const chunk of chunks) chunk.entries.forEach((_, i) => file.docs.push(new ManifestDoc(file.docs.length, chunk, i)));
  file.flavor = detectFileFlavor(file.uri, file.docs.map((d) => d.value));
  for (const doc of file.docs) {
    doc.flavor = detectDocumentFlavor(file.flavor, doc.value);
    for (const p of doc.problems) {
      if (p.manifestsOnly && doc.flavor === 'other') continue;
      file.diagnostics.push(makeDiagnostic(file.lines, doc.chunkStart + p.start, doc.chunkStart + p.end, p.severity, p.code, p.message));
    }
  }
  if (file.templated) file.diagnostics = [];
  return file;
}

/** The chunk of a planned document that needs no parse: its previous parse (moved), or another file's entries. */
export function reuseChunk(plan: ChunkPlan): ParsedChunk | undefined {
  if (plan.reused) {
    plan.reused.start = plan.start;
    return plan.reused;
  }
  return plan.shared && new ParsedChunk(plan.text, plan.start, plan.shared);
}

/** Parses a file with every chunk parsed one given way (no reuse): for the hover warm-up, benchmarks and tests. */
export function parseFileWith(uri: string, text: string, parse: (text: string, start: number) => ParsedChunk): ManifestFile {
  const { file, plan } = planParse(uri, text);
  return plan ? assembleFile(file, plan.map((p) => parse(p.text, p.start))) : file;
}

/**
 * Parses a file document by document. Given the previous parse of the same URI, documents whose
 * text is unchanged are reused, so an edit costs the parse of the edited document only.
 */
export function parseManifestFile(uri: string, text: string, previous?: ManifestFile): ManifestFile {
  const { file, plan } = planParse(uri, text, previous);
  if (!plan) return file;
  return assembleFile(file, plan.map((p) => reuseChunk(p) ?? ParsedChunk.parse(p.text, p.start)));
}
