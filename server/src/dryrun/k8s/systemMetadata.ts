import type { KObject } from '../kobject';
import { child, isRecord, type JsonMap } from './jsonValue';
import type { LiveState } from './liveState';
import { semanticEqual } from './semanticEqual';

/**
 * The metadata the API server owns: uid, resourceVersion, creationTimestamp and generation. All of it
 * is deterministic here: uids hash the identity and the creating revision, time is the state's clock.
 */

const GENERATION_GROUPS = new Set(['apps', 'batch', 'admissionregistration.k8s.io']);
const GENERATION_KINDS = new Set(['/ReplicationController', 'policy/PodDisruptionBudget', 'autoscaling/HorizontalPodAutoscaler', 'networking.k8s.io/Ingress', 'networking.k8s.io/NetworkPolicy', 'apiextensions.k8s.io/CustomResourceDefinition']);

/** Whether the server keeps metadata.generation for a kind (custom resources always do). */
export function tracksGeneration(group: string, kind: string, servedKind: boolean): boolean {
  return !servedKind || GENERATION_GROUPS.has(group) || GENERATION_KINDS.has(`${group}/${kind}`);
}

/** A UUID-shaped id derived from a seed (four FNV-1a passes with different offsets). */
export function deterministicUid(seed: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x7f4a7c15].map((offset) => {
    let hash = offset >>> 0;
    for (let i = 0; i < seed.length; i++) {
      hash ^= seed.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Fills a new object's system metadata; returns the uid (Jobs need it for their selector). */
export function stampCreated(object: KObject, identity: string, state: LiveState, generation: boolean): string {
  const metadata = child(object, 'metadata');
  const resourceVersion = state.nextResourceVersion();
  const uid = deterministicUid(`${identity}@${resourceVersion}`);
  metadata.uid = uid;
  metadata.resourceVersion = resourceVersion;
  metadata.creationTimestamp = state.nextTimestamp();
  if (generation) metadata.generation = 1;
  else delete metadata.generation;
  for (const field of ['deletionTimestamp', 'deletionGracePeriodSeconds', 'managedFields', 'selfLink']) delete metadata[field];
  return uid;
}

/** Keeps what an update may not change (name, namespace, uid, creationTimestamp, generation) from the live object. */
export function keepSystemMetadata(after: KObject, before: KObject): void {
  const metadata = child(after, 'metadata');
  const old = isRecord(before.metadata) ? before.metadata : {};
  for (const field of ['name', 'namespace', 'uid', 'creationTimestamp', 'generation', 'resourceVersion', 'deletionTimestamp', 'managedFields']) {
    if (old[field] === undefined) delete metadata[field];
    else metadata[field] = old[field];
  }
}

/**
 * `PrepareForUpdate`'s generation rule: +1 when the spec changes semantically; Deployments also count
 * annotation changes (the last-applied annotation included); custom resources anything but metadata/status.
 */
export function bumpGeneration(after: KObject, before: KObject, group: string, kind: string, servedKind: boolean): void {
  const metadata = child(after, 'metadata');
  const current = typeof metadata.generation === 'number' ? metadata.generation : 0;
  let changed: boolean;
  if (!servedKind) {
    const strip = ({ metadata: _m, status: _s, ...rest }: JsonMap) => rest;
    changed = !semanticEqual(strip(after), strip(before));
  } else {
    changed = !semanticEqual(after.spec, before.spec);
    if (group === 'apps' && kind === 'Deployment') changed ||= !semanticEqual(annotations(after), annotations(before));
  }
  if (changed) metadata.generation = current + 1;
}

function annotations(object: KObject): unknown {
  return isRecord(object.metadata) ? object.metadata.annotations : undefined;
}
