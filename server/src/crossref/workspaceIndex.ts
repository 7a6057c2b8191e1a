import type { ManifestFile } from '../documents/manifestFile';
import { extractObjects, type K8sObject, type PodTemplate } from './k8s/k8sObject';

/** What a cross-reference evaluation read; a change to any of these re-evaluates it. */
export type DependencyKey = string;

export const dependency = {
  name: (kind: string, name: string) => `name:${kind}/${name}`,
  kind: (kind: string) => `kind:${kind}`,
  /** Any pod template's labels or spec (selectors, ports, container names). */
  pods: 'pods',
  /** Any object's labels of a kind (label-selected kinds such as Services for ServiceMonitors). */
  labels: (kind: string) => `labels:${kind}`,
  /** Files that failed to parse or are templates (confidence gating). */
  incomplete: 'incomplete',
};

interface FileEntry {
  file: ManifestFile;
  objects: K8sObject[];
  fingerprints: string[];
  incomplete: boolean;
}

/** A pod template with the object that carries it. */
export interface PodSource {
  object: K8sObject;
  template: PodTemplate;
}

// Values of unchanged documents are the same objects from one parse to the next (chunks are
// reused), so their serialisation is computed once.
const serialized = new WeakMap<object, string>();

export function fingerprint(object: K8sObject): string {
  let json = serialized.get(object.value);
  if (json === undefined) serialized.set(object.value, (json = JSON.stringify(object.value)));
  return `${object.namespace ?? ''}\u0000${json}`;
}

/**
 * Every Kubernetes object of the workspace, updated file by file. An update reports which
 * dependency keys it changed, so only the evaluations that read them are redone.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly kinds = new Map<string, Set<K8sObject>>();
  // Lookups the rules make per object, kept indexed so a workspace-wide check stays near-linear.
  private readonly named = new Map<string, Set<K8sObject>>();
  private readonly podsByLabel = new Map<string, Set<PodSource>>();
  private readonly pods = new Set<PodSource>();
  private readonly podsOf = new Map<K8sObject, PodSource[]>();
  private incompleteFiles = new Set<string>();
  // Derived tables (e.g. autoscalers by target) recomputed only when one of their kinds changed.
  private readonly stamps = new Map<string, number>();
  private stampCounter = 0;
  private readonly memos = new Map<string, { stamp: string; value: unknown }>();

  /** (Re)indexes a file; returns the dependency keys whose answers may have changed. */
  update(file: ManifestFile, namespaceOverride?: string): Set<DependencyKey> {
    const objects = extractObjects(file, namespaceOverride);
    const fingerprints = objects.map(fingerprint);
    const incomplete = file.templated || file.diagnostics.some((d) => d.code === 'yaml-syntax');
    const previous = this.files.get(file.uri);
    const changed = new Set<DependencyKey>();
    const before = new Set(previous?.fingerprints ?? []);
    const after = new Set(fingerprints);
    previous?.objects.forEach((o, i) => {
      if (!after.has(previous.fingerprints[i]!)) keysOf(o, changed);
    });
    objects.forEach((o, i) => {
      if (!before.has(fingerprints[i]!)) keysOf(o, changed);
    });
    if (previous) for (const o of previous.objects) this.unlink(o);
    for (const o of objects) this.link(o);
    this.files.set(file.uri, { file, objects, fingerprints, incomplete });
    if (incomplete !== this.incompleteFiles.has(file.uri)) {
      changed.add(dependency.incomplete);
      if (incomplete) this.incompleteFiles.add(file.uri);
      else this.incompleteFiles.delete(file.uri);
    }
    return changed;
  }

  remove(uri: string): Set<DependencyKey> {
    const previous = this.files.get(uri);
    const changed = new Set<DependencyKey>();
    if (!previous) return changed;
    for (const o of previous.objects) {
      keysOf(o, changed);
      this.unlink(o);
    }
    this.files.delete(uri);
    if (this.incompleteFiles.delete(uri)) changed.add(dependency.incomplete);
    return changed;
  }

  private touch(o: K8sObject): void {
    this.stamps.set(o.kind, ++this.stampCounter);
    if (o.podTemplates.length) this.stamps.set(dependency.pods, ++this.stampCounter);
  }

  /**
   * A value derived from the objects of some kinds (`dependency.pods` for pod templates),
   * computed once and reused until an object of one of those kinds changes.
   */
  memo<T>(key: string, kinds: readonly string[], compute: () => T): T {
    const stamp = kinds.map((k) => this.stamps.get(k) ?? 0).join(',');
    const hit = this.memos.get(key);
    if (hit && hit.stamp === stamp) return hit.value as T;
    const value = compute();
    this.memos.set(key, { stamp, value });
    return value;
  }

  private link(o: K8sObject): void {
    this.touch(o);
    add(this.kinds, o.kind, o);
    add(this.named, `${o.kind}/${o.name}`, o);
    const sources = o.podTemplates.map((template) => ({ object: o, template }));
    this.podsOf.set(o, sources);
    for (const source of sources) {
      this.pods.add(source);
      for (const [k, v] of Object.entries(source.template.labels)) add(this.podsByLabel, `${k}=${v}`, source);
    }
  }

  private unlink(o: K8sObject): void {
    this.touch(o);
    this.kinds.get(o.kind)?.delete(o);
    this.named.get(`${o.kind}/${o.name}`)?.delete(o);
    for (const source of this.podsOf.get(o) ?? []) {
      this.pods.delete(source);
      for (const [k, v] of Object.entries(source.template.labels)) this.podsByLabel.get(`${k}=${v}`)?.delete(source);
    }
    this.podsOf.delete(o);
  }

  /** Objects of a kind with a name, in any namespace. */
  withName(kind: string, name: string): Iterable<K8sObject> {
    return this.named.get(`${kind}/${name}`) ?? [];
  }

  /**
   * Pod templates carrying every one of these labels (all templates when none are given):
   * the candidates for a selector, found through the smallest label set.
   */
  podsWithLabels(labels: Readonly<Record<string, string>>): Iterable<PodSource> {
    let smallest: Set<PodSource> | undefined;
    for (const [k, v] of Object.entries(labels)) {
      const set = this.podsByLabel.get(`${k}=${v}`);
      if (!set) return [];
      if (!smallest || set.size < smallest.size) smallest = set;
    }
    return smallest ?? this.pods;
  }

  file(uri: string): ManifestFile | undefined {
    return this.files.get(uri)?.file;
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  objectsIn(uri: string): K8sObject[] {
    return this.files.get(uri)?.objects ?? [];
  }

  ofKind(kind: string): Iterable<K8sObject> {
    return this.kinds.get(kind) ?? [];
  }

  countOfKind(kind: string): number {
    return this.kinds.get(kind)?.size ?? 0;
  }

  /** Every pod template of the workspace, with the object that carries it. */
  podSources(): Iterable<PodSource> {
    return this.pods;
  }

  /** URIs of files that are templates or failed to parse: references they might satisfy are uncertain. */
  incompleteUris(): string[] {
    return [...this.incompleteFiles];
  }

  get objectCount(): number {
    let n = 0;
    for (const set of this.kinds.values()) n += set.size;
    return n;
  }
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function keysOf(object: K8sObject, out: Set<DependencyKey>): void {
  out.add(dependency.kind(object.kind));
  out.add(dependency.name(object.kind, object.name));
  out.add(dependency.labels(object.kind));
  if (object.podTemplates.length) out.add(dependency.pods);
}
