import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Stops a scan from wandering forever in a huge tree (documented in the README). */
export const MAX_SCANNED_FILES = 20_000;

/**
 * Every *.yaml / *.yml file below a folder, depth first and sorted, skipping VCS and
 * node_modules folders and anything `excluded` says; symlinked folders are not followed.
 */
export function scanYamlFiles(root: string, excluded: (path: string) => boolean, limit = MAX_SCANNED_FILES): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return; // unreadable folders are skipped, not fatal
    }
    for (const name of names) {
      if (out.length >= limit) return;
      const path = join(dir, name);
      let stat;
      try {
        stat = lstatSync(path, { throwIfNoEntry: false });
        // Symlinked folders are not followed (a link to a parent loops forever); a linked file is read.
        if (stat?.isSymbolicLink()) { const target = statSync(path, { throwIfNoEntry: false }); stat = target?.isFile() ? target : undefined; }
      } catch {
        continue;
      }
      if (!stat || excluded(path)) continue;
      if (stat.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(name)) walk(path);
      } else if (stat.isFile() && /\.ya?ml$/i.test(name)) out.push(path);
    }
  };
  walk(root);
  return out;
}
