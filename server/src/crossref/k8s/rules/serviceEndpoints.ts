import { namespaceRelation } from '../../namespaces';
import { isRecord } from '../k8sObject';
import { resolveReference } from '../references';
import type { K8sRule, RuleFinding } from '../ruleContext';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** selectorless-service-without-endpoints: without a selector, someone must supply the Endpoints (often a controller: Hint). */
export const selectorlessServiceWithoutEndpoints: K8sRule = {
  name: 'selectorless-service-without-endpoints',
  severity: 'hint',
  check(object, ctx) {
    if (object.kind !== 'Service' || !isRecord(object.value.spec)) return [];
    const spec = object.value.spec;
    if (spec.type === 'ExternalName' || (isRecord(spec.selector) && Object.keys(spec.selector).length > 0)) return [];
    if (ctx.find('Endpoints', object.name, object.namespace).some((m) => m.relation !== 'different')) return [];
    const slices = ctx.ofKind('EndpointSlice');
    if (slices.some((s) => s.labels[SERVICE_NAME_LABEL] === object.name && namespaceRelation(object.namespace, s.namespace) !== 'different')) return [];
    return [
      {
        path: isRecord(spec.selector) ? ['spec', 'selector'] : ['spec'],
        on: 'key',
        message: `Service "${object.name}" has no selector and no Endpoints or EndpointSlice in the workspace; it routes nowhere unless a controller manages its endpoints.`,
      },
    ];
  },
};

/** orphan-endpoints: Endpoints / EndpointSlices belong to the Service of the same name. */
export const orphanEndpoints: K8sRule = {
  name: 'orphan-endpoints',
  severity: 'warning',
  check(object, ctx) {
    const path = object.kind === 'Endpoints' ? ['metadata', 'name'] : object.kind === 'EndpointSlice' ? ['metadata', 'labels', SERVICE_NAME_LABEL] : undefined;
    if (!path) return [];
    const name = object.kind === 'Endpoints' ? object.name : object.labels[SERVICE_NAME_LABEL];
    const resolution = resolveReference(ctx, object, { kind: 'Service', name, path }, 'warning');
    if (resolution.status !== 'finding') return [];
    return [{ ...resolution.finding, message: `${object.kind} "${object.name}" belongs to no Service: ${resolution.finding.message}` }];
  },
};

/** pod-subdomain-service-missing: `spec.subdomain` only yields DNS records when a headless Service of that name exists. */
export const podSubdomainServiceMissing: K8sRule = {
  name: 'pod-subdomain-service-missing',
  severity: 'hint',
  check(object, ctx) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      const path = [...template.path, 'spec', 'subdomain'];
      const resolution = resolveReference(ctx, object, { kind: 'Service', name: template.spec.subdomain, path }, 'hint');
      if (resolution.status === 'finding') out.push({ ...resolution.finding, severity: 'hint', message: `${resolution.finding.message} Pods get a hostname.subdomain DNS record only from a headless Service of that name.` });
      if (resolution.status === 'found' && isRecord(resolution.target.value.spec) && resolution.target.value.spec.clusterIP !== 'None') {
        out.push({
          path,
          message: `Service "${resolution.target.name}" is not headless (clusterIP: None), so pods get no hostname.subdomain DNS record.`,
          related: [{ object: resolution.target, path: ['spec'], message: `Service "${resolution.target.name}"` }],
        });
      }
    }
    return out;
  },
};
