import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseManifestFile, type ManifestFile } from '../documents/manifestFile';
import { LIMITS } from '../documents/limits';
import type { ComposeWorkspace } from '../crossref/compose/workspace';

/** Normalises a file URI so URIs built by `URL` and those sent by the editor compare equal. */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return new URL(`file://${fileURLToPath(uri).split('/').map(encodeURIComponent).join('/')}`).href;
  } catch {
    return uri;
  }
}

/**
 * What Compose cross-references may read: indexed files first (open buffers, the workspace
 * scan), then the disk for files outside the workspace (an `include:` of ../shared.yaml),
 * cached by modification time.
 */
export class ComposeHost implements ComposeWorkspace {
  private readonly disk = new Map<string, { mtime: number; file: ManifestFile }>();

  constructor(private readonly indexed: (uri: string) => ManifestFile | undefined) {}

  getFile(uri: string): ManifestFile | undefined {
    const known = this.indexed(uri) ?? this.indexed(canonicalUri(uri));
    if (known) return known;
    try {
      const path = fileURLToPath(uri);
      const stat = statSync(path);
      if (!stat.isFile() || stat.size > LIMITS.maxFileChars) return undefined;
      const cached = this.disk.get(uri);
      if (cached && cached.mtime === stat.mtimeMs) return cached.file;
      const file = parseManifestFile(uri, readFileSync(path, 'utf8'));
      this.disk.set(uri, { mtime: stat.mtimeMs, file });
      return file;
    } catch {
      return undefined;
    }
  }

  exists(uri: string): boolean {
    if (this.indexed(uri) ?? this.indexed(canonicalUri(uri))) return true;
    try {
      return existsSync(fileURLToPath(uri));
    } catch {
      return false;
    }
  }
}
