import type { KubernetesSchemas, LifecycleEntry } from '../schema/kubernetesSchemas';
import { SchemaNavigator } from '../schema/schemaNavigator';
import type { PathSegment } from '../documents/yamlPath';

// Distinct (kind, field) pairs hovered in a session stay in the hundreds; the bound only guards
// against a pathological client.
const MAX_CACHED = 20_000;

/**
 * Which of the shipped Kubernetes versions have a field: walked with each version's schema the
 * first time a (apiVersion, kind, path) is asked about, then remembered. Nothing is compiled;
 * only the definition packages on the path are read.
 */
export class FieldVersions {
  private readonly navigators = new Map<string, SchemaNavigator>();
  private readonly cache = new Map<string, readonly string[]>();

  constructor(readonly schemas: KubernetesSchemas) {}

  get shipped(): readonly string[] {
    return this.schemas.supportedVersions;
  }

  navigator(version: string): SchemaNavigator {
    let navigator = this.navigators.get(version);
    if (!navigator) this.navigators.set(version, (navigator = new SchemaNavigator(this.schemas.forVersion(version))));
    return navigator;
  }

  /**
   * The shipped versions whose schema has the path below the kind's root. Path segments are as
   * `canonicalPath` gives them: list indexes and map keys stand for any index or key.
   */
  versionsWith(apiVersion: string, kind: string, path: readonly PathSegment[]): readonly string[] {
    const key = `${apiVersion}/${kind}\u0000${path.join('\u0001')}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const versions = this.shipped.filter((v) => this.navigator(v).at(apiVersion, kind, path) !== undefined);
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, versions);
    return versions;
  }

  /** The shipped versions that serve a kind at an apiVersion (from the lifecycle table, else the manifests). */
  servingVersions(apiVersion: string, kind: string): readonly string[] {
    return lifecycleOf(this.schemas, apiVersion, kind)?.served ?? this.versionsWith(apiVersion, kind, []);
  }
}

const perSchemas = new WeakMap<KubernetesSchemas, FieldVersions>();

/** One FieldVersions (and its cache) per schema set, shared by every hover. */
export function fieldVersionsFor(schemas: KubernetesSchemas): FieldVersions {
  let found = perSchemas.get(schemas);
  if (!found) perSchemas.set(schemas, (found = new FieldVersions(schemas)));
  return found;
}

export function lifecycleOf(schemas: KubernetesSchemas, apiVersion: string, kind: string): LifecycleEntry | undefined {
  return schemas.lifecycle[`${apiVersion}/${kind}`];
}

/** Contiguous runs of versions in shipped order: `1.23–1.26, 1.29`. */
function runs(versions: readonly string[], shipped: readonly string[]): string {
  const present = new Set(versions);
  const out: string[] = [];
  let start: string | undefined;
  let last: string | undefined;
  for (const v of [...shipped, '']) {
    if (present.has(v)) {
      start ??= v;
      last = v;
    } else if (start) {
      out.push(start === last ? start : `${start}–${last}`);
      start = undefined;
    }
  }
  return out.join(', ');
}

/**
 * "In Kubernetes 1.27–1.35 (added in 1.27)", "In Kubernetes 1.23–1.24 (removed in 1.25)", or
 * "In every shipped Kubernetes version (1.23–1.35)"; says so when the target version lacks it.
 */
export function availabilityText(versions: readonly string[], shipped: readonly string[], target: string): string {
  const span = runs(shipped, shipped);
  if (versions.length === 0) return `In no shipped Kubernetes version (${span})`;
  let text: string;
  if (versions.length === shipped.length) text = `In every shipped Kubernetes version (${span})`;
  else {
    const notes: string[] = [];
    const first = versions[0]!;
    const last = versions.at(-1)!;
    if (first !== shipped[0]) notes.push(`added in ${first}`);
    if (last !== shipped.at(-1)) notes.push(`removed in ${shipped[shipped.indexOf(last) + 1]}`);
    text = `In Kubernetes ${runs(versions, shipped)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
  }
  if (shipped.includes(target) && !versions.includes(target)) text += ` — not in ${target}, the configured version`;
  return text;
}

/**
 * What the lifecycle table says of an apiVersion/kind: the versions serving it, its removal and
 * replacement. Lines of Markdown; empty when the pair is no built-in API.
 */
export function lifecycleLines(fields: FieldVersions, apiVersion: string, kind: string, target: string): string[] {
  const entry = lifecycleOf(fields.schemas, apiVersion, kind);
  const served = fields.servingVersions(apiVersion, kind);
  if (entry?.removedIn) {
    const replacement = entry.replacement ? `; use \`${entry.replacement}\`` : '';
    return [`\`${apiVersion}\` ${kind} was removed in Kubernetes ${entry.removedIn}${replacement}.`];
  }
  if (served.length === 0) return [];
  const lines = [`Served: ${availabilityText(served, fields.shipped, target).replace(/^In /, 'in ')}`];
  if (entry?.replacement) {
    // As the apiVersion check judges it: deprecated once removed, or a pre-release with its successor served.
    const gone = served.at(-1) !== fields.shipped.at(-1);
    const prerelease = /v\d+(alpha|beta)\d+$/.test(apiVersion);
    const successorServed = fields.servingVersions(entry.replacement, kind).includes(target);
    if (gone || (prerelease && successorServed)) lines.push(`Deprecated: use \`${entry.replacement}\`.`);
    else lines.push(`Newer version: \`${entry.replacement}\`.`);
  }
  return lines;
}
