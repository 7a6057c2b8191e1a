import { parseManifestFile, type ManifestFile } from './manifestFile';

/** Parses each (uri, version) once and keeps the latest parse per URI. */
export class ParsedFiles {
  private readonly files = new Map<string, { version: number; file: ManifestFile }>();

  get(uri: string, version: number, text: () => string): ManifestFile {
    const hit = this.files.get(uri);
    if (hit && hit.version === version) return hit.file;
    const file = parseManifestFile(uri, text(), hit?.file);
    this.files.set(uri, { version, file });
    return file;
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  all(): ManifestFile[] {
    return [...this.files.values()].map((e) => e.file);
  }
}
