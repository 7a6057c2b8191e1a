import type { DeploymentRollout, DeploymentStep } from '../../shared/dryrunPlan';
import type { KObject } from '../kobject';
import {
  REVISION, isComplete, podsOf, promoteFreshPods, readDeployment, sum,
  type DeploymentSim, type DeploymentView, type SimReplicaSet,
} from './deploymentModel';
import { syncDeployment } from './deploymentSync';
import { at, clone, intField, omitEmpty, record, setAnnotation } from './objectFields';
import { findNewReplicaSet, importReplicaSets, replicaSetObject } from './replicaSets';
import type { ControllerInput, ControllerResult } from './controllerTypes';
import { deploymentStatusLine } from './statusLines';

/**
 * Runs the Deployment controller step by step (§0.2) from the state just after the apply until
 * nothing changes any more, and returns the table of §9 plus the objects the state keeps.
 */

export const MAX_STEPS = 500;
// A sync that keeps writing would be a bug; this only keeps a bug from hanging the editor.
const MAX_SYNCS_PER_STEP = 10_000;

export function simulateDeployment(input: ControllerInput): ControllerResult {
  const d = readDeployment(input.after);
  const sets = importReplicaSets(input.owned, input.before);
  const collisions = at(input.after, 'status', 'collisionCount');
  const sim: DeploymentSim = {
    d,
    sets,
    collisionCount: typeof collisions === 'number' ? collisions : undefined,
    deploymentRevision: d.annotations[REVISION] === undefined ? undefined : intField(d.annotations[REVISION], 0),
    events: [],
    deleted: [],
    nextCreated: sets.length,
    writes: 0,
  };
  const previousNew = input.before ? findNewReplicaSet(sets, readDeployment(input.before).template) : undefined;
  const revisionsBefore = new Map(sets.map((rs) => [rs, rs.revision]));
  const steps: DeploymentStep[] = [];
  let finished = false;
  for (let t = 0; t < MAX_STEPS && !finished; t++) {
    if (t > 0) promoteFreshPods(sim);
    sim.events = [];
    for (let i = 0; i < MAX_SYNCS_PER_STEP && syncDeployment(sim); i++);
    steps.push(stepRow(sim, t));
    // No pod is on its way to becoming available, so the next step would find the same state.
    finished = sim.sets.every((rs) => rs.fresh === 0);
  }

  const newRS = findNewReplicaSet(sim.sets, d.template);
  const held = d.paused && (!newRS || newRS !== previousNew);
  const newRevision = !held && newRS !== undefined && newRS !== previousNew;
  const objects = [deploymentObject(input.after, sim, newRS), ...[...sim.sets].sort((a, b) => a.revision - b.revision).map((rs) => replicaSetObject(d, rs))];
  const deleted = sim.deleted.map((rs) => rs.source ?? replicaSetObject(d, rs));
  const nothingHappened = input.before !== undefined && steps.length === 1 && steps[0]!.events.length === 0 && !held && !newRevision;
  if (nothingHappened) return { objects, deleted };

  const notes: string[] = [];
  if (held) notes.push(`deployment "${d.name}" is paused: the template change waits (no new ReplicaSet) until \`kubectl rollout resume deployment/${d.name}\`; \`kubectl rollout status\` keeps waiting.`);
  const reusedFrom = newRS ? revisionsBefore.get(newRS) : undefined;
  if (newRS && newRS !== previousNew && reusedFrom !== undefined && reusedFrom !== newRS.revision) {
    notes.push(`Reuses ReplicaSet ${newRS.name}, whose template equals the new one: revision ${reusedFrom} becomes ${newRS.revision}.`);
  }
  if (sim.collisionCount !== undefined && sim.collisionCount !== collisions) notes.push(`Pod-template hash collision: status.collisionCount is now ${sim.collisionCount}.`);
  for (const rs of sim.deleted) notes.push(`ReplicaSet ${rs.name} (revision ${rs.revision}) deleted: beyond revisionHistoryLimit ${d.revisionHistoryLimit}.`);
  if (!finished) notes.push(`Stopped after ${MAX_STEPS} steps before the rollout finished.`);

  const minAvailable = d.replicas - d.maxUnavailable;
  const rollout: DeploymentRollout = {
    kind: 'Deployment',
    namespace: d.namespace,
    name: d.name,
    strategy: d.strategy,
    maxSurge: d.maxSurge,
    maxUnavailable: d.maxUnavailable,
    newRevision,
    revision: sim.deploymentRevision ?? 0,
    replicas: d.replicas,
    downtimeSteps: steps.filter((s) => s.available < minAvailable || (s.available === 0 && d.replicas > 0)).map((s) => s.t),
    ...(d.paused ? { paused: true } : {}),
    steps,
    ...(notes.length > 0 ? { notes } : {}),
  };
  return { rollout, objects, deleted };
}

function stepRow(sim: DeploymentSim, t: number): DeploymentStep {
  const newRS = findNewReplicaSet(sim.sets, sim.d.template);
  const olds = sim.sets.filter((rs) => rs !== newRS);
  const available = sum(sim.sets, (rs) => rs.available);
  const status = deploymentStatusLine(sim.d.name, { replicas: sim.d.replicas, updated: newRS ? podsOf(newRS) : 0, total: sum(sim.sets, podsOf), available });
  return { t, new: newRS?.replicas ?? 0, old: sum(olds, (rs) => rs.replicas), available, events: sim.events, status };
}

/** The Deployment as stored after the rollout: revision annotation and status (§3.9). */
function deploymentObject(after: KObject, sim: DeploymentSim, newRS: SimReplicaSet | undefined): KObject {
  const object = clone(after);
  if (sim.deploymentRevision !== undefined) setAnnotation(object, REVISION, String(sim.deploymentRevision));
  const total = sum(sim.sets, podsOf);
  const available = sum(sim.sets, (rs) => rs.available);
  object.status = {
    observedGeneration: sim.d.generation,
    ...omitEmpty({
      replicas: total,
      updatedReplicas: newRS ? podsOf(newRS) : 0,
      readyReplicas: available,
      availableReplicas: available,
      unavailableReplicas: Math.max(0, sum(sim.sets, (rs) => rs.replicas) - available),
    }),
    conditions: conditions(record(after.status).conditions, sim.d, available, progressing(sim, newRS)),
    ...(sim.collisionCount !== undefined ? { collisionCount: sim.collisionCount } : {}),
  };
  return object;
}

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
}

function progressing(sim: DeploymentSim, newRS: SimReplicaSet | undefined): Condition {
  if (sim.d.paused) return { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' };
  const name = newRS?.name ?? sim.d.name;
  if (isComplete(sim, newRS)) return { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${name}" has successfully progressed.` };
  return { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${name}" is progressing.` };
}

/** Available and Progressing; a condition whose status did not change keeps the live timestamps. */
function conditions(live: unknown, d: DeploymentView, available: number, progress: Condition): Record<string, unknown>[] {
  const minimum = available >= d.replicas - d.maxUnavailable;
  const wanted: Condition[] = [
    minimum
      ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
      : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
    progress,
  ];
  const previous = Array.isArray(live) ? live.map(record) : [];
  return wanted.map((condition) => {
    const before = previous.find((p) => p.type === condition.type && p.status === condition.status);
    const times = before ? { lastTransitionTime: before.lastTransitionTime, lastUpdateTime: before.lastUpdateTime } : {};
    return { ...omitEmpty(times), ...condition };
  });
}
