import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Connection, type FileEvent, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseManifestFile } from './documents/manifestFile';
import type { ParsedFiles } from './documents/parsedFiles';
import { parseManyAsync } from './documents/parseAsync';
import type { ParsePool } from './documents/parsePool';
import { isExcluded } from './documents/exclude';
import { LIMITS } from './documents/limits';
import { scanYamlFiles } from './workspace/scanFiles';
import type { ManifestWorkspace, UpdateEffect } from './workspace/manifestWorkspace';
import type { SettingsCache } from './settingsCache';
import { stateDirGlobs } from './shared/settings';

const SCAN_BATCH = 200;

/** A file's text, or undefined when it cannot be read or is over the size limit. */
function readSmallFile(path: string): string | undefined {
  try {
    if (statSync(path).size > LIMITS.maxFileChars) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Keeps the workspace index in step with the editor: one scan of the workspace folders at
 * start (with progress and cancellation), then per file on edits, closes and watched-file
 * events, never a rebuild. Open buffers win over the files on disk.
 */
export class WorkspaceSync {
  folders: string[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Index updates run one after another, in the order the editor sent them. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly workspace: ManifestWorkspace,
    private readonly parsed: ParsedFiles,
    private readonly settings: SettingsCache,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly pool: ParsePool | undefined,
  ) {}

  async scan(): Promise<void> {
    const excluded = await this.exclusion();
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Shipshape: indexing manifests', 0, 'scanning folders', true);
    try {
      const paths = this.folders.flatMap((folder) => (folder.startsWith('file:') ? scanYamlFiles(fileURLToPath(folder), (p) => excluded(pathToFileURL(p).href)) : []));
      // Batches: the worker parses half of each while this thread parses the rest; requests get in between.
      for (let i = 0; i < paths.length && !progress?.token.isCancellationRequested; i += SCAN_BATCH) {
        const batch = paths
          .slice(i, i + SCAN_BATCH)
          .map((path) => ({ uri: pathToFileURL(path).href, text: readSmallFile(path) }))
          .filter((f): f is { uri: string; text: string } => f.text !== undefined && !this.documents.get(f.uri));
        for (const file of await parseManyAsync(batch, this.pool)) {
          if (!this.documents.get(file.uri)) this.applied(this.workspace.update(file));
        }
        const done = Math.min(i + SCAN_BATCH, paths.length);
        progress?.report(Math.round((done / paths.length) * 100), `${done} of ${paths.length} files`);
      }
    } finally {
      progress?.done();
    }
    this.connection.languages.diagnostics.refresh();
  }

  /** Resolves when every update sent so far is in the index. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** An open buffer changed: index its text (parsed once per version, shared with the diagnostics pull). */
  changed(document: TextDocument): Promise<void> {
    const file = this.parsed.get(document.uri, document.version, () => document.getText());
    return this.enqueue(async () => {
      const parsed = await file;
      if (this.documents.get(document.uri)?.version !== document.version) return; // a newer edit is queued
      this.applied(this.workspace.update(parsed));
    });
  }

  /** A buffer closed: the file on disk is the truth again (or nothing, if it was never saved). */
  closed(uri: string): Promise<void> {
    this.parsed.delete(uri);
    return this.enqueue(async () => {
      const excluded = await this.exclusion();
      if (this.inFolders(uri) && !excluded(uri) && this.indexFromDisk(uri)) return;
      this.applied(this.workspace.remove(uri));
    });
  }

  watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    return this.enqueue(async () => {
      const excluded = await this.exclusion();
      for (const change of changes) {
        if (this.documents.get(change.uri) || !/\.ya?ml$/i.test(change.uri)) continue;
        if (change.type === FileChangeType.Deleted || excluded(change.uri)) this.applied(this.workspace.remove(change.uri));
        else if (!this.indexFromDisk(change.uri)) this.applied(this.workspace.remove(change.uri)); // gone or unreadable by now
      }
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    // A failed update must not block the ones after it; the next pull reports what it can.
    this.queue = this.queue.then(work).catch((error) => this.connection.console.error(`index update failed: ${(error as Error).stack ?? error}`));
    return this.queue;
  }

  private indexFromDisk(uri: string): boolean {
    const text = readSmallFile(fileURLToPath(uri));
    if (text === undefined) return false;
    this.applied(this.workspace.update(parseManifestFile(uri, text, this.workspace.index.file(uri))));
    return true;
  }

  // Other open files whose findings may have changed are pulled again (coalesced).
  private applied(effect: UpdateEffect): void {
    const openElsewhere = effect.all || [...effect.affected].some((uri) => this.documents.get(uri));
    if (!openElsewhere) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.connection.languages.diagnostics.refresh(), 30);
  }

  private inFolders(uri: string): boolean {
    return this.folders.some((folder) => uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`));
  }

  private async exclusion(): Promise<(uri: string) => boolean> {
    const settings = await this.settings.get(undefined);
    const filesExclude = await this.settings.filesExclude();
    const globs = [...settings.exclude, ...filesExclude, ...stateDirGlobs(settings.dryRun.stateDir)];
    return (uri) => isExcluded(uri, this.folders, globs);
  }
}
