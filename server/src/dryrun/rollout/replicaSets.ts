import type { KObject } from '../kobject';
import {
  ANNOTATIONS_NOT_COPIED, DESIRED_REPLICAS, MAX_REPLICAS, REVISION, REVISION_HISTORY,
  byCreation, podsOf, readDeployment, sum, type DeploymentSim, type DeploymentView, type SimReplicaSet,
} from './deploymentModel';
import { at, clone, intField, objectName, omitEmpty, record, stringMap, type JsonRecord } from './objectFields';
import { semanticEqual } from '../k8s/semanticEqual';
import { POD_TEMPLATE_HASH, templateHash, withoutHashLabel } from './templateHash';

/** A Deployment's ReplicaSets: reading them from the state, finding/creating the new one, history, writing them back (§3.2, §3.5, §3.8). */

const MAX_REVISION_HISTORY_CHARS = 2000;

/**
 * The ReplicaSets as the simulation starts. Pods that existed before the apply are available (§0.2).
 * A state imported without ReplicaSets gets the current one synthesised from `before`.
 */
export function importReplicaSets(owned: readonly KObject[], before: KObject | undefined): SimReplicaSet[] {
  const live = owned.filter((o) => o.kind === 'ReplicaSet').map(fromObject).sort(liveOrder);
  if (live.length > 0 || !before) return live.map(({ rs }, created) => ({ ...rs, created }));
  return [synthesise(before)];
}

function fromObject(object: KObject): { rs: SimReplicaSet; timestamp: string } {
  const annotations = stringMap(at(object, 'metadata', 'annotations'));
  const revision = intField(annotations[REVISION], 0);
  delete annotations[REVISION];
  const replicas = intField(at(object, 'spec', 'replicas'), 1);
  const timestamp = at(object, 'metadata', 'creationTimestamp');
  const rs: SimReplicaSet = {
    name: objectName(object),
    template: record(at(object, 'spec', 'template')),
    revision,
    annotations,
    replicas,
    available: replicas,
    fresh: 0,
    created: 0,
    generation: intField(at(object, 'metadata', 'generation'), 1),
    source: object,
  };
  return { rs, timestamp: typeof timestamp === 'string' ? timestamp : '' };
}

// Oldest first: by creationTimestamp; ReplicaSets the simulator made carry none and count as newer, by revision.
function liveOrder(a: { rs: SimReplicaSet; timestamp: string }, b: { rs: SimReplicaSet; timestamp: string }): number {
  if ((a.timestamp === '') !== (b.timestamp === '')) return a.timestamp === '' ? 1 : -1;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? -1 : 1;
  return a.rs.revision - b.rs.revision || (a.rs.name < b.rs.name ? -1 : a.rs.name > b.rs.name ? 1 : 0);
}

function synthesise(before: KObject): SimReplicaSet {
  const d = readDeployment(before);
  const collisions = at(before, 'status', 'collisionCount');
  const hash = templateHash(d.template, typeof collisions === 'number' ? collisions : undefined);
  return {
    name: `${d.name}-${hash}`,
    template: withHashLabel(d.template, hash),
    revision: intField(d.annotations[REVISION], 1),
    annotations: { ...copiedAnnotations(d), [DESIRED_REPLICAS]: String(d.replicas), [MAX_REPLICAS]: String(d.replicas + d.maxSurge) },
    replicas: d.replicas,
    available: d.replicas,
    fresh: 0,
    created: 0,
    generation: 1,
  };
}

function copiedAnnotations(d: DeploymentView): Record<string, string> {
  return Object.fromEntries(Object.entries(d.annotations).filter(([key]) => !ANNOTATIONS_NOT_COPIED.has(key)));
}

function withHashLabel(template: JsonRecord, hash: string): JsonRecord {
  const copy = clone(template);
  const metadata = (copy.metadata = record(copy.metadata));
  metadata.labels = { ...record(metadata.labels), [POD_TEMPLATE_HASH]: hash };
  return copy;
}

/** `EqualIgnoreHash` over the oldest-first list: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(sets: readonly SimReplicaSet[], template: JsonRecord): SimReplicaSet | undefined {
  const wanted = withoutHashLabel(template);
  return [...sets].sort(byCreation).find((rs) => semanticEqual(withoutHashLabel(rs.template), wanted));
}

export interface ReplicaSetsOfDeployment {
  newRS?: SimReplicaSet;
  /** Every other ReplicaSet, oldest first. */
  olds: SimReplicaSet[];
}

/** `getAllReplicaSetsAndSyncRevision`: finds the new ReplicaSet (renumbering a reused one), creates it when asked. */
export function getReplicaSets(sim: DeploymentSim, create: boolean): ReplicaSetsOfDeployment {
  const newRS = findNewReplicaSet(sim.sets, sim.d.template);
  const olds = sim.sets.filter((rs) => rs !== newRS).sort(byCreation);
  const newRevision = Math.max(0, ...olds.map((rs) => rs.revision)) + 1;
  if (newRS) {
    if (setNewReplicaSetAnnotations(sim.d, newRS, newRevision, true)) sim.writes++;
    sim.deploymentRevision = newRS.revision;
    return { newRS, olds };
  }
  if (!create) return { olds };
  return { newRS: createNewReplicaSet(sim, olds, newRevision), olds };
}

function createNewReplicaSet(sim: DeploymentSim, olds: SimReplicaSet[], revision: number): SimReplicaSet {
  let hash = templateHash(sim.d.template, sim.collisionCount);
  // A name taken by a ReplicaSet with another template is a hash collision: count it and hash again.
  while (sim.sets.some((rs) => rs.name === `${sim.d.name}-${hash}`)) {
    sim.collisionCount = (sim.collisionCount ?? 0) + 1;
    hash = templateHash(sim.d.template, sim.collisionCount);
  }
  const rs: SimReplicaSet = {
    name: `${sim.d.name}-${hash}`,
    template: withHashLabel(sim.d.template, hash),
    revision: 0,
    annotations: {},
    replicas: 0,
    available: 0,
    fresh: 0,
    created: sim.nextCreated++,
    generation: 1,
  };
  rs.replicas = rs.fresh = newReplicaSetReplicas(sim.d, [...olds, rs], rs);
  setNewReplicaSetAnnotations(sim.d, rs, revision, false);
  sim.sets.push(rs);
  sim.writes++;
  if (rs.replicas > 0) sim.events.push(`Scaled up replica set ${rs.name} to ${rs.replicas}`);
  sim.deploymentRevision = revision;
  return rs;
}

/** `NewRSNewReplicas`: Recreate goes straight to R; RollingUpdate grows up to R + maxSurge pods in total. */
export function newReplicaSetReplicas(d: DeploymentView, all: readonly SimReplicaSet[], newRS: SimReplicaSet): number {
  if (d.strategy === 'Recreate') return d.replicas;
  const maxTotal = d.replicas + d.maxSurge;
  const current = sum(all, (rs) => rs.replicas);
  if (current >= maxTotal) return newRS.replicas;
  return newRS.replicas + Math.min(maxTotal - current, d.replicas - newRS.replicas);
}

/** `SetNewReplicaSetAnnotations`: copied Deployment annotations, revision (history kept on reuse), replica annotations on create. */
function setNewReplicaSetAnnotations(d: DeploymentView, rs: SimReplicaSet, newRevision: number, exists: boolean): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(copiedAnnotations(d))) {
    if (rs.annotations[key] !== value) {
      rs.annotations[key] = value;
      changed = true;
    }
  }
  if (rs.revision < newRevision) {
    if (rs.revision > 0) rs.annotations[REVISION_HISTORY] = appendHistory(rs.annotations[REVISION_HISTORY], String(rs.revision));
    rs.revision = newRevision;
    changed = true;
  }
  if (!exists) {
    rs.annotations[DESIRED_REPLICAS] = String(d.replicas);
    rs.annotations[MAX_REPLICAS] = String(d.replicas + d.maxSurge);
    changed = true;
  }
  return changed;
}

function appendHistory(history: string | undefined, revision: string): string {
  if (!history) return revision;
  const revisions = history.split(',');
  let length = history.length + revision.length + 1;
  let start = 0;
  while (length > MAX_REVISION_HISTORY_CHARS && start < revisions.length) length -= revisions[start++]!.length + 1;
  return [...revisions.slice(start), revision].join(',');
}

/** `cleanupDeployment`: keep revisionHistoryLimit old ReplicaSets; drop the lowest revisions that are scaled to 0. */
export function cleanupHistory(sim: DeploymentSim, olds: readonly SimReplicaSet[]): void {
  const limit = sim.d.revisionHistoryLimit;
  if (limit === undefined) return;
  const excess = olds.length - limit;
  if (excess <= 0) return;
  const byRevision = [...olds].sort((a, b) => a.revision - b.revision || byCreation(a, b));
  for (const rs of byRevision.slice(0, excess)) {
    if (rs.replicas !== 0 || podsOf(rs) !== 0) continue;
    sim.sets = sim.sets.filter((other) => other !== rs);
    sim.deleted.push(rs);
    sim.writes++;
  }
}

/** The ReplicaSet as the state stores it after the rollout. */
export function replicaSetObject(d: DeploymentView, rs: SimReplicaSet): KObject {
  const object = rs.source ? clone(rs.source) : newReplicaSetObject(d, rs);
  const metadata = (object.metadata = record(object.metadata));
  metadata.annotations = { ...rs.annotations, ...(rs.revision > 0 ? { [REVISION]: String(rs.revision) } : {}) };
  metadata.generation = rs.generation;
  const spec = (object.spec = record(object.spec));
  spec.replicas = rs.replicas;
  const pods = podsOf(rs);
  object.status = {
    replicas: pods,
    ...omitEmpty({ fullyLabeledReplicas: pods, readyReplicas: rs.available, availableReplicas: rs.available, observedGeneration: rs.generation }),
  };
  return object;
}

function newReplicaSetObject(d: DeploymentView, rs: SimReplicaSet): KObject {
  const hash = String(at(rs.template, 'metadata', 'labels', POD_TEMPLATE_HASH) ?? '');
  const owner = { apiVersion: 'apps/v1', kind: 'Deployment', name: d.name, ...(d.uid ? { uid: d.uid } : {}), controller: true, blockOwnerDeletion: true };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: rs.name, namespace: d.namespace, labels: clone(record(at(rs.template, 'metadata', 'labels'))), ownerReferences: [owner] },
    spec: {
      selector: { ...clone(d.selector), matchLabels: { ...record(d.selector.matchLabels), [POD_TEMPLATE_HASH]: hash } },
      template: clone(rs.template),
    },
  };
}
