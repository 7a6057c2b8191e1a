import type { ManifestFile } from '../../documents/manifestFile';

/** What the cross-reference engine needs of the world: the server and the CLI each implement it. */
export interface ComposeWorkspace {
  /** Parsed file by URI (an open buffer or the file on disk); undefined when it does not exist or cannot be read. */
  getFile(uri: string): ManifestFile | undefined;
  /** Whether a path exists on disk (for env_file, build context, secrets' file, …). */
  exists(uri: string): boolean;
}

/** A workspace that remembers every URI asked about: those are what a file's findings depend on. */
export class RecordingWorkspace implements ComposeWorkspace {
  readonly asked = new Set<string>();
  private readonly files = new Map<string, ManifestFile | undefined>();

  constructor(private readonly inner: ComposeWorkspace) {}

  getFile(uri: string): ManifestFile | undefined {
    this.asked.add(uri);
    // One answer per URI for the whole evaluation, so every part of the project sees the same file.
    if (!this.files.has(uri)) this.files.set(uri, safely(() => this.inner.getFile(uri)));
    return this.files.get(uri);
  }

  exists(uri: string): boolean {
    this.asked.add(uri);
    return safely(() => this.inner.exists(uri)) ?? false;
  }
}

// A workspace that throws must not take the whole file's diagnostics with it.
function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
