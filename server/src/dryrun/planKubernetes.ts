import { isRecord } from '../documents/plainValues';
import type { KubernetesVersionSchemas } from '../schema/kubernetesSchemas';
import type { ObjectPlan, Rollout } from '../shared/dryrunPlan';
import { configConsumers } from './configConsumers';
import type { DesiredObject } from './desiredObjects';
import { applyObjects, type AppliedObject } from './k8s/applyObjects';
import type { KObject } from './kobject';
import { simulateController } from './rollout/simulateController';
import { apiGroup, metadataOf as meta, namespaceOrDefault as namespaceOf } from './k8s/objectMeta';

export interface KubernetesPlanOptions {
  schemas: KubernetesVersionSchemas;
  k8sVersion: string;
  prune?: { selector: string };
  /** The file name kubectl's error texts quote. */
  fileName?: string;
}

export interface KubernetesPlan {
  objects: ObjectPlan[];
  rollouts: Rollout[];
  pruneSkipped: boolean;
  /** The live state once the apply succeeded and the controllers finished: what "commit" writes. */
  next: KObject[];
}

// kubectl's patch can be non-empty while the stored object stays the same: say so, or users chase a change that is not there.
const NO_OP_CONFIGURED =
  'kubectl will print "configured" on every apply, but the stored object does not change: its patch is never empty here ' +
  '(a Secret\'s stringData, a value the server stores in another spelling such as cpu "0.5" for 500m, or a field patched by replacement such as a PodDisruptionBudget selector).';

/** DaemonSets run on the state's Nodes; an empty or imported-without-nodes state has three. */
const DEFAULT_NODES = ['node-a', 'node-b', 'node-c'];
const CONTROLLED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

function key(object: KObject): string {
  return `${apiGroup(String(object.apiVersion))}|${String(object.kind)}|${namespaceOf(object)}|${String(meta(object).name)}`;
}

/** The objects a workload owns in the state: its ReplicaSets (ownerReferences), the way the controller finds them. */
function ownedBy(workload: KObject, state: readonly KObject[]): KObject[] {
  if (workload.kind !== 'Deployment') return [];
  const name = meta(workload).name;
  const namespace = namespaceOf(workload);
  return state.filter((object) => {
    if (object.kind !== 'ReplicaSet' || namespaceOf(object) !== namespace) return false;
    const owners = meta(object).ownerReferences;
    return Array.isArray(owners) && owners.some((o) => isRecord(o) && o.kind === 'Deployment' && o.name === name);
  });
}

function nodesOf(state: readonly KObject[]): string[] {
  const nodes = state.filter((o) => o.kind === 'Node').map((o) => String(meta(o).name)).sort();
  return nodes.length > 0 ? nodes : DEFAULT_NODES;
}

function resourceLine(object: KObject): string {
  const group = apiGroup(String(object.apiVersion));
  return `${String(object.kind).toLowerCase()}${group ? `.${group}` : ''}/${String(meta(object).name)}`;
}

/**
 * `kubectl apply` of the desired objects against the live state, then the controllers: verdicts per
 * object, the rollouts they start, and the state once everything settled.
 */
export function planKubernetes(live: readonly KObject[], desired: readonly DesiredObject[], options: KubernetesPlanOptions): KubernetesPlan {
  const accepted = desired.filter((d) => d.rejection === undefined);
  const applied = applyObjects([...live], accepted.map(({ value, source }) => ({ value, source })), { schemas: options.schemas, k8sVersion: options.k8sVersion, prune: options.prune, fileName: options.fileName });
  const state = new Map(applied.state.map((o) => [key(o), o]));
  const nodes = nodesOf(applied.state);
  const rollouts: Rollout[] = [];
  const rolled = new Set<string>();

  for (const entry of applied.applied) {
    if (!entry.after || !CONTROLLED.has(String(entry.after.kind)) || entry.plan.action === 'unchanged') continue;
    const owned = ownedBy(entry.after, [...state.values()]);
    const result = simulateController({ before: entry.before, after: entry.after, owned, nodes, k8sVersion: options.k8sVersion });
    if (!result) continue;
    if (result.rollout) {
      // A Deployment that did not exist had nothing to keep available: its first steps are not downtime.
      if (!entry.before && result.rollout.kind === 'Deployment') result.rollout.downtimeSteps = [];
      rollouts.push(result.rollout);
      if ('newRevision' in result.rollout && result.rollout.newRevision) rolled.add(key(entry.after));
    }
    for (const gone of result.deleted) state.delete(key(gone));
    for (const object of owned) state.delete(key(object));
    for (const object of result.objects) state.set(key(object), object);
  }
  // Pruning a Deployment deletes its ReplicaSets too (background cascade).
  for (const entry of applied.pruned) if (entry.before) for (const rs of ownedBy(entry.before, live)) state.delete(key(rs));

  const next = [...state.values()];
  for (const entry of applied.applied) {
    noteConfigConsumers(entry, next, rolled);
    if (entry.plan.action === 'configured' && entry.plan.diff.length === 0) entry.plan.warnings = [...(entry.plan.warnings ?? []), NO_OP_CONFIGURED];
  }
  // Objects the server refused at decoding or validation keep their place in input order; any of them stops prune.
  const plans: ObjectPlan[] = [];
  let appliedIndex = 0;
  for (const object of desired) plans.push(object.rejection === undefined ? applied.applied[appliedIndex++]!.plan : refused(object, options));
  const refusedAny = accepted.length < desired.length;
  const pruned = refusedAny ? [] : applied.pruned.map((a) => a.plan);
  return { objects: [...plans, ...pruned], rollouts, pruneSkipped: applied.pruneSkipped || (refusedAny && options.prune !== undefined), next: refusedAny ? withoutPruned(next, applied.pruned, live) : next };
}

// When a schema refusal cancels prune, the objects the apply step pruned stay in the state.
function withoutPruned(next: KObject[], pruned: readonly AppliedObject[], live: readonly KObject[]): KObject[] {
  if (pruned.length === 0) return next;
  const restored = pruned.flatMap((p) => (p.before ? [p.before, ...ownedBy(p.before, live)] : []));
  return [...next, ...restored];
}

function refused(object: DesiredObject, options: KubernetesPlanOptions): ObjectPlan {
  const { value } = object;
  const metadata = meta(value);
  const namespaced = options.schemas.kindInfo(String(value.apiVersion), String(value.kind))?.namespaced ?? true;
  const namespace = namespaceOf(value);
  return {
    kind: String(value.kind),
    apiVersion: String(value.apiVersion),
    ...(namespaced ? { namespace } : {}),
    name: String(metadata.name ?? ''),
    action: 'rejected',
    message: object.rejection!,
    diff: [],
    ...(object.source ? { source: object.source } : {}),
  };
}

/** K25: changing a ConfigMap or Secret restarts nobody; say which workloads keep the old values and how to roll them. */
function noteConfigConsumers(entry: AppliedObject, state: readonly KObject[], rolled: ReadonlySet<string>): void {
  const { plan, after } = entry;
  if (!after || plan.action !== 'configured' || plan.diff.length === 0 || (after.kind !== 'ConfigMap' && after.kind !== 'Secret')) return;
  const consumers = configConsumers(state, after.kind, String(meta(after).name), namespaceOf(after)).filter((c) => !rolled.has(key(c.workload)));
  for (const { workload, via } of consumers) {
    const name = resourceLine(workload);
    const effect =
      via === 'env'
        ? 'its pods keep the old values in their environment until they are recreated'
        : 'mounted files update after the kubelet syncs, but the pods are not restarted';
    plan.warnings = [
      ...(plan.warnings ?? []),
      `${name} reads this ${after.kind} and will not roll out: nothing watches ${after.kind} content, so ${effect}. ` +
        `To roll it with each change, add a checksum of the data to its pod template annotations (e.g. checksum/config), ` +
        `use a generated name (kustomize configMapGenerator), or run "kubectl rollout restart ${name.replace(/\.[^/]+\//, '/')}".`,
    ];
  }
}
