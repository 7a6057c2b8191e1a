import type { StatefulSetRollout, StatefulSetStep } from '../../shared/dryrunPlan';
import type { KObject } from '../kobject';
import type { ControllerInput, ControllerResult } from './controllerTypes';
import { at, clone, omitEmpty } from './objectFields';
import { semanticEqual } from '../k8s/semanticEqual';
import { readStatefulSet, syncStatefulSet, type StatefulSetPodState, type StatefulSetSim } from './statefulSetSync';
import { statefulSetStatusLine } from './statusLines';
import { templateHash } from './templateHash';

/** Runs the StatefulSet controller step by step (§0.2, §4) until no pod is left to become ready. */

const MAX_STEPS = 500;
const MAX_SYNCS_PER_STEP = 10_000;

export function simulateStatefulSet(input: ControllerInput): ControllerResult {
  const v = readStatefulSet(input.after, input.k8sVersion);
  const revisionOf = (object: KObject) => `${v.name}-${templateHash(at(object, 'spec', 'template'))}`;
  const sim: StatefulSetSim = { v, pods: new Map(), currentRevision: revisionOf(input.after), updateRevision: revisionOf(input.after), events: [] };
  const templateChanged = input.before !== undefined && !semanticEqual(at(input.before, 'spec', 'template'), at(input.after, 'spec', 'template'));
  if (input.before) seedPods(sim, input.before, input.k8sVersion, templateChanged);
  const scaledDown = input.before !== undefined && sim.pods.size > v.replicas;

  const steps: StatefulSetStep[] = [];
  let finished = false;
  for (let t = 0; t < MAX_STEPS && !finished; t++) {
    for (const pod of sim.pods.values()) pod.fresh = false;
    sim.events = [];
    for (let i = 0; i < MAX_SYNCS_PER_STEP && syncStatefulSet(sim); i++);
    steps.push(stepRow(sim, t));
    finished = [...sim.pods.values()].every((pod) => !pod.fresh);
  }

  const objects = [statefulSetObject(input.after, sim)];
  if (input.before && steps.length === 1 && steps[0]!.events!.length === 0 && !templateChanged) return { objects, deleted: [] };

  const notes: string[] = [];
  if (v.onDelete && templateChanged) notes.push(`updateStrategy OnDelete: pods keep the old template until you delete them (e.g. \`kubectl delete pod ${v.name}-${v.start}\`); the controller recreates them from the new one.`);
  if (!v.onDelete && templateChanged && v.partition > 0) {
    notes.push(v.partition >= v.replicas
      ? `partition ${v.partition} ≥ replicas: no pod is updated; currentRevision stays ${sim.currentRevision}.`
      : `partition ${v.partition}: ordinals below ${v.start + v.partition} stay on the current revision; currentRevision does not change until the partition is lowered.`);
  }
  const asked = at(input.after, 'spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable');
  if (!v.maxUnavailableGate && asked !== undefined && asked !== null) notes.push(`maxUnavailable is ignored before Kubernetes 1.35 (feature gate MaxUnavailableStatefulSet off): one pod at a time.`);
  if (scaledDown && v.hasClaims) notes.push('PersistentVolumeClaims of the removed pods are kept (retention policy whenScaled: Retain by default).');
  if (!finished) notes.push(`Stopped after ${MAX_STEPS} steps before the rollout finished.`);

  const rollout: StatefulSetRollout = {
    kind: 'StatefulSet',
    namespace: v.namespace,
    name: v.name,
    podManagementPolicy: v.monotonic ? 'OrderedReady' : 'Parallel',
    updateStrategy: v.onDelete ? 'OnDelete' : 'RollingUpdate',
    partition: v.partition,
    maxUnavailable: v.maxUnavailable,
    replicas: v.replicas,
    newRevision: !input.before || templateChanged,
    steps,
    ...(notes.length > 0 ? { notes } : {}),
  };
  return { rollout, objects, deleted: [] };
}

/**
 * The pods before the apply, all ready. A partitioned rollout in flight (status revisions differ)
 * has its update revision on the ordinals at or above the old partition.
 */
function seedPods(sim: StatefulSetSim, before: KObject, k8sVersion: string, templateChanged: boolean): void {
  const was = readStatefulSet(before, k8sVersion);
  const computed = `${was.name}-${templateHash(was.template)}`;
  const statusUpdate = at(before, 'status', 'updateRevision');
  const statusCurrent = at(before, 'status', 'currentRevision');
  const oldUpdate = typeof statusUpdate === 'string' && statusUpdate !== '' ? statusUpdate : computed;
  const oldCurrent = typeof statusCurrent === 'string' && statusCurrent !== '' ? statusCurrent : oldUpdate;
  for (let ordinal = was.start; ordinal < was.start + was.replicas; ordinal++) {
    const onUpdate = !was.onDelete && oldUpdate !== oldCurrent && ordinal >= was.start + was.partition;
    sim.pods.set(ordinal, { ordinal, revision: onUpdate ? oldUpdate : oldCurrent, fresh: false });
  }
  sim.currentRevision = oldCurrent;
  if (!templateChanged) sim.updateRevision = oldUpdate;
}

function stepRow(sim: StatefulSetSim, t: number): StatefulSetStep {
  const pods = [...sim.pods.values()].sort((a, b) => a.ordinal - b.ordinal);
  const updated = pods.filter((p) => p.revision === sim.updateRevision).length;
  const ready = pods.filter((p) => !p.fresh).length;
  return {
    t,
    pods: pods.map((p: StatefulSetPodState) => ({ ordinal: p.ordinal, revision: p.revision === sim.updateRevision ? 'update' : 'current', ready: !p.fresh })),
    updated,
    ready,
    events: sim.events,
    status: statefulSetStatusLine({ replicas: sim.v.replicas, ready, updated, partition: sim.v.partition, onDelete: sim.v.onDelete }),
  };
}

function statefulSetObject(after: KObject, sim: StatefulSetSim): KObject {
  const object = clone(after);
  const pods = [...sim.pods.values()];
  const ready = pods.filter((p) => !p.fresh).length;
  object.status = {
    replicas: pods.length,
    availableReplicas: ready,
    ...omitEmpty({
      observedGeneration: sim.v.generation,
      readyReplicas: ready,
      currentReplicas: pods.filter((p) => p.revision === sim.currentRevision).length,
      updatedReplicas: pods.filter((p) => p.revision === sim.updateRevision).length,
      currentRevision: sim.currentRevision,
      updateRevision: sim.updateRevision,
    }),
  };
  return object;
}
