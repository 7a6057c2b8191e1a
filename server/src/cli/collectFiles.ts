import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, normalize, resolve } from 'node:path';

/** A file to check: the path shown to the user (as given, or below a folder as given) and where it is. */
export interface InputFile {
  display: string;
  absolute: string;
}

export interface CollectedFiles {
  files: InputFile[];
  /** Paths that do not exist or cannot be listed: an I/O error (exit 2). */
  errors: string[];
}

const YAML_FILE = /\.ya?ml$/i;
// Never manifests of the project itself, and often huge.
// `.shipshape` holds the dry run's simulated cluster state, which is not a manifest.
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.shipshape']);

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

/**
 * Expands the command-line paths: files are taken as they are (whatever their extension);
 * folders give every *.yaml / *.yml below them, sorted by path so output is deterministic.
 * A file named twice (directly and through its folder) is checked once.
 */
export function collectFiles(paths: readonly string[], cwd: string): CollectedFiles {
  const files: InputFile[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    if (seen.has(file.absolute)) return;
    seen.add(file.absolute);
    files.push(file);
  };

  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let stats: Stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      errors.push(`cannot read "${given}": ${describeError(error)}.`);
      continue;
    }
    if (stats.isFile()) add({ display: normalize(given), absolute });
    else if (stats.isDirectory()) {
      const found = walkFolder(normalize(given), absolute, errors);
      found.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
      found.forEach(add);
    } else errors.push(`cannot read "${given}": not a regular file or folder.`);
  }
  return { files, errors };
}

// Iterative, following symbolic links but visiting each real folder once (links may form cycles).
function walkFolder(display: string, absolute: string, errors: string[]): InputFile[] {
  const out: InputFile[] = [];
  const visited = new Set<string>();
  const stack: Array<[string, string]> = [[display, absolute]];
  while (stack.length > 0) {
    const [folderDisplay, folder] = stack.pop()!;
    let entries;
    try {
      const real = realpathSync(folder);
      if (visited.has(real)) continue;
      visited.add(real);
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      errors.push(`cannot read folder "${folderDisplay}": ${describeError(error)}.`);
      continue;
    }
    for (const entry of entries) {
      const entryDisplay = join(folderDisplay, entry.name);
      const entryPath = join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(entryPath);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link is not a file to check
        }
      }
      if (isDirectory && !SKIPPED_FOLDERS.has(entry.name)) stack.push([entryDisplay, entryPath]);
      else if (isFile && YAML_FILE.test(entry.name)) out.push({ display: entryDisplay, absolute: entryPath });
    }
  }
  return out;
}
