import type { ManifestFile } from '../../documents/manifestFile';
import { asMap, asScalar, entries, get, items, str } from './model';
import { parseMount } from './mounts';
import { implicitEdges } from './references';
import { toTree, type Origin, type YEntry, type YMap, type YNode } from './tree';
import { dirOf, resolvePath } from './uris';

/**
 * Where a Compose file names a service, network, volume, secret or config: every reference
 * the cross-reference rules check, plus the declarations themselves, with the characters of
 * the name (`db` inside `db:alias`, `data` inside `data:/var/lib`, `db` after `service:`).
 */

export type SiteKind = 'service' | 'networks' | 'volumes' | 'secrets' | 'configs';

export const RESOURCE_KINDS = ['networks', 'volumes', 'secrets', 'configs'] as const;

export interface Site {
  kind: SiteKind;
  name: string;
  at: Origin;
  /** Characters of the name inside the scalar (absent: the whole scalar or key). */
  sub?: [number, number];
  declaration: boolean;
  /** `extends: {file: …}`: the URI of the file whose services the name is looked up in. */
  file?: string;
}

function site(kind: SiteKind, name: string, at: Origin, sub?: [number, number], file?: string): Site {
  return { kind, name, at, declaration: false, ...(sub ? { sub } : {}), ...(file ? { file } : {}) };
}

// Short syntax (`- name`) or long syntax (`- source: name`) of secrets and configs.
function sourceSites(kind: SiteKind, list: YNode | undefined, out: Site[]): void {
  for (const item of items(list)) {
    const source = asScalar(item) ? item : get(item, 'source');
    const name = str(source);
    if (source && name) out.push(site(kind, name, source.origin));
  }
}

// `build.additional_contexts: {x: service:<name>}` (map form only: the list form is rare).
function contextSites(build: YNode | undefined, out: Site[]): void {
  for (const e of entries(get(build, 'additional_contexts'))) {
    const value = str(e.value);
    const scalar = asScalar(e.value);
    if (!value?.startsWith('service:') || !scalar) continue;
    const name = value.slice('service:'.length);
    const exact = scalar.raw === scalar.value;
    if (name) out.push(site('service', name, scalar.origin, exact ? ['service:'.length, value.length] : undefined));
  }
}

// `extends: base` or `extends: {service: base, file: other.yaml}`: only in files as written (merging drops `extends`).
function extendsSites(node: YMap, out: Site[]): void {
  const ext = get(node, 'extends');
  const serviceNode = asScalar(ext) ? ext : get(ext, 'service');
  const name = str(serviceNode);
  if (!serviceNode || !name) return;
  const path = str(get(ext, 'file'));
  const from = serviceNode.origin.src.file.uri;
  const file = path === undefined ? undefined : resolvePath(path, dirOf(from));
  if (path !== undefined && file === undefined) return; // a file we can't locate: nothing to navigate to
  out.push(site('service', name, serviceNode.origin, undefined, file === from ? undefined : file));
}

/** The references one service definition makes (merged or as written). */
export function serviceSites(name: string, value: YNode, decl: YEntry): Site[] {
  const node = asMap(value);
  if (!node) return [];
  const out: Site[] = [];
  for (const dep of entries(get(node, 'depends_on'))) for (const at of dep.origins) out.push(site('service', dep.key, at));
  for (const edge of implicitEdges({ name, node, decl })) out.push(site('service', edge.to, edge.at, edge.sub));
  contextSites(get(node, 'build'), out);
  extendsSites(node, out);
  for (const network of entries(get(node, 'networks'))) for (const at of network.origins) out.push(site('networks', network.key, at));
  for (const item of items(get(node, 'volumes'))) {
    const mount = parseMount(item);
    if (mount?.type === 'volume' && mount.source) out.push(site('volumes', mount.source, mount.sourceAt, mount.sourceSub));
  }
  sourceSites('secrets', get(node, 'secrets'), out);
  sourceSites('secrets', get(node, 'build', 'secrets'), out);
  sourceSites('configs', get(node, 'configs'), out);
  return out;
}

/** Declarations (service keys, top-level resource keys) and every reference of a model. */
export function modelSites(root: YMap | undefined): Site[] {
  const out: Site[] = [];
  for (const service of entries(get(root, 'services'))) {
    for (const at of service.origins) out.push({ kind: 'service', name: service.key, at, declaration: true });
    out.push(...serviceSites(service.key, service.value, service));
  }
  for (const kind of RESOURCE_KINDS) {
    for (const resource of entries(get(root, kind))) for (const at of resource.origins) out.push({ kind, name: resource.key, at, declaration: true });
  }
  return out;
}

/** The Compose documents of a file as written (interpolated, not merged), for what merging drops. */
export function writtenTrees(file: ManifestFile): YMap[] {
  const out: YMap[] = [];
  for (const doc of file.docs) {
    if (doc.flavor === 'kubernetes') continue;
    const tree = toTree({ file, doc: doc.index, dir: dirOf(file.uri) });
    if (tree) out.push(tree);
  }
  return out;
}
