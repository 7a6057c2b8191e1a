import type { KObject } from '../kobject';
import { deploymentFenceposts } from './fenceposts';
import { at, intField, objectName, objectNamespace, record, stringMap, type JsonRecord } from './objectFields';

/**
 * The Deployment controller's world in the §0.2 time model: the Deployment as the controller reads
 * it, and its ReplicaSets with pod counts (available, or created this step and not yet available).
 * The ReplicaSet controller is instantaneous: pods follow spec.replicas right after every change.
 */

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Deployment annotations the controller never copies onto its ReplicaSets. */
export const ANNOTATIONS_NOT_COPIED = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to']);

export interface DeploymentView {
  name: string;
  namespace: string;
  uid?: string;
  generation: number;
  replicas: number;
  strategy: 'RollingUpdate' | 'Recreate';
  maxSurge: number;
  maxUnavailable: number;
  paused: boolean;
  template: JsonRecord;
  selector: JsonRecord;
  annotations: Record<string, string>;
  revisionHistoryLimit?: number;
}

export function readDeployment(object: KObject): DeploymentView {
  const spec = record(object.spec);
  const strategy = at(spec, 'strategy', 'type') === 'Recreate' ? 'Recreate' : 'RollingUpdate';
  const replicas = intField(spec.replicas, 1);
  const rolling = record(at(spec, 'strategy', 'rollingUpdate'));
  const fenceposts = deploymentFenceposts({ strategy, replicas, maxSurge: rolling.maxSurge ?? '25%', maxUnavailable: rolling.maxUnavailable ?? '25%' });
  const uid = at(object, 'metadata', 'uid');
  const limit = spec.revisionHistoryLimit;
  return {
    name: objectName(object),
    namespace: objectNamespace(object),
    uid: typeof uid === 'string' ? uid : undefined,
    generation: intField(at(object, 'metadata', 'generation'), 1),
    replicas,
    strategy,
    ...fenceposts,
    paused: spec.paused === true,
    template: record(spec.template),
    selector: record(spec.selector),
    annotations: stringMap(at(object, 'metadata', 'annotations')),
    revisionHistoryLimit: limit === undefined || limit === null ? undefined : intField(limit, 10),
  };
}

export interface SimReplicaSet {
  name: string;
  /** The pod template, pod-template-hash label included. */
  template: JsonRecord;
  revision: number;
  /** Every annotation except the revision, which lives in `revision`. */
  annotations: Record<string, string>;
  replicas: number;
  /** Pods that are Running, Ready and Available. */
  available: number;
  /** Pods created in the current step: available from the next one. */
  fresh: number;
  /** Creation order (stands in for creationTimestamp). */
  created: number;
  generation: number;
  /** The live object this came from; absent for ReplicaSets the simulator made. */
  source?: KObject;
}

export interface DeploymentSim {
  d: DeploymentView;
  sets: SimReplicaSet[];
  collisionCount?: number;
  /** The Deployment's own deployment.kubernetes.io/revision. */
  deploymentRevision?: number;
  /** Events of the current step, in order. */
  events: string[];
  deleted: SimReplicaSet[];
  nextCreated: number;
  /** Bumped by every write, so a sync can tell whether it changed anything. */
  writes: number;
}

export const podsOf = (rs: SimReplicaSet): number => rs.available + rs.fresh;
export const isActive = (rs: SimReplicaSet): boolean => rs.replicas > 0;
export const byCreation = (a: SimReplicaSet, b: SimReplicaSet): number => a.created - b.created || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
export const sum = (sets: readonly SimReplicaSet[], of: (rs: SimReplicaSet) => number): number => sets.reduce((acc, rs) => acc + of(rs), 0);

export function annotationInt(rs: SimReplicaSet, key: string): number | undefined {
  const text = rs.annotations[key];
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined;
}

/** The ReplicaSet controller, instantly: create pods up to spec, delete not-ready pods first when above it. */
function followSpec(rs: SimReplicaSet): void {
  const surplus = podsOf(rs) - rs.replicas;
  if (surplus < 0) rs.fresh -= surplus;
  const fromFresh = Math.min(Math.max(surplus, 0), rs.fresh);
  rs.fresh -= fromFresh;
  rs.available -= Math.max(surplus, 0) - fromFresh;
}

/** `scaleReplicaSet`: writes the size and the desired/max-replicas annotations; an event when the size changes. */
export function scaleReplicaSet(sim: DeploymentSim, rs: SimReplicaSet, newScale: number): boolean {
  const desired = String(sim.d.replicas);
  const max = String(sim.d.replicas + sim.d.maxSurge);
  const sizeChanges = rs.replicas !== newScale;
  const annotationsChange = rs.annotations[DESIRED_REPLICAS] !== desired || rs.annotations[MAX_REPLICAS] !== max;
  if (!sizeChanges && !annotationsChange) return false;
  rs.annotations[DESIRED_REPLICAS] = desired;
  rs.annotations[MAX_REPLICAS] = max;
  sim.writes++;
  if (!sizeChanges) return false;
  sim.events.push(`Scaled ${rs.replicas < newScale ? 'up' : 'down'} replica set ${rs.name} to ${newScale} from ${rs.replicas}`);
  rs.replicas = newScale;
  rs.generation++;
  followSpec(rs);
  return true;
}

/** `scaleReplicaSetAndRecordEvent`: nothing at all when the size is already right. */
export function scaleIfNeeded(sim: DeploymentSim, rs: SimReplicaSet, newScale: number): boolean {
  return rs.replicas !== newScale && scaleReplicaSet(sim, rs, newScale);
}

/** Start of a step: pods created during the previous one are available now. */
export function promoteFreshPods(sim: DeploymentSim): void {
  for (const rs of sim.sets) {
    rs.available += rs.fresh;
    rs.fresh = 0;
  }
}

/** `DeploymentComplete` at quiescence: every replica updated, nothing else left, all available. */
export function isComplete(sim: DeploymentSim, newRS: SimReplicaSet | undefined): boolean {
  const R = sim.d.replicas;
  return (newRS ? podsOf(newRS) : 0) === R && sum(sim.sets, podsOf) === R && sum(sim.sets, (rs) => rs.available) === R;
}
