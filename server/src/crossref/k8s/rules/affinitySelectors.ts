import { readSelector } from '../../labelSelector';
import { list } from '../containers';
import { isRecord } from '../k8sObject';
import { noPodsFinding } from '../selectorTargets';
import type { K8sRule, RuleFinding } from '../ruleContext';
import type { PathSegment } from '../../../documents/yamlPath';

type Term = { term: Record<string, unknown>; path: PathSegment[]; what: string };

// Every pod-affinity and anti-affinity term (required and preferred) and topology spread constraint of a pod spec.
function termsOf(spec: Record<string, unknown>, base: PathSegment[]): Term[] {
  const out: Term[] = [];
  const affinity = isRecord(spec.affinity) ? spec.affinity : undefined;
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const block = affinity && isRecord(affinity[kind]) ? affinity[kind] : undefined;
    if (!block) continue;
    list(block.requiredDuringSchedulingIgnoredDuringExecution).forEach((term, i) => {
      if (isRecord(term)) out.push({ term, path: [...base, 'affinity', kind, 'requiredDuringSchedulingIgnoredDuringExecution', i], what: kind });
    });
    list(block.preferredDuringSchedulingIgnoredDuringExecution).forEach((weighted, i) => {
      if (isRecord(weighted) && isRecord(weighted.podAffinityTerm)) {
        out.push({ term: weighted.podAffinityTerm, path: [...base, 'affinity', kind, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'podAffinityTerm'], what: kind });
      }
    });
  }
  list(spec.topologySpreadConstraints).forEach((constraint, i) => {
    if (isRecord(constraint)) out.push({ term: constraint, path: [...base, 'topologySpreadConstraints', i], what: 'topologySpreadConstraint' });
  });
  return out;
}

/**
 * affinity-selector-matches-nothing: a pod (anti-)affinity term or topology spread constraint
 * whose labelSelector matches no pod template of its namespace here: the rule then constrains
 * nothing (anti-affinity spreads nothing, affinity can never be satisfied). A Hint: the pods may
 * be deployed from elsewhere. Terms that widen the scope (`namespaces`, `namespaceSelector`) or
 * take labels from the pod itself (`matchLabelKeys`, `mismatchLabelKeys`) are not judged, nor
 * terms without a selector.
 */
export const affinitySelectorMatchesNothing: K8sRule = {
  name: 'affinity-selector-matches-nothing',
  severity: 'hint',
  check(object, ctx) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      for (const { term, path, what } of termsOf(template.spec, [...template.path, 'spec'])) {
        if (term.namespaces !== undefined || term.namespaceSelector !== undefined || term.matchLabelKeys !== undefined || term.mismatchLabelKeys !== undefined) continue;
        const selector = readSelector(term.labelSelector);
        if (!selector) continue;
        const finding = noPodsFinding(ctx, object, selector, [...path, 'labelSelector'], `This ${what} of ${object.kind} "${object.name}"`);
        if (finding) out.push({ ...finding, severity: 'hint' });
      }
    }
    return out;
  },
};
