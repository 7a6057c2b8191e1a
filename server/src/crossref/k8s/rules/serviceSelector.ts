import { equalitySelectorMatches, readLabels } from '../../labelSelector';
import { isRecord } from '../k8sObject';
import { nearestRelated, onlyRuntimeLabels, podsMayExistElsewhere, selectPods } from '../podSelection';
import type { K8sRule } from '../ruleContext';

/** service-selector-no-pods: a Service whose selector matches no pod template routes nowhere. */
export const serviceSelectorNoPods: K8sRule = {
  name: 'service-selector-no-pods',
  severity: 'warning',
  check(object, ctx) {
    if (object.kind !== 'Service' || !isRecord(object.value.spec)) return [];
    const spec = object.value.spec;
    if (spec.type === 'ExternalName' || !isRecord(spec.selector)) return [];
    const selector = readLabels(spec.selector);
    if (Object.keys(selector).length === 0) return [];
    const selected = selectPods(ctx, object.namespace, selector, (labels) => equalitySelectorMatches(selector, labels));
    if (selected.matched.length > 0) return [];
    const nearest = selected.nearest?.template.labels ?? {};
    const unmatched = Object.keys(selector).filter((k) => nearest[k] !== selector[k]);
    if (onlyRuntimeLabels(unmatched)) return [];
    const uncertain = podsMayExistElsewhere(ctx, object.namespace, object);
    const pairs = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
    return [
      {
        path: ['spec', 'selector'],
        on: 'key',
        severity: uncertain ? 'hint' : undefined,
        message: `Service "${object.name}" selects no pods: no pod template${object.namespace ? ` in namespace "${object.namespace}"` : ''} has the labels ${pairs}.`,
        related: nearestRelated(selected),
      },
    ];
  },
};
