import type { Labels } from '../labelSelector';
import type { NamespaceRelation } from '../namespaces';
import { RUNTIME_LABELS } from './podTemplates';
import type { K8sObject, PodTemplate } from './k8sObject';
import type { RuleContext, RuleFinding } from './ruleContext';
import { CLUSTER_SCOPED } from '../namespaces';
import { editDistance } from '../../validation/suggest';

export interface SelectedPods {
  matched: Array<{ object: K8sObject; template: PodTemplate; relation: NamespaceRelation }>;
  /** The pod template closest to matching, for "did you mean" related information. */
  nearest?: { object: K8sObject; template: PodTemplate; score: number };
}

/** Pod templates in the namespace that a predicate selects, plus the nearest miss. */
export function selectPods(ctx: RuleContext, namespace: string | undefined, wanted: Labels | undefined, matches: (labels: Labels) => boolean): SelectedPods {
  // `wanted` are labels every selected template must carry (matchLabels): the index narrows on them.
  const out: SelectedPods = { matched: ctx.podsMatching(namespace, wanted ?? {}, matches) };
  if (out.matched.length > 0 || !wanted) return out;
  // A miss: scan once for the nearest template, to say what almost matched.
  for (const source of ctx.podSources(namespace)) {
    const score = Object.entries(wanted).filter(([k, v]) => source.template.labels[k] === v).length + sharedKeyBonus(wanted, source.template.labels);
    if (score > 0 && (!out.nearest || score > out.nearest.score)) out.nearest = { object: source.object, template: source.template, score };
  }
  return out;
}

// A shared key with a different value counts up to 0.5, more for a closer value (`cartservise` → `cartservice`).
function sharedKeyBonus(wanted: Labels, labels: Labels): number {
  let best = -1;
  for (const [k, v] of Object.entries(wanted)) {
    const actual = labels[k];
    if (actual === undefined || actual === v) continue;
    best = Math.max(best, 1 - editDistance(v, actual) / Math.max(v.length, actual.length, 1));
  }
  return best < 0 ? 0 : 0.25 + 0.25 * best;
}

/** Whether the unmatched part of a selector is only labels that controllers add at runtime. */
export function onlyRuntimeLabels(keys: readonly string[]): boolean {
  return keys.length > 0 && keys.every((k) => RUNTIME_LABELS.has(k));
}

/**
 * Whether pods may come from something the workspace does not show: custom resources in the
 * namespace that an operator turns into pods (§2.4), or files we could not read (§2.5).
 */
export function podsMayExistElsewhere(ctx: RuleContext, namespace: string | undefined, source: K8sObject): boolean {
  if (ctx.workspaceIncomplete()) return true;
  for (const kind of ['Prometheus', 'Alertmanager', 'Kafka', 'Cluster', 'Rollout', 'ScaledJob']) {
    if (ctx.ofKind(kind).some((o) => o.namespace === namespace)) return true;
  }
  // No pod template at all in the namespace: the workloads live outside this workspace.
  return !ctx.podSources(namespace).some((p) => p.relation === 'same') && !CLUSTER_SCOPED.has(source.kind);
}

export function nearestRelated(selected: SelectedPods): RuleFinding['related'] {
  if (!selected.nearest) return undefined;
  const { object, template } = selected.nearest;
  const labels = Object.entries(template.labels).map(([k, v]) => `${k}=${v}`).join(',');
  return [{ object, path: [...template.path, 'metadata', 'labels'], message: `${object.kind} "${object.name}" has pod labels ${labels}` }];
}
