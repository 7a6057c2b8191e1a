import type { KObject } from '../kobject';
import { isRecord } from './jsonValue';
import { objectIdentity } from './objectIdentity';
import { kindOf, metadataOf, nameOf, namespaceOf } from './objectMeta';

/** Namespaces every cluster has. */
export const BUILTIN_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

const EPOCH = Date.UTC(2025, 0, 1);

/**
 * The live objects during one apply, indexed by identity, in a stable order (existing objects where
 * they were, created ones appended). Also the cluster's deterministic clock: resourceVersions and
 * timestamps continue from the highest ones in the state, so the same inputs give the same outputs.
 */
export class LiveState {
  private readonly objects = new Map<string, KObject>();
  private revision = 0;
  private time = EPOCH;

  /** `keyOf` gives the identity of a live object (cluster-scoped kinds drop a stray namespace). */
  constructor(live: readonly KObject[], keyOf: (object: KObject) => string = objectIdentity) {
    for (const object of live) {
      if (!isRecord(object)) continue;
      this.objects.set(keyOf(object), object);
      const metadata = metadataOf(object);
      const revision = Number(metadata.resourceVersion);
      if (Number.isSafeInteger(revision)) this.revision = Math.max(this.revision, revision);
      const created = typeof metadata.creationTimestamp === 'string' ? Date.parse(metadata.creationTimestamp) : NaN;
      if (!Number.isNaN(created)) this.time = Math.max(this.time, created);
    }
  }

  get(identity: string): KObject | undefined {
    return this.objects.get(identity);
  }

  set(identity: string, object: KObject): void {
    this.objects.set(identity, object);
  }

  delete(identity: string): void {
    this.objects.delete(identity);
  }

  entries(): Array<[string, KObject]> {
    return [...this.objects.entries()];
  }

  values(): KObject[] {
    return [...this.objects.values()];
  }

  ofKind(kind: string): KObject[] {
    return this.values().filter((object) => kindOf(object) === kind);
  }

  namespaceExists(namespace: string): boolean {
    return BUILTIN_NAMESPACES.includes(namespace) || this.ofKind('Namespace').some((ns) => nameOf(ns) === namespace && namespaceOf(ns) === '');
  }

  /** The clock's position, to undo what a refused request consumed. */
  mark(): { revision: number; time: number } {
    return { revision: this.revision, time: this.time };
  }

  reset(mark: { revision: number; time: number }): void {
    this.revision = mark.revision;
    this.time = mark.time;
  }

  /** The next resourceVersion of the logical clock. */
  nextResourceVersion(): string {
    this.revision += 1;
    return String(this.revision);
  }

  /** The next creation time: one second after the newest object, RFC 3339 without fractions as the server writes it. */
  nextTimestamp(): string {
    this.time += 1000;
    return new Date(this.time).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}
