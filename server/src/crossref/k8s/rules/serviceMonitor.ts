import { describeSelector, readSelector, selectorMatches } from '../../labelSelector';
import { namespaceRelation } from '../../namespaces';
import { list } from '../containers';
import { isRecord, type K8sObject } from '../k8sObject';
import type { K8sRule, RuleFinding } from '../ruleContext';

// The namespaces a ServiceMonitor looks in: `any: true`, `matchNames`, else its own (kube-linter#1256 got this wrong).
function inScope(monitor: K8sObject, spec: Record<string, unknown>): (namespace: string | undefined) => boolean {
  const selector = isRecord(spec.namespaceSelector) ? spec.namespaceSelector : {};
  if (selector.any === true) return () => true;
  const names = list(selector.matchNames).filter((n): n is string => typeof n === 'string');
  if (names.length) return (ns) => names.some((n) => namespaceRelation(n, ns) !== 'different');
  return (ns) => namespaceRelation(monitor.namespace, ns) !== 'different';
}

function portsOf(service: K8sObject): string[] {
  const spec = isRecord(service.value.spec) ? service.value.spec : {};
  return list(spec.ports).flatMap((p) => (isRecord(p) && typeof p.name === 'string' ? [p.name] : []));
}

/**
 * servicemonitor-no-services: the Prometheus Operator scrapes the Services whose *labels* match
 * `spec.selector`, on the Service port *names* `endpoints[].port`.
 */
export const serviceMonitorNoServices: K8sRule = {
  name: 'servicemonitor-no-services',
  severity: 'warning',
  check(object, ctx) {
    if (object.kind !== 'ServiceMonitor' || !isRecord(object.value.spec)) return [];
    const spec = object.value.spec;
    const selector = readSelector(spec.selector);
    if (!selector) return [];
    const scoped = ctx.ofKind('Service').filter((s) => inScope(object, spec)(s.namespace));
    const matched = scoped.filter((s) => selectorMatches(selector, s.labels));
    if (matched.length === 0) {
      const wanted = Object.entries(selector.matchLabels ?? {});
      const score = (s: K8sObject) => wanted.filter(([k, v]) => s.labels[k] === String(v)).length;
      const nearest = [...scoped].sort((a, b) => score(b) - score(a)).find((s) => score(s) > 0);
      return [
        {
          path: ['spec', 'selector'],
          on: 'key',
          // No Service at all where it looks: they are deployed from elsewhere.
          severity: scoped.length === 0 || ctx.workspaceIncomplete() ? 'hint' : undefined,
          message: `ServiceMonitor "${object.name}" matches no Service: none has the labels ${describeSelector(selector)} (a ServiceMonitor selects Service labels, not pod labels).`,
          related: nearest ? [{ object: nearest, path: ['metadata', 'labels'], message: `Service "${nearest.name}" labels` }] : undefined,
        },
      ];
    }
    const named = new Set(matched.flatMap(portsOf));
    const out: RuleFinding[] = [];
    list(spec.endpoints).forEach((endpoint, i) => {
      if (!isRecord(endpoint) || typeof endpoint.port !== 'string' || named.has(endpoint.port)) return;
      out.push({
        path: ['spec', 'endpoints', i, 'port'],
        message: `No selected Service has a port named "${endpoint.port}" (${[...named].join(', ') || 'they name no ports'}); endpoints[].port is a Service port name.`,
        related: [{ object: matched[0]!, path: ['spec', 'ports'], message: `Service "${matched[0]!.name}" ports` }],
      });
    });
    return out;
  },
};
