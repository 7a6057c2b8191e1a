import type { ManifestFile } from '../../documents/manifestFile';
import type { Loader } from './loader';
import { merge } from './merge';
import { asMap, asScalar, get, str } from './model';
import type { YEntry, YMap, YNode } from './tree';
import { asDir, dirOf, resolvePath } from './uris';

/**
 * `include` (spec 14-include.md, compose-go loader/include.go): each entry is loaded as its own
 * model (the first path main, the others merged onto it; relative paths from the included
 * file's folder) and its resources are copied into the including document. A name the
 * including document also declares is merged, the including side winning.
 */

const RESOURCES = ['services', 'volumes', 'networks', 'secrets', 'configs', 'models'];

/** Pulls the includes of one document into it and removes its `include` key. */
export function applyInclude(loader: Loader, cfg: YMap, stack: string[]): void {
  const include = cfg.entries.get('include');
  if (!include) return;
  cfg.entries.delete('include');
  const dir = dirOf(cfg.origin.src.file.uri);
  const list = include.value.kind === 'seq' ? include.value.items : [include.value];
  for (const item of list) {
    const map = asMap(item);
    const pathNode = map ? get(map, 'path') : item;
    const paths = pathNode?.kind === 'seq' ? pathNode.items : pathNode ? [pathNode] : [];
    const files = loadFiles(loader, paths, dir);
    if (!files || files.length === 0 || stack.includes(files[0]!.uri)) continue; // include cycles: Compose refuses them, we stop
    const projectDir = str(get(map, 'project_directory'));
    const resolvedDir = projectDir === undefined ? dirOf(files[0]!.uri) : resolvePath(projectDir, dir);
    const model = loader.loadModel(files, resolvedDir && asDir(resolvedDir), [...stack, files[0]!.uri]);
    if (model) importResources(model, cfg);
  }
}

// Undefined when some path is unknown (then the project is incomplete: anything may be declared there).
function loadFiles(loader: Loader, paths: YNode[], dir: string | undefined): ManifestFile[] | undefined {
  const files: ManifestFile[] = [];
  for (const node of paths) {
    const path = str(node);
    const uri = path === undefined ? undefined : resolvePath(path, dir);
    if (path === undefined || uri === undefined) {
      // an unset variable, a remote or home path: something is included that we can't read
      if (asScalar(node)?.unresolved || path) loader.incomplete = true;
      return undefined;
    }
    const file = loader.workspace.getFile(uri);
    loader.includes.push({ at: node.origin, path, uri, found: file !== undefined });
    if (!file) {
      loader.incomplete = true;
      return undefined;
    }
    files.push(file);
  }
  return files;
}

function importResources(model: YMap, cfg: YMap): void {
  for (const kind of RESOURCES) {
    const from = model.entries.get(kind);
    const fromMap = asMap(from?.value);
    if (!from || !fromMap) continue;
    let target = asMap(cfg.entries.get(kind)?.value)?.entries;
    if (!target) {
      target = new Map();
      cfg.entries.set(kind, { key: kind, origins: from.origins, value: { kind: 'map', origin: fromMap.origin, entries: target } });
    }
    for (const e of fromMap.entries.values()) {
      const local = target.get(e.key);
      if (!local) {
        target.set(e.key, e);
        continue;
      }
      const value = merge(e.value, local.value, [kind, e.key]);
      const merged: YEntry = { key: e.key, origins: [...local.origins, ...e.origins], value: value ?? local.value };
      target.set(e.key, merged);
    }
  }
}
