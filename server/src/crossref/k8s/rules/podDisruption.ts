import { readSelector, selectorMatches, type LabelSelector } from '../../labelSelector';
import { namespaceRelation } from '../../namespaces';
import { isRecord, type K8sObject } from '../k8sObject';
import type { K8sRule, RuleContext, RuleFinding } from '../ruleContext';
import { SCALABLE, autoscalersOf, minReplicasOf } from '../scaleTargets';
import { noPodsFinding, wantedLabels } from '../selectorTargets';
import { sameObject } from '../workspaceScope';

/**
 * A PDB's effective selector: null when it selects nothing (absent; or `{}` in policy/v1beta1,
 * where empty meant none — in policy/v1 `{}` is every pod of the namespace).
 */
function pdbSelector(object: K8sObject): LabelSelector | null | undefined {
  if (object.kind !== 'PodDisruptionBudget' || !isRecord(object.value.spec)) return undefined;
  const selector = readSelector(object.value.spec.selector);
  if (!selector) return null;
  const empty = Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
  return empty && object.apiVersion === 'policy/v1beta1' ? null : selector;
}

/** pdb-selector-no-pods: a budget that selects no pod protects nothing (controller event NoPods). */
export const pdbSelectorNoPods: K8sRule = {
  name: 'pdb-selector-no-pods',
  severity: 'warning',
  check(object, ctx) {
    const selector = pdbSelector(object);
    if (selector === undefined) return [];
    if (selector === null) {
      const hasField = isRecord(object.value.spec) && object.value.spec.selector !== undefined;
      return [{ path: hasField ? ['spec', 'selector'] : ['spec'], on: 'key', message: `PodDisruptionBudget "${object.name}" ${hasField ? 'has an empty selector, which in policy/v1beta1 selects no pods' : 'has no selector, so it selects no pods'}.` }];
    }
    const finding = noPodsFinding(ctx, object, selector, ['spec', 'selector']);
    return finding ? [finding] : [];
  },
};

/** multiple-pdbs-same-pods: the eviction API refuses pods that more than one PDB selects, so drains fail. */
export const multiplePdbsSamePods: K8sRule = {
  name: 'multiple-pdbs-same-pods',
  severity: 'warning',
  check(object, ctx) {
    const selector = pdbSelector(object);
    if (!selector) return [];
    // The pods this budget selects, then which other budget of the namespace also selects one of them.
    const mine = ctx.podsMatching(object.namespace, wantedLabels(selector), (labels) => selectorMatches(selector, labels)).filter((s) => s.relation === 'same');
    if (mine.length === 0) return [];
    const out: RuleFinding[] = [];
    const reported = new Set<string>();
    for (const other of pdbsInNamespace(ctx, object.namespace)) {
      const id = `${other.namespace ?? ''}/${other.name}`;
      if (reported.has(id) || sameObject(other, object) || namespaceRelation(object.namespace, other.namespace) !== 'same') continue;
      const theirs = pdbSelector(other);
      const shared = theirs ? mine.find((s) => selectorMatches(theirs, s.template.labels)) : undefined;
      if (!shared) continue;
      reported.add(id);
      out.push({
        path: ['spec', 'selector'],
        on: 'key',
        message: `PodDisruptionBudget "${object.name}" and "${other.name}" both select the pods of ${shared.object.kind} "${shared.object.name}"; the eviction API refuses pods with more than one budget, so node drains fail.`,
        related: [
          { object: other, path: ['spec', 'selector'], message: `PodDisruptionBudget "${other.name}"` },
          { object: shared.object, path: [...shared.template.path, 'metadata', 'labels'], message: `${shared.object.kind} "${shared.object.name}" pod labels` },
        ],
      });
    }
    return out;
  },
};

// Replicas a workload runs with: spec.replicas, else its autoscalers' minimum, else 1.
function replicasOf(ctx: RuleContext, workload: K8sObject): number {
  const spec = isRecord(workload.value.spec) ? workload.value.spec : {};
  if (typeof spec.replicas === 'number') return spec.replicas;
  const autoscalers = autoscalersOf(ctx, workload);
  return autoscalers.length ? Math.min(...autoscalers.map(minReplicasOf)) : 1;
}

function percent(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  return match ? Number(match[1]) : undefined;
}

/** pdb-blocks-disruption: a budget that allows no voluntary disruption makes every node drain hang. */
export const pdbBlocksDisruption: K8sRule = {
  name: 'pdb-blocks-disruption',
  severity: 'warning',
  check(object, ctx) {
    const selector = pdbSelector(object);
    if (selector === undefined || !isRecord(object.value.spec)) return [];
    const { maxUnavailable, minAvailable } = object.value.spec;
    if (maxUnavailable === 0 || percent(maxUnavailable) === 0) {
      return [{ path: ['spec', 'maxUnavailable'], message: `maxUnavailable: ${String(maxUnavailable)} allows no pod of PodDisruptionBudget "${object.name}" to be evicted, so node drains block.` }];
    }
    if (percent(minAvailable) === 100) {
      return [{ path: ['spec', 'minAvailable'], message: `minAvailable: 100% allows no pod of PodDisruptionBudget "${object.name}" to be evicted, so node drains block.` }];
    }
    if (!selector || (typeof minAvailable !== 'number' && percent(minAvailable) === undefined)) return [];
    for (const source of ctx.podsMatching(object.namespace, wantedLabels(selector), (labels) => selectorMatches(selector, labels))) {
      if (source.relation !== 'same' || !SCALABLE.has(source.object.kind)) continue;
      const replicas = replicasOf(ctx, source.object);
      if (replicas <= 0) continue;
      const p = percent(minAvailable);
      const required = p === undefined ? (minAvailable as number) : Math.ceil((p * replicas) / 100);
      if (required < replicas) continue;
      return [
        {
          path: ['spec', 'minAvailable'],
          message: `minAvailable: ${String(minAvailable)} with ${source.object.kind} "${source.object.name}" at ${replicas} replica${replicas === 1 ? '' : 's'} allows no voluntary disruption, so node drains block.`,
          related: [{ object: source.object, path: isRecord(source.object.value.spec) && 'replicas' in source.object.value.spec ? ['spec', 'replicas'] : ['metadata', 'name'], message: `${source.object.kind} "${source.object.name}"` }],
        },
      ];
    }
    return [];
  },
};

// PodDisruptionBudgets grouped by namespace (unset counts as "default", as it is matched).
function pdbsInNamespace(ctx: RuleContext, namespace: string | undefined): K8sObject[] {
  const table = ctx.memo('pdbs-by-namespace', ['PodDisruptionBudget'], () => {
    const map = new Map<string, K8sObject[]>();
    for (const pdb of ctx.ofKind('PodDisruptionBudget')) {
      const key = pdb.namespace ?? 'default';
      map.set(key, [...(map.get(key) ?? []), pdb]);
    }
    return map;
  });
  return table.get(namespace ?? 'default') ?? [];
}
