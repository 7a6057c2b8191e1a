import type { KObject } from '../kobject';
import { scaledValue } from './intOrPercent';
import { at, intField, objectName, objectNamespace, record, type JsonRecord } from './objectFields';

/**
 * The StatefulSet controller's `updateStatefulSet` (reference §4.2) over simulated pods: create
 * missing ordinals, delete condemned ones (highest first), then replace pods of the old revision
 * from the highest ordinal down to the partition.
 */

export interface StatefulSetView {
  name: string;
  namespace: string;
  generation: number;
  replicas: number;
  start: number;
  /** OrderedReady: one pod at a time, each waiting for its predecessors. */
  monotonic: boolean;
  onDelete: boolean;
  partition: number;
  /** Pods that may be unavailable during an update (1 when the feature gate is off). */
  maxUnavailable: number;
  /** Whether the MaxUnavailableStatefulSet gate is on for the chosen version. */
  maxUnavailableGate: boolean;
  template: JsonRecord;
  hasClaims: boolean;
}

/** MaxUnavailableStatefulSet is beta (on by default) from 1.35 (§10.1). */
export function maxUnavailableGateOn(k8sVersion: string): boolean {
  const [major, minor] = k8sVersion.split('.').map((part) => Number.parseInt(part, 10));
  if (!Number.isFinite(major) || !Number.isFinite(minor)) return true;
  return major! > 1 || (major === 1 && minor! >= 35);
}

export function readStatefulSet(object: KObject, k8sVersion: string): StatefulSetView {
  const spec = record(object.spec);
  const replicas = intField(spec.replicas, 1);
  const rolling = record(at(spec, 'updateStrategy', 'rollingUpdate'));
  const gate = maxUnavailableGateOn(k8sVersion);
  return {
    name: objectName(object),
    namespace: objectNamespace(object),
    generation: intField(at(object, 'metadata', 'generation'), 1),
    replicas,
    start: intField(at(spec, 'ordinals', 'start'), 0),
    monotonic: spec.podManagementPolicy !== 'Parallel',
    onDelete: at(spec, 'updateStrategy', 'type') === 'OnDelete',
    partition: intField(rolling.partition, 0),
    maxUnavailable: gate ? Math.max(1, scaledValue(rolling.maxUnavailable ?? 1, replicas, false)) : 1,
    maxUnavailableGate: gate,
    template: record(spec.template),
    hasClaims: Array.isArray(spec.volumeClaimTemplates) && spec.volumeClaimTemplates.length > 0,
  };
}

export interface StatefulSetPodState {
  ordinal: number;
  /** The ControllerRevision name the pod was created from. */
  revision: string;
  /** Created in the current step: ready from the next one. */
  fresh: boolean;
}

export interface StatefulSetSim {
  v: StatefulSetView;
  pods: Map<number, StatefulSetPodState>;
  currentRevision: string;
  updateRevision: string;
  events: string[];
}

/** One sync; returns whether it changed anything. */
export function syncStatefulSet(sim: StatefulSetSim): boolean {
  const { changed, stop } = createAndCondemn(sim);
  const updated = !stop && updatePods(sim);
  const completed = completeRollingUpdate(sim);
  return changed || updated || completed;
}

/** Creations and scale-down deletions. OrderedReady stops the sync at its first action or wait. */
function createAndCondemn(sim: StatefulSetSim): { changed: boolean; stop: boolean } {
  const { start, replicas, monotonic, onDelete, partition } = sim.v;
  const end = start + replicas;
  let changed = false;
  for (let ordinal = start; ordinal < end; ordinal++) {
    const pod = sim.pods.get(ordinal);
    if (!pod) {
      const revision = !onDelete && ordinal < start + partition ? sim.currentRevision : sim.updateRevision;
      sim.pods.set(ordinal, { ordinal, revision, fresh: true });
      sim.events.push(`create Pod ${sim.v.name}-${ordinal} in StatefulSet ${sim.v.name} successful`);
      if (monotonic) return { changed: true, stop: true };
      changed = true;
    } else if (monotonic && pod.fresh) return { changed, stop: true }; // waits for this pod to be ready
  }
  const condemned = [...sim.pods.values()].filter((p) => p.ordinal < start || p.ordinal >= end).sort((a, b) => b.ordinal - a.ordinal);
  const firstUnhealthy = [...condemned].reverse().find((p) => p.fresh);
  for (const pod of condemned) {
    if (monotonic && pod.fresh && pod !== firstUnhealthy) return { changed, stop: true };
    deletePod(sim, pod.ordinal);
    if (monotonic) return { changed: true, stop: true };
    changed = true;
  }
  // Scaling takes precedence over updates, but Parallel still reaches the update phase in this sync.
  return { changed, stop: false };
}

function updatePods(sim: StatefulSetSim): boolean {
  const { start, replicas, partition, onDelete } = sim.v;
  if (onDelete) return false;
  const end = start + replicas;
  const stale = (ordinal: number) => {
    const pod = sim.pods.get(ordinal);
    return pod !== undefined && pod.revision !== sim.updateRevision;
  };
  const unhealthy = (ordinal: number) => sim.pods.get(ordinal)?.fresh ?? true;
  if (sim.v.maxUnavailableGate) {
    let unavailable = 0;
    for (let ordinal = start; ordinal < end; ordinal++) if (unhealthy(ordinal)) unavailable++;
    let budget = sim.v.maxUnavailable - unavailable;
    let changed = false;
    for (let ordinal = end - 1; ordinal >= start + partition && budget > 0; ordinal--) {
      if (!stale(ordinal)) continue;
      deletePod(sim, ordinal);
      budget--;
      changed = true;
    }
    return changed;
  }
  for (let ordinal = end - 1; ordinal >= start + partition; ordinal--) {
    if (stale(ordinal)) {
      deletePod(sim, ordinal);
      return true;
    }
    if (unhealthy(ordinal)) return false;
  }
  return false;
}

function deletePod(sim: StatefulSetSim, ordinal: number): void {
  sim.pods.delete(ordinal);
  sim.events.push(`delete Pod ${sim.v.name}-${ordinal} in StatefulSet ${sim.v.name} successful`);
}

/** All pods updated and ready: the update revision becomes the current one. */
function completeRollingUpdate(sim: StatefulSetSim): boolean {
  if (sim.v.onDelete || sim.currentRevision === sim.updateRevision) return false;
  const pods = [...sim.pods.values()];
  if (!pods.every((p) => p.revision === sim.updateRevision && !p.fresh)) return false;
  sim.currentRevision = sim.updateRevision;
  return true;
}
