import type { ComposeProject } from '../../crossref/compose/composeProject';
import type { YNode } from '../../crossref/compose/tree';
import { baseName, dirOf } from '../../crossref/compose/uris';
import { interpolateString } from '../../validation/compose/interpolation';

/**
 * A loaded Compose project (override files, includes and extends merged) as plain JS for the
 * simulator. Strings are given **as written**: `composeUp` interpolates them with the
 * environment of the run, which the tree (interpolated without one) cannot know.
 */

function plain(node: YNode): unknown {
  if (node.kind === 'scalar') return node.raw;
  if (node.kind === 'seq') return node.items.map(plain);
  const out: Record<string, unknown> = {};
  for (const [key, entry] of node.entries) {
    // defineProperty: a "__proto__" key must stay a key, not replace the prototype
    Object.defineProperty(out, key, { value: plain(entry.value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The merged model as plain JS; an empty object when the project has no Compose content. */
export function composeProjectValue(project: ComposeProject): Record<string, unknown> {
  return project.root ? (plain(project.root) as Record<string, unknown>) : {};
}

/** Compose's normalisation of a directory name: lower case, only [a-z0-9_-], no leading `_` or `-`. */
export function normalizeProjectName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

// The last path segment of a directory URI ('' for the root).
function lastSegment(uri: string): string {
  try {
    const path = new URL(uri).pathname.replace(/\/+$/, '');
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return baseName(uri.replace(/\/+$/, ''));
  }
}

/**
 * The project name: the top-level `name:` (defaults of `${VAR:-x}` applied), else the name of
 * the project directory (`dirUri`, or the first file's directory) normalised as Compose does;
 * "default" when neither gives a name. (COMPOSE_PROJECT_NAME and `-p` are the caller's to apply.)
 */
export function composeProjectName(project: ComposeProject | undefined, value: Record<string, unknown>, dirUri: string): string {
  if (typeof value.name === 'string') {
    const named = value.name.includes('$') ? interpolateString(value.name).value : value.name;
    if (named.trim()) return named.trim();
  }
  const dir = dirUri || (project ? (dirOf(project.files[0]?.uri ?? project.entry.uri) ?? '') : '');
  const name = normalizeProjectName(lastSegment(dir));
  return name || 'default';
}
