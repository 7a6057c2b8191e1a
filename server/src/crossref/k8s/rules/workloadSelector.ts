import { describeSelector, equalitySelectorMatches, isEmptySelector, readLabels, readSelector, selectorMatches, type LabelSelector } from '../../labelSelector';
import type { K8sRule, RuleFinding } from '../ruleContext';

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);
// Map selectors (equality only); an empty one defaults to the template labels.
const MAP_SELECTOR_WORKLOADS = new Set(['ReplicationController', 'DeploymentConfig']);

function mapSelector(value: unknown): LabelSelector | undefined {
  const labels = readLabels(value);
  return Object.keys(labels).length ? { matchLabels: labels } : undefined;
}

/** workload-selector-template-mismatch: the API server rejects "`selector` does not match template `labels`". */
export const workloadSelectorTemplateMismatch: K8sRule = {
  name: 'workload-selector-template-mismatch',
  severity: 'error',
  check(object) {
    const manual = object.kind === 'Job' && (object.value.spec as { manualSelector?: unknown } | undefined)?.manualSelector === true;
    const byMap = MAP_SELECTOR_WORKLOADS.has(object.kind);
    if (!WORKLOADS.has(object.kind) && !manual && !byMap) return [];
    const spec = object.value.spec as Record<string, unknown> | undefined;
    const selector = byMap ? mapSelector(spec?.selector) : readSelector(spec?.selector);
    const template = object.podTemplates[0];
    if (!selector || !template || isEmptySelector(selector)) return [];
    if (byMap ? equalitySelectorMatches(selector.matchLabels!, template.labels) : selectorMatches(selector, template.labels)) return [];
    const finding: RuleFinding = {
      path: ['spec', 'selector'],
      on: 'key',
      message: `${object.kind} "${object.name}": selector ${describeSelector(selector)} does not match its pod template's labels (${Object.entries(template.labels).map(([k, v]) => `${k}=${v}`).join(',') || 'none'}); the API server rejects it.`,
      related: [{ object, path: [...template.path, 'metadata', 'labels'], message: 'the pod template labels' }],
    };
    return [finding];
  },
};

/** workload-selector-missing-or-empty: apps/v1 workloads need a non-empty selector. */
export const workloadSelectorMissingOrEmpty: K8sRule = {
  name: 'workload-selector-missing-or-empty',
  severity: 'error',
  check(object) {
    if (!WORKLOADS.has(object.kind) || object.apiVersion !== 'apps/v1') return [];
    const spec = object.value.spec as Record<string, unknown> | undefined;
    if (!spec || typeof spec !== 'object') return [];
    const selector = readSelector(spec.selector);
    // An absent selector is already a schema error (required field); here: present but empty.
    if (!selector || !isEmptySelector(selector)) return [];
    return [{ path: ['spec', 'selector'], on: 'key', message: `${object.kind} "${object.name}": an empty selector is not valid; select the pod template's labels.` }];
  },
};
