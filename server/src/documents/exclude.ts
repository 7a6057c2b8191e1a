import picomatch from 'picomatch';
import { fileURLToPath } from 'node:url';
import { relative, isAbsolute, sep } from 'node:path';

function toPath(uriOrPath: string): string {
  return uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : uriOrPath;
}

// A workspace scan asks once per file with the same globs: compile them once.
let cached: { key: string; match: (path: string) => boolean } | undefined;

function matcherFor(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  if (cached?.key !== key) cached = { key, match: picomatch(globs as string[], { dot: true }) };
  return cached.match;
}

/**
 * Whether a file matches one of the `shipshape.exclude` globs, taken relative to the workspace
 * folder that contains it (or matched against the whole path when it is in none).
 */
export function isExcluded(uriOrPath: string, folders: readonly string[], globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const path = toPath(uriOrPath);
  const candidates: string[] = [];
  for (const folder of folders) {
    const rel = relative(toPath(folder), path);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) candidates.push(rel.split(sep).join('/'));
  }
  candidates.push(path.split(sep).join('/'));
  const match = matcherFor(globs);
  return candidates.some((c) => match(c));
}
