import type { PathSegment } from '../../documents/yamlPath';
import { list } from './containers';
import { isRecord, type K8sObject } from './k8sObject';

/** A selector field of an object: `label` = metav1.LabelSelector, `map` = equality-only map (Service, RC). */
export interface SelectorField {
  value: unknown;
  path: PathSegment[];
  form: 'label' | 'map';
}

const LABEL_SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Rollout', 'PodDisruptionBudget', 'ServiceMonitor', 'PodMonitor']);
const MAP_SELECTOR_KINDS = new Set(['Service', 'ReplicationController', 'DeploymentConfig']);

function field(value: unknown, path: PathSegment[], form: SelectorField['form'], out: SelectorField[]): void {
  if (value !== undefined && value !== null) out.push({ value, path, form });
}

/** Every selector an object carries that some rule evaluates (§3.1 K-SEL-003: validated once, at the selector). */
export function selectorFields(object: K8sObject): SelectorField[] {
  const out: SelectorField[] = [];
  const spec = isRecord(object.value.spec) ? object.value.spec : {};
  if (LABEL_SELECTOR_KINDS.has(object.kind)) field(spec.selector, ['spec', 'selector'], 'label', out);
  if (MAP_SELECTOR_KINDS.has(object.kind)) field(spec.selector, ['spec', 'selector'], 'map', out);
  if (object.kind === 'NetworkPolicy') {
    field(spec.podSelector, ['spec', 'podSelector'], 'label', out);
    for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
      list(spec[direction]).forEach((rule, r) => {
        list(isRecord(rule) ? rule[peers] : undefined).forEach((peer, p) => {
          if (!isRecord(peer)) return;
          for (const f of ['podSelector', 'namespaceSelector']) field(peer[f], ['spec', direction, r, peers, p, f], 'label', out);
        });
      });
    }
  }
  if (object.kind === 'ValidatingWebhookConfiguration' || object.kind === 'MutatingWebhookConfiguration') {
    list(object.value.webhooks).forEach((hook, h) => {
      if (isRecord(hook)) for (const f of ['namespaceSelector', 'objectSelector']) field(hook[f], ['webhooks', h, f], 'label', out);
    });
  }
  for (const template of object.podTemplates) affinitySelectors(template.spec, [...template.path, 'spec'], out);
  return out;
}

function affinitySelectors(spec: Record<string, unknown>, at: PathSegment[], out: SelectorField[]): void {
  const affinity = isRecord(spec.affinity) ? spec.affinity : {};
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const terms = isRecord(affinity[kind]) ? affinity[kind] : {};
    const base = [...at, 'affinity', kind];
    list(terms.requiredDuringSchedulingIgnoredDuringExecution).forEach((term, i) => {
      if (isRecord(term)) for (const f of ['labelSelector', 'namespaceSelector']) field(term[f], [...base, 'requiredDuringSchedulingIgnoredDuringExecution', i, f], 'label', out);
    });
    list(terms.preferredDuringSchedulingIgnoredDuringExecution).forEach((weighted, i) => {
      const term = isRecord(weighted) ? weighted.podAffinityTerm : undefined;
      if (isRecord(term)) for (const f of ['labelSelector', 'namespaceSelector']) field(term[f], [...base, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'podAffinityTerm', f], 'label', out);
    });
  }
  list(spec.topologySpreadConstraints).forEach((c, i) => {
    if (isRecord(c)) field(c.labelSelector, [...at, 'topologySpreadConstraints', i, 'labelSelector'], 'label', out);
  });
}
