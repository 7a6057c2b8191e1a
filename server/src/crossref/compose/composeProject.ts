import type { ManifestFile } from '../../documents/manifestFile';
import { Loader, type ExtendsProblem, type IncludeRef } from './loader';
import { enforceUnicity } from './merge';
import { asMap, entries, get } from './model';
import type { YEntry, YMap } from './tree';
import { baseName, dirOf } from './uris';
import type { ComposeWorkspace } from './workspace';

/**
 * The Compose project a file belongs to, merged as `docker compose` builds it:
 *
 * - `compose.yaml` (or compose.yml, docker-compose.yml, docker-compose.yaml) is merged with the
 *   override file beside it (compose.override.yml, compose.override.yaml, docker-compose.override.yml,
 *   docker-compose.override.yaml; the first found, as Compose picks), and an override file with the
 *   standard file beside it (the first found): both files of the pair see the same project.
 * - Any other file (`compose.prod.yaml`, a file another one includes, …) is its own project: its
 *   includes and extends are resolved, but nobody's include of it is (include makes the including
 *   project see the included file, not the reverse). When a standard project sits beside it, the
 *   file is probably used as `-f compose.yaml -f this.yaml`: names declared there satisfy its
 *   references (`fallback`), nothing else is merged, so a standalone alternative file is not
 *   judged by the standard file's settings.
 */

export const STANDARD_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const OVERRIDE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

export type ResourceKind = 'networks' | 'volumes' | 'secrets' | 'configs' | 'models';

export interface ServiceModel {
  name: string;
  /** The merged definition (a mapping; services written as null or scalars get an empty one). */
  node: YMap;
  /** The `services.<name>` key in every file that declares it. */
  decl: YEntry;
}

export interface ComposeProject {
  entry: ManifestFile;
  /** The files merged (the standard file first). */
  files: ManifestFile[];
  /** The merged model; undefined when no file had Compose content. */
  root: YMap | undefined;
  services: ServiceModel[];
  /** The services by name. */
  byName: Map<string, ServiceModel>;
  includes: IncludeRef[];
  extendsProblems: ExtendsProblem[];
  /** Part of the project could not be read: "undefined" findings are not reported. */
  incomplete: boolean;
  /** The standard project beside a file of another name (see above). */
  fallback?: ComposeProject;
}

function firstFile(workspace: ComposeWorkspace, dir: string, names: string[], entry: ManifestFile): ManifestFile | undefined {
  for (const name of names) {
    let uri: string;
    try {
      uri = new URL(name, dir).href;
    } catch {
      return undefined;
    }
    const file = uri === entry.uri ? entry : workspace.getFile(uri);
    if (file) return file;
  }
  return undefined;
}

function projectFiles(entry: ManifestFile, workspace: ComposeWorkspace): { files: ManifestFile[]; standard?: ManifestFile[] } {
  const dir = dirOf(entry.uri);
  if (!dir) return { files: [entry] };
  const name = baseName(entry.uri).toLowerCase();
  if (OVERRIDE_NAMES.includes(name)) {
    const base = firstFile(workspace, dir, STANDARD_NAMES, entry);
    return { files: base ? [base, entry] : [entry] };
  }
  const override = firstFile(workspace, dir, OVERRIDE_NAMES, entry);
  if (STANDARD_NAMES.includes(name)) return { files: override ? [entry, override] : [entry] };
  const base = firstFile(workspace, dir, STANDARD_NAMES, entry);
  if (!base) return { files: [entry] };
  return { files: [entry], standard: override ? [base, override] : [base] };
}

function build(entry: ManifestFile, files: ManifestFile[], workspace: ComposeWorkspace): ComposeProject {
  const loader = new Loader(workspace);
  const root = loader.loadModel(files, dirOf(files[0]!.uri), [files[0]!.uri]);
  if (root) enforceUnicity(root);
  const services: ServiceModel[] = entries(get(root, 'services')).map((decl) => ({
    name: decl.key,
    node: asMap(decl.value) ?? { kind: 'map', origin: decl.value.origin, entries: new Map() },
    decl,
  }));
  const byName = new Map(services.map((s) => [s.name, s]));
  return { entry, files, root, services, byName, includes: loader.includes, extendsProblems: loader.extendsProblems, incomplete: loader.incomplete };
}

/** Loads the merged project that `entry` belongs to. Never throws on malformed input. */
export function loadComposeProject(entry: ManifestFile, workspace: ComposeWorkspace): ComposeProject {
  const { files, standard } = projectFiles(entry, workspace);
  const project = build(entry, files, workspace);
  if (standard) {
    project.fallback = build(standard[0]!, standard, workspace);
    project.incomplete ||= project.fallback.incomplete; // its unreadable parts may declare what we look up
  }
  return project;
}

/** A service of the project (or of the fallback project). */
export function findService(project: ComposeProject, name: string): ServiceModel | undefined {
  return project.byName.get(name) ?? (project.fallback && findService(project.fallback, name));
}

/** A top-level declaration (network, volume, …) of the project or of the fallback project. */
export function findResource(project: ComposeProject, kind: ResourceKind, name: string): YEntry | undefined {
  return asMap(get(project.root, kind))?.entries.get(name) ?? (project.fallback && findResource(project.fallback, kind, name));
}

/** Every declared name of a kind, with its declaration, for "did you mean" suggestions. */
export function declarations(project: ComposeProject, kind: ResourceKind | 'services'): YEntry[] {
  const own = entries(get(project.root, kind));
  const more = project.fallback ? declarations(project.fallback, kind).filter((e) => !own.some((o) => o.key === e.key)) : [];
  return [...own, ...more];
}
