import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.shipshape']);

/** Stops a scan from wandering forever in a huge tree (documented in the README). */
export const MAX_SCANNED_FILES = 20_000;

/**
 * Every *.yaml / *.yml file below a folder, depth first and sorted, skipping VCS and
 * node_modules folders and anything `excluded` says. Symbolic links are followed, each real
 * folder visited once (links may form cycles): the policy of `shipshape check` and of VS Code's search.
 */
export function scanYamlFiles(root: string, excluded: (path: string) => boolean, limit = MAX_SCANNED_FILES): string[] {
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = (dir: string) => {
    let names: string[];
    try {
      const real = realpathSync(dir);
      if (visited.has(real)) return;
      visited.add(real);
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
        if (stat?.isSymbolicLink()) stat = statSync(path, { throwIfNoEntry: false }); // dangling → undefined
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
