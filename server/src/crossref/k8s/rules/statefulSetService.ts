import { equalitySelectorMatches, readLabels } from '../../labelSelector';
import { isRecord, type K8sObject } from '../k8sObject';
import { resolveReference } from '../references';
import type { K8sRule, RuleContext, RuleFinding } from '../ruleContext';

const PATH = ['spec', 'serviceName'];

// The governing Service of a StatefulSet, when `serviceName` is set (it is optional: §5.1 #15).
function governingService(object: K8sObject, ctx: RuleContext) {
  if (object.kind !== 'StatefulSet' || !isRecord(object.value.spec)) return undefined;
  return resolveReference(ctx, object, { kind: 'Service', name: object.value.spec.serviceName, path: PATH }, 'warning', 'governing Service');
}

/** sts-service-missing: a set `serviceName` must name a Service in the StatefulSet's namespace. */
export const stsServiceMissing: K8sRule = {
  name: 'sts-service-missing',
  severity: 'warning',
  check(object, ctx) {
    const resolution = governingService(object, ctx);
    return resolution?.status === 'finding' ? [{ ...resolution.finding, message: `${resolution.finding.message} Pods get no stable DNS names without it.` }] : [];
  },
};

/** sts-service-selector-mismatch: the governing Service must select the StatefulSet's pods. */
export const stsServiceSelectorMismatch: K8sRule = {
  name: 'sts-service-selector-mismatch',
  severity: 'warning',
  check(object, ctx) {
    const resolution = governingService(object, ctx);
    if (resolution?.status !== 'found') return [];
    const service = resolution.target;
    const spec = isRecord(service.value.spec) ? service.value.spec : {};
    const selector = readLabels(spec.selector);
    const labels = object.podTemplates[0]?.labels ?? {};
    // A selector-less Service has externally managed endpoints: nothing to compare.
    if (Object.keys(selector).length === 0 || equalitySelectorMatches(selector, labels)) return [];
    const pairs = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
    const finding: RuleFinding = {
      path: PATH,
      message: `Service "${service.name}" selects ${pairs}, which StatefulSet "${object.name}"'s pods do not carry (${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',') || 'no labels'}); their per-pod DNS records will not exist.`,
      related: [{ object: service, path: ['spec', 'selector'], message: `Service "${service.name}" selector` }],
    };
    return [finding];
  },
};

/** sts-service-not-headless: a non-headless governing Service works but gives no per-pod DNS. */
export const stsServiceNotHeadless: K8sRule = {
  name: 'sts-service-not-headless',
  severity: 'information',
  check(object, ctx) {
    const resolution = governingService(object, ctx);
    if (resolution?.status !== 'found') return [];
    const service = resolution.target;
    if (isRecord(service.value.spec) && service.value.spec.clusterIP === 'None') return [];
    return [
      {
        path: PATH,
        message: `Service "${service.name}" is not headless (clusterIP: None), so StatefulSet "${object.name}"'s pods get no per-pod DNS records.`,
        related: [{ object: service, path: ['metadata', 'name'], message: `Service "${service.name}"` }],
      },
    ];
  },
};
