import type { ManifestFile } from './manifestFile';
import { parseManifestFileAsync } from './parseAsync';
import type { ParsePool } from './parsePool';

/**
 * Parses each (uri, version) once and keeps the latest parse per URI. Parses of one URI are
 * chained, so each reuses the unchanged documents of the one before.
 */
export class ParsedFiles {
  private readonly files = new Map<string, { version: number; file: Promise<ManifestFile> }>();

  constructor(private readonly pool?: ParsePool) {}

  get(uri: string, version: number, text: () => string): Promise<ManifestFile> {
    const hit = this.files.get(uri);
    if (hit && hit.version === version) return hit.file;
    const content = text();
    const previous = hit ? hit.file.catch(() => undefined) : Promise.resolve(undefined);
    const file = previous.then((prev) => parseManifestFileAsync(uri, content, prev, this.pool));
    this.files.set(uri, { version, file });
    return file;
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }
}
