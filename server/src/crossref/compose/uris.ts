/**
 * URI arithmetic for Compose paths. Compose resolves relative paths against a directory; we do
 * the same on URIs with WHATWG URL, so the engine stays free of the filesystem. Paths we can't
 * map to a URI here (home `~`, Windows drives and pipes, remote URLs) give undefined: callers skip them.
 */

/** The directory URI (ending in "/") of a file URI; undefined for URIs without a path hierarchy (untitled:). */
export function dirOf(uri: string): string | undefined {
  try {
    const url = new URL('.', uri);
    return url.protocol === 'file:' || url.pathname.startsWith('/') ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The last path segment of a URI, decoded. */
export function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i;
const WINDOWS = /^([a-z]:[\\/]|\\\\)/i;

/** Whether a path is a remote resource (URL, git remote) rather than a local path. */
export function isRemote(path: string): boolean {
  return REMOTE.test(path);
}

/** Resolves a path written in a Compose file against a directory URI. */
export function resolvePath(path: string, dir: string | undefined): string | undefined {
  if (!dir || !path || path.startsWith('~') || WINDOWS.test(path) || isRemote(path) || path.includes('\0')) return undefined;
  const encoded = path.split('/').map((segment) => (segment === '.' || segment === '..' ? segment : encodeURIComponent(segment))).join('/');
  try {
    return new URL(encoded, dir).href;
  } catch {
    return undefined;
  }
}

/** A directory URI with its trailing slash (resolvePath of a directory path gives none when written without it). */
export function asDir(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** A URI without its trailing slash, for existence checks of directories. */
export function trimSlash(uri: string): string {
  return uri.length > 'file:///'.length && uri.endsWith('/') ? uri.slice(0, -1) : uri;
}
