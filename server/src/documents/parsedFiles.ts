import type { ChunkEntry } from './chunkParser';
import type { ManifestFile, ParsedChunk } from './manifestFile';
import { parseManifestFileAsync, type WhileWorkerParses } from './parseAsync';
import type { ParsePool } from './parsePool';

/**
 * Parses each (uri, version) once and keeps the latest parse per URI. Parses of one URI are
 * chained, so each reuses the unchanged documents of the one before; a document whose exact text
 * another current parse has (a copy of a file, the other side of a diff) takes its entries.
 */
// Re-parsing a large file takes tens of milliseconds on the main thread. Starting it a moment after
// the keystroke lets the completion or hover request the editor sends right behind it answer first.
const LARGE_TEXT = 256 * 1024;
const LARGE_TEXT_DELAY_MS = 25;

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ParsedFiles {
  private readonly files = new Map<string, { version: number; file: Promise<ManifestFile> }>();
  /** The latest finished parse of each URI, and the chunks of all of them by text. */
  private readonly current = new Map<string, ManifestFile>();
  private readonly chunksByText = new Map<string, ParsedChunk>();

  constructor(
    private readonly pool?: ParsePool,
    /** What this thread does while the worker parses part of a large file (given its URI). */
    private readonly meanwhile?: (uri: string) => WhileWorkerParses | undefined,
  ) {}

  get(uri: string, version: number, text: () => string): Promise<ManifestFile> {
    const hit = this.files.get(uri);
    if (hit && hit.version === version) return hit.file;
    const content = text();
    const previous = hit ? hit.file.catch(() => undefined) : Promise.resolve(undefined);
    const start = hit && content.length > LARGE_TEXT ? previous.then(async (prev) => (await later(LARGE_TEXT_DELAY_MS), prev)) : previous;
    const shared = (chunkText: string): ChunkEntry[] | undefined => this.chunksByText.get(chunkText)?.entries;
    const file = start.then((prev) => parseManifestFileAsync(uri, content, prev, this.pool, this.meanwhile && (() => this.meanwhile!(uri)), shared));
    this.files.set(uri, { version, file });
    file.then(
      (parsed) => {
        if (this.files.get(uri)?.file === file) this.setCurrent(uri, parsed);
      },
      () => {},
    );
    return file;
  }

  delete(uri: string): void {
    this.files.delete(uri);
    this.setCurrent(uri, undefined);
  }

  private setCurrent(uri: string, file: ManifestFile | undefined): void {
    const old = this.current.get(uri);
    for (const chunk of old?.chunks ?? []) if (this.chunksByText.get(chunk.text) === chunk) this.chunksByText.delete(chunk.text);
    if (!file) {
      this.current.delete(uri);
      return;
    }
    this.current.set(uri, file);
    for (const chunk of file.chunks) if (!this.chunksByText.has(chunk.text)) this.chunksByText.set(chunk.text, chunk);
  }
}
