import type { KObject } from '../kobject';
import { hasLastApplied } from './lastApplied';
import type { LiveState } from './liveState';
import { apiGroup, apiVersionOf, kindOf, labelsOf, nameOf, namespaceOf } from './objectMeta';
import { selectorTextMatches, type Requirement } from './labelSelectorText';

/**
 * `kubectl apply --prune -l SELECTOR` (label mode): in every namespace the apply visited, then at
 * cluster scope, the objects of the default prune kinds that match the selector, were created by
 * apply (they carry last-applied) and were not applied in this run are deleted.
 */

const NAMESPACED_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['', 'ConfigMap'],
  ['', 'Endpoints'],
  ['', 'PersistentVolumeClaim'],
  ['', 'Pod'],
  ['', 'ReplicationController'],
  ['', 'Secret'],
  ['', 'Service'],
  ['batch', 'Job'],
  ['batch', 'CronJob'],
  ['networking.k8s.io', 'Ingress'],
  ['apps', 'DaemonSet'],
  ['apps', 'Deployment'],
  ['apps', 'ReplicaSet'],
  ['apps', 'StatefulSet'],
];
const CLUSTER_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['', 'Namespace'],
  ['', 'PersistentVolume'],
];

export interface PruneCandidate {
  identity: string;
  object: KObject;
}

/** What prune deletes, in kubectl's order (namespace by namespace, kind by kind, then by name as a LIST returns them). */
export function pruneCandidates(state: LiveState, visitedNamespaces: readonly string[], applied: ReadonlySet<string>, selector: readonly Requirement[]): PruneCandidate[] {
  const entries = state.entries();
  const list = (group: string, kind: string, namespace: string) =>
    entries
      .filter(([, o]) => apiGroup(apiVersionOf(o)) === group && kindOf(o) === kind && namespaceOf(o) === namespace)
      .filter(([identity, o]) => selectorTextMatches(selector, labelsOf(o)) && hasLastApplied(o) && !applied.has(identity))
      .sort(([, a], [, b]) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0))
      .map(([identity, object]) => ({ identity, object }));
  const out: PruneCandidate[] = [];
  for (const namespace of visitedNamespaces) {
    if (namespace === '') continue;
    for (const [group, kind] of NAMESPACED_KINDS) out.push(...list(group, kind, namespace));
  }
  for (const [group, kind] of CLUSTER_KINDS) out.push(...list(group, kind, ''));
  return out;
}
