import { equalitySelectorMatches, isEmptySelector, readLabels, readSelector, selectorMatches, type Labels } from '../../labelSelector';
import { isRecord, type K8sObject } from '../k8sObject';
import type { K8sRule, RuleFinding } from '../ruleContext';
import { wantedLabels } from '../selectorTargets';
import { sameObject } from '../workspaceScope';

const CONTROLLERS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController', 'DeploymentConfig', 'Rollout']);

interface Matcher {
  matches: (labels: Labels) => boolean;
  /** Labels every selected template carries (narrows the index lookup). */
  wanted: Labels;
}

/** How a controller selects pods; RC/DeploymentConfig map selectors default to the template labels. */
function controllerMatcher(object: K8sObject): Matcher | undefined {
  const spec = isRecord(object.value.spec) ? object.value.spec : {};
  const template = object.podTemplates[0];
  const manualJob = object.kind === 'Job' && spec.manualSelector === true;
  if (!template || (!CONTROLLERS.has(object.kind) && !manualJob)) return undefined;
  if (object.kind === 'ReplicationController' || object.kind === 'DeploymentConfig') {
    const map = isRecord(spec.selector) && Object.keys(spec.selector).length ? readLabels(spec.selector) : template.labels;
    return Object.keys(map).length ? { matches: (labels) => equalitySelectorMatches(map, labels), wanted: map } : undefined;
  }
  const selector = readSelector(spec.selector);
  // A missing or empty selector is invalid and reported by workload-selector-missing-or-empty.
  return selector && !isEmptySelector(selector) ? { matches: (labels) => selectorMatches(selector, labels), wanted: wantedLabels(selector) } : undefined;
}

// Files in unrelated directory trees are often separate examples or alternatives, applied one at a time (§2.5).
function sameTree(a: K8sObject, b: K8sObject): boolean {
  const [x, y] = [a.location.uri, b.location.uri].map((uri) => uri.slice(0, uri.lastIndexOf('/') + 1));
  return x!.startsWith(y!) || y!.startsWith(x!);
}

/** overlapping-controller-selectors: two controllers whose selectors take each other's pods fight over them. */
export const overlappingControllerSelectors: K8sRule = {
  name: 'overlapping-controller-selectors',
  severity: 'warning',
  check(object, ctx) {
    const mine = controllerMatcher(object);
    if (!mine) return [];
    const out: RuleFinding[] = [];
    const seen: K8sObject[] = [];
    for (const { object: other, template, relation } of ctx.podsMatching(object.namespace, mine.wanted, mine.matches)) {
      if (relation !== 'same' || sameObject(other, object) || seen.some((s) => sameObject(s, other))) continue;
      const theirs = controllerMatcher(other);
      if (!theirs?.matches(object.podTemplates[0]!.labels)) continue;
      seen.push(other);
      // Same name, another kind: the same app written two ways (a legacy RC beside its Deployment), rarely applied together.
      const alternative = other.name === object.name || (!sameTree(object, other) && (object.namespace === undefined || other.namespace === undefined));
      out.push({
        path: isRecord(object.value.spec) && object.value.spec.selector !== undefined ? ['spec', 'selector'] : [...object.podTemplates[0]!.path, 'metadata', 'labels'],
        on: 'key',
        severity: alternative ? 'hint' : undefined,
        message: `${object.kind} "${object.name}" and ${other.kind} "${other.name}" select each other's pods; the controllers will fight over them. Give each a distinguishing label.${alternative ? ' (If these are alternative versions, apply only one.)' : ''}`,
        related: [{ object: other, path: [...template.path, 'metadata', 'labels'], message: `${other.kind} "${other.name}" pod labels` }],
      });
    }
    return out;
  },
};
