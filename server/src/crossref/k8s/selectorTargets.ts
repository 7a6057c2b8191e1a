import type { PathSegment } from '../../documents/yamlPath';
import { describeSelector, selectorMatches, type LabelSelector, type Labels } from '../labelSelector';
import type { K8sObject } from './k8sObject';
import { nearestRelated, onlyRuntimeLabels, podsMayExistElsewhere, selectPods } from './podSelection';
import type { RuleContext, RuleFinding } from './ruleContext';

/** Keys of the selector's requirements that a label set fails. */
export function failingKeys(selector: LabelSelector, labels: Labels): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== String(value)) out.push(key);
  for (const expression of selector.matchExpressions ?? []) {
    if (!selectorMatches({ matchExpressions: [expression] }, labels)) out.push(String(expression?.key));
  }
  return out;
}

/** The labels a selector asks for by equality (matchLabels and single-value `In`), for "nearest" scoring. */
export function wantedLabels(selector: LabelSelector): Labels {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) out[key] = String(value);
  for (const e of selector.matchExpressions ?? []) {
    if (e?.operator === 'In' && Array.isArray(e.values) && e.values.length === 1) out[String(e.key)] = String(e.values[0]);
  }
  return out;
}

/**
 * The "selects no pods" finding for a LabelSelector (NetworkPolicy, PDB, …), or undefined when
 * a pod template matches, when only runtime-injected labels are missing (§2.3), and at Hint
 * when pods may come from outside the workspace (§2.4, §2.5). `subject` names what selects
 * (by default the object; a peer or an affinity term of it, say).
 */
export function noPodsFinding(ctx: RuleContext, object: K8sObject, selector: LabelSelector, path: PathSegment[], subject = `${object.kind} "${object.name}"`): RuleFinding | undefined {
  const namespace = object.namespace;
  const selected = selectPods(ctx, namespace, wantedLabels(selector), (labels) => selectorMatches(selector, labels));
  if (selected.matched.length > 0) return undefined;
  if (onlyRuntimeLabels(failingKeys(selector, selected.nearest?.template.labels ?? {}))) return undefined;
  const uncertain = podsMayExistElsewhere(ctx, namespace, object);
  return {
    path,
    on: 'key',
    severity: uncertain ? 'hint' : undefined,
    message: `${subject} selects no pods: no pod template${namespace ? ` in namespace "${namespace}"` : ''} matches ${describeSelector(selector)}.`,
    related: nearestRelated(selected),
  };
}
