import type { ManifestFile } from './manifestFile';
import { parseManifestFileAsync, type WhileWorkerParses } from './parseAsync';
import type { ParsePool } from './parsePool';

/**
 * Parses each (uri, version) once and keeps the latest parse per URI. Parses of one URI are
 * chained, so each reuses the unchanged documents of the one before.
 */
// Re-parsing a large file takes tens of milliseconds on the main thread. Starting it a moment after
// the keystroke lets the completion or hover request the editor sends right behind it answer first.
const LARGE_TEXT = 256 * 1024;
const LARGE_TEXT_DELAY_MS = 25;

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ParsedFiles {
  private readonly files = new Map<string, { version: number; file: Promise<ManifestFile> }>();

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
    const file = start.then((prev) => parseManifestFileAsync(uri, content, prev, this.pool, this.meanwhile && (() => this.meanwhile!(uri))));
    this.files.set(uri, { version, file });
    return file;
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }
}
