import type { PathSegment } from '../../../documents/yamlPath';
import { list } from '../containers';
import { isRecord, type K8sObject } from '../k8sObject';
import { resolveReference } from '../references';
import type { K8sRule, RuleFinding } from '../ruleContext';
import { kindPresentInNamespace } from '../workspaceScope';

/** Where admission webhooks, aggregated APIs and CRD conversion webhooks name their Service. */
function serviceRefs(object: K8sObject): Array<{ service: Record<string, unknown>; path: PathSegment[] }> {
  const out: Array<{ service: Record<string, unknown>; path: PathSegment[] }> = [];
  const add = (value: unknown, path: PathSegment[]) => {
    if (isRecord(value)) out.push({ service: value, path });
  };
  const spec = isRecord(object.value.spec) ? object.value.spec : {};
  if (object.kind === 'ValidatingWebhookConfiguration' || object.kind === 'MutatingWebhookConfiguration') {
    list(object.value.webhooks).forEach((hook, i) => isRecord(hook) && isRecord(hook.clientConfig) && add(hook.clientConfig.service, ['webhooks', i, 'clientConfig', 'service']));
  } else if (object.kind === 'APIService') {
    add(spec.service, ['spec', 'service']);
  } else if (object.kind === 'CustomResourceDefinition' && isRecord(spec.conversion)) {
    const conversion = spec.conversion;
    if (isRecord(conversion.webhook) && isRecord(conversion.webhook.clientConfig)) add(conversion.webhook.clientConfig.service, ['spec', 'conversion', 'webhook', 'clientConfig', 'service']);
    if (isRecord(conversion.webhookClientConfig)) add(conversion.webhookClientConfig.service, ['spec', 'conversion', 'webhookClientConfig', 'service']);
  }
  return out;
}

/** webhook-service-missing: the Service (explicit namespace, port default 443) the API server calls. */
export const webhookServiceMissing: K8sRule = {
  name: 'webhook-service-missing',
  severity: 'warning',
  check(object, ctx) {
    const out: RuleFinding[] = [];
    for (const { service, path } of serviceRefs(object)) {
      const namespace = typeof service.namespace === 'string' ? service.namespace : undefined;
      const resolution = resolveReference(ctx, object, { kind: 'Service', name: service.name, path: [...path, 'name'], namespace }, 'warning', 'webhook Service');
      if (resolution.status === 'finding') {
        // Cross-namespace by design: a namespace with no Services here is deployed from elsewhere.
        const elsewhere = !kindPresentInNamespace(ctx, 'Service', namespace);
        out.push(elsewhere ? { ...resolution.finding, severity: 'hint' } : resolution.finding);
        continue;
      }
      if (resolution.status !== 'found') continue;
      const target = resolution.target;
      const port = typeof service.port === 'number' ? service.port : 443;
      const ports = list(isRecord(target.value.spec) ? target.value.spec.ports : undefined).filter(isRecord).map((p) => p.port);
      if (ports.length === 0 || ports.includes(port)) continue;
      out.push({
        path: [...path, service.port === undefined ? 'name' : 'port'],
        message: `Service "${target.name}" has no port ${port}${service.port === undefined ? ' (the default when port is unset)' : ''}; it exposes ${ports.join(', ')}.`,
        related: [{ object: target, path: ['spec', 'ports'], message: `Service "${target.name}" ports` }],
      });
    }
    return out;
  },
};
