import picomatch from 'picomatch';
import { fileURLToPath } from 'node:url';
import { relative, isAbsolute, sep } from 'node:path';

function toPath(uriOrPath: string): string {
  return uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : uriOrPath;
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
  const match = picomatch(globs as string[], { dot: true });
  return candidates.some((c) => match(c));
}
