import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestFile } from '../documents/manifestFile';
import { makeDiagnostic } from '../documents/diagnostic';
import { locatePath, nodeRange, type PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';
import { isKustomizationFile } from './kustomizeNamespaces';

/** A path a kustomization names, where it is written, and what kind of entry names it. */
interface NamedPath {
  path: PathSegment[];
  value: string;
  what: string;
}

// Remote bases (git URLs, `github.com/org/repo//dir?ref=v1`) are fetched by kustomize, not read from the workspace.
function isRemote(entry: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry) || entry.startsWith('git@') || entry.includes('?ref=');
}

function strings(value: unknown): Array<[number, string]> {
  return Array.isArray(value) ? value.flatMap((v, i): Array<[number, string]> => (typeof v === 'string' ? [[i, v]] : [])) : [];
}

// `files:` entries may be `key=path`: the path is after the first '='.
function generatorFile(entry: string): string {
  const eq = entry.indexOf('=');
  return eq >= 0 ? entry.slice(eq + 1) : entry;
}

function namedPaths(value: Record<string, unknown>): NamedPath[] {
  const out: NamedPath[] = [];
  for (const list of ['resources', 'components', 'crds', 'bases'] as const) {
    for (const [i, entry] of strings(value[list])) out.push({ path: [list, i], value: entry, what: list === 'bases' ? 'base' : list.replace(/s$/, '') });
  }
  const patches = [value.patches, value.patchesStrategicMerge, value.patchesJson6902];
  patches.forEach((list, which) => {
    const key = ['patches', 'patchesStrategicMerge', 'patchesJson6902'][which]!;
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (typeof item === 'string' && key === 'patchesStrategicMerge' && !item.includes('\n')) out.push({ path: [key, i], value: item, what: 'patch' });
      else if (isRecord(item) && typeof item.path === 'string') out.push({ path: [key, i, 'path'], value: item.path, what: 'patch' });
    });
  });
  for (const generator of ['configMapGenerator', 'secretGenerator'] as const) {
    const list = value[generator];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (!isRecord(item)) return;
      for (const [j, entry] of strings(item.files)) out.push({ path: [generator, i, 'files', j], value: generatorFile(entry), what: 'generator file' });
      for (const [j, entry] of strings(item.envs)) out.push({ path: [generator, i, 'envs', j], value: entry, what: 'env file' });
      if (typeof item.env === 'string') out.push({ path: [generator, i, 'env'], value: item.env, what: 'env file' });
    });
  }
  return out;
}

/**
 * `kustomization-path-missing` (crossref-rules K-ECO-006): every local path a kustomization names
 * (resources, components, patches, generator files) must exist. Also returns the URIs it asked
 * about, so creating or deleting one of them re-checks the kustomization.
 */
export function kustomizationPathDiagnostics(file: ManifestFile, exists: (uri: string) => boolean): { diagnostics: Diagnostic[]; asked: string[] } {
  const doc = file.docs[0];
  if (!isKustomizationFile(file.uri) || file.templated || !doc || !isRecord(doc.value)) return { diagnostics: [], asked: [] };
  const base = file.uri.slice(0, file.uri.lastIndexOf('/') + 1);
  const diagnostics: Diagnostic[] = [];
  const asked: string[] = [];
  for (const named of namedPaths(doc.value)) {
    const entry = named.value.trim();
    if (entry === '' || isRemote(entry)) continue;
    let uri: string;
    try {
      uri = new URL(entry.split('/').map(encodeURIComponent).join('/').replace(/^%2F/, '/'), base).href.replace(/\/$/, '');
    } catch {
      continue;
    }
    asked.push(uri);
    if (exists(uri)) continue;
    const range = nodeRange(locatePath(doc.yaml, named.path).node);
    if (!range) continue;
    diagnostics.push(makeDiagnostic(file.lines, range[0], range[1], 'error', 'kustomization-path-missing', `The ${named.what} "${entry}" does not exist (relative to this kustomization's folder): kustomize build will fail.`));
  }
  return { diagnostics, asked };
}
