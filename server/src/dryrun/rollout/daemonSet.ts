import type { DaemonSetRollout, DaemonSetStep } from '../../shared/dryrunPlan';
import type { KObject } from '../kobject';
import type { ControllerInput, ControllerResult } from './controllerTypes';
import { scaledValue } from './intOrPercent';
import { at, clone, intField, objectName, objectNamespace, omitEmpty, record } from './objectFields';
import { semanticEqual } from '../k8s/semanticEqual';
import { daemonSetStatusLine } from './statusLines';

/**
 * The DaemonSet controller (reference §5) over the given nodes, visited in name order (Go iterates
 * a map; any fixed order is as good, and this one is predictable). Every node is assumed eligible.
 */

const MAX_STEPS = 500;
const MAX_SYNCS_PER_STEP = 10_000;

interface NodePod {
  updated: boolean;
  /** Created this step: available from the next one. */
  fresh: boolean;
  created: number;
}

interface DaemonSetSim {
  name: string;
  nodes: string[];
  pods: Map<string, NodePod[]>;
  maxSurge: number;
  maxUnavailable: number;
  onDelete: boolean;
  nextCreated: number;
}

export function simulateDaemonSet(input: ControllerInput): ControllerResult {
  const { after, before } = input;
  const name = objectName(after);
  const nodes = [...new Set(input.nodes)].sort();
  const onDelete = at(after, 'spec', 'updateStrategy', 'type') === 'OnDelete';
  const templateChanged = before !== undefined && !semanticEqual(at(before, 'spec', 'template'), at(after, 'spec', 'template'));
  const sim: DaemonSetSim = { name, nodes, pods: new Map(nodes.map((node) => [node, []])), ...fenceposts(after, nodes.length, onDelete), onDelete, nextCreated: 0 };
  if (before) seedPods(sim, before, templateChanged);

  const steps: DaemonSetStep[] = [];
  let finished = false;
  let changedAtStart = false;
  for (let t = 0; t < MAX_STEPS && !finished; t++) {
    for (const pods of sim.pods.values()) for (const pod of pods) pod.fresh = false;
    let syncs = 0;
    while (syncs < MAX_SYNCS_PER_STEP && sync(sim)) syncs++;
    if (t === 0) changedAtStart = syncs > 0;
    steps.push(stepRow(sim, t));
    finished = ![...sim.pods.values()].some((pods) => pods.some((pod) => pod.fresh));
  }

  const objects = [daemonSetObject(after, sim)];
  if (before && steps.length === 1 && !changedAtStart && !templateChanged) return { objects, deleted: [] };

  const notes: string[] = [];
  if (onDelete && templateChanged) notes.push('updateStrategy OnDelete: pods keep the old template until you delete them; the controller recreates them from the new one.');
  const podSpec = record(at(after, 'spec', 'template', 'spec'));
  if (podSpec.nodeSelector || podSpec.affinity || podSpec.tolerations) notes.push('nodeSelector, affinity and tolerations are not evaluated: every node is assumed to run a pod.');
  if (nodes.length === 0) notes.push('No nodes in the state: nothing is scheduled.');
  if (!finished) notes.push(`Stopped after ${MAX_STEPS} steps before the rollout finished.`);
  const rollout: DaemonSetRollout = {
    kind: 'DaemonSet',
    namespace: objectNamespace(after),
    name,
    maxSurge: sim.maxSurge,
    maxUnavailable: sim.maxUnavailable,
    desired: nodes.length,
    newRevision: !before || templateChanged,
    steps,
    ...(notes.length > 0 ? { notes } : {}),
  };
  return { rollout, objects, deleted: [] };
}

/** Both round up against the desired count; both 0 on a non-empty cluster means one unavailable. */
function fenceposts(after: KObject, desired: number, onDelete: boolean): { maxSurge: number; maxUnavailable: number } {
  if (onDelete) return { maxSurge: 0, maxUnavailable: 0 };
  const rolling = record(at(after, 'spec', 'updateStrategy', 'rollingUpdate'));
  const maxSurge = scaledValue(rolling.maxSurge ?? 0, desired, true);
  const maxUnavailable = scaledValue(rolling.maxUnavailable ?? 1, desired, true);
  return { maxSurge, maxUnavailable: desired > 0 && maxSurge === 0 && maxUnavailable === 0 ? 1 : maxUnavailable };
}

/** One ready pod per node before the apply; with an unchanged template, a rollout in flight keeps its updated nodes. */
function seedPods(sim: DaemonSetSim, before: KObject, templateChanged: boolean): void {
  const reported = at(before, 'status', 'updatedNumberScheduled');
  const updated = templateChanged ? 0 : typeof reported === 'number' ? Math.min(reported, sim.nodes.length) : sim.nodes.length;
  sim.nodes.forEach((node, i) => sim.pods.set(node, [{ updated: i < updated, fresh: false, created: sim.nextCreated++ }]));
}

function sync(sim: DaemonSetSim): boolean {
  const managed = manage(sim);
  if (sim.onDelete) return managed;
  return (sim.maxSurge === 0 ? replaceWithinUnavailability(sim) : surge(sim)) || managed;
}

/** The manage loop: a node without a daemon pod gets one from the current template. */
function manage(sim: DaemonSetSim): boolean {
  let changed = false;
  for (const node of sim.nodes) {
    if (sim.pods.get(node)!.length > 0) continue;
    createPod(sim, node);
    changed = true;
  }
  return changed;
}

function podsOn(sim: DaemonSetSim, node: string): { newPod?: NodePod; oldPod?: NodePod; ok: boolean } {
  const pods = sim.pods.get(node)!;
  const news = pods.filter((p) => p.updated);
  const olds = pods.filter((p) => !p.updated);
  return { newPod: news[0], oldPod: olds[0], ok: news.length <= 1 && olds.length <= 1 };
}

/** maxSurge 0: delete old pods while fewer than maxUnavailable nodes are unavailable; manage recreates them. */
function replaceWithinUnavailability(sim: DaemonSetSim): boolean {
  let unavailable = 0;
  const replace: string[] = [];
  const candidates: string[] = [];
  for (const node of sim.nodes) {
    const { newPod, oldPod, ok } = podsOn(sim, node);
    if (!ok || (!newPod && !oldPod) || (newPod && oldPod)) unavailable++;
    else if (newPod) {
      if (newPod.fresh) unavailable++;
    } else if (oldPod!.fresh) replace.push(node);
    else if (unavailable < sim.maxUnavailable) candidates.push(node);
  }
  const room = Math.min(Math.max(sim.maxUnavailable - unavailable, 0), candidates.length);
  const doomed = [...replace, ...candidates.slice(0, room)];
  for (const node of doomed) sim.pods.set(node, sim.pods.get(node)!.filter((p) => p.updated));
  return doomed.length > 0;
}

/** maxSurge > 0: start a new pod beside the old one on up to maxSurge nodes; drop the old pod once the new one is available. */
function surge(sim: DaemonSetSim): boolean {
  let surging = 0;
  const allowed: string[] = [];
  const candidates: string[] = [];
  const retire: string[] = [];
  for (const node of sim.nodes) {
    const { newPod, oldPod, ok } = podsOn(sim, node);
    if (!ok) {
      surging++;
      continue;
    }
    if (!oldPod) continue;
    if (!newPod) {
      if (oldPod.fresh) allowed.push(node);
      else if (surging < sim.maxSurge) candidates.push(node);
    } else if (newPod.fresh) surging++;
    else retire.push(node);
  }
  const room = Math.min(Math.max(sim.maxSurge - surging, 0), candidates.length);
  const create = [...allowed, ...candidates.slice(0, room)];
  for (const node of retire) sim.pods.set(node, sim.pods.get(node)!.filter((p) => p.updated));
  for (const node of create) createPod(sim, node);
  return retire.length + create.length > 0;
}

function createPod(sim: DaemonSetSim, node: string): void {
  sim.pods.get(node)!.push({ updated: true, fresh: true, created: sim.nextCreated++ });
}

interface DaemonSetCounts {
  updated: number;
  available: number;
  scheduled: number;
}

/** The status counts look at the oldest pod on each node, as the controller's status update does. */
function counts(sim: DaemonSetSim): DaemonSetCounts {
  let updated = 0;
  let available = 0;
  let scheduled = 0;
  for (const node of sim.nodes) {
    const oldest = [...sim.pods.get(node)!].sort((a, b) => a.created - b.created)[0];
    if (!oldest) continue;
    scheduled++;
    if (oldest.updated) updated++;
    if (!oldest.fresh) available++;
  }
  return { updated, available, scheduled };
}

function stepRow(sim: DaemonSetSim, t: number): DaemonSetStep {
  const { updated, available } = counts(sim);
  const nodes = sim.nodes.map((node) => ({
    node,
    pods: [...sim.pods.get(node)!].sort((a, b) => a.created - b.created).map((p) => (!p.updated ? 'old' : p.fresh ? 'new*' : 'new')),
  }));
  const old = nodes.reduce((acc, n) => acc + n.pods.filter((p) => p === 'old').length, 0);
  const status = daemonSetStatusLine(sim.name, { desired: sim.nodes.length, updated, available, onDelete: sim.onDelete });
  return { t, updated, old, available, nodes, status };
}

function daemonSetObject(after: KObject, sim: DaemonSetSim): KObject {
  const object = clone(after);
  const { updated, available, scheduled } = counts(sim);
  object.status = {
    currentNumberScheduled: scheduled,
    desiredNumberScheduled: sim.nodes.length,
    numberMisscheduled: 0,
    numberReady: available,
    ...omitEmpty({
      observedGeneration: intField(at(after, 'metadata', 'generation'), 1),
      updatedNumberScheduled: updated,
      numberAvailable: available,
      numberUnavailable: sim.nodes.length - available,
    }),
  };
  return object;
}
