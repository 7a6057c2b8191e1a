import type { PathSegment } from '../../../documents/yamlPath';
import { namespaceRelation } from '../../namespaces';
import { list } from '../containers';
import { isRecord, type K8sObject } from '../k8sObject';
import { resolveReference } from '../references';
import type { K8sRule, RuleContext, RuleFinding } from '../ruleContext';
import { kindPresentInNamespace } from '../workspaceScope';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const ROUTES = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']);

function resolve(ctx: RuleContext, route: K8sObject, kind: string, ref: Record<string, unknown>, path: PathSegment[], out: RuleFinding[]): K8sObject | undefined {
  const explicit = typeof ref.namespace === 'string' ? ref.namespace : undefined;
  const resolution = resolveReference(ctx, route, { kind, name: ref.name, path: [...path, 'name'], namespace: explicit }, 'warning');
  if (resolution.status === 'found') return resolution.target;
  if (resolution.status !== 'finding') return undefined;
  // Gateways and Services of namespaces this workspace never defines are managed elsewhere.
  const elsewhere = explicit !== undefined && !kindPresentInNamespace(ctx, kind, explicit);
  out.push(elsewhere ? { ...resolution.finding, severity: 'hint' } : resolution.finding);
  return undefined;
}

// A backend in another namespace needs a ReferenceGrant there that lets this route kind in.
function granted(ctx: RuleContext, route: K8sObject, namespace: string, name: unknown): boolean {
  return ctx.ofKind('ReferenceGrant').some((grant) => {
    if (namespaceRelation(namespace, grant.namespace) === 'different' || !isRecord(grant.value.spec)) return false;
    const from = list(grant.value.spec.from).some((f) => isRecord(f) && f.group === GATEWAY_GROUP && f.kind === route.kind && f.namespace === route.namespace);
    const to = list(grant.value.spec.to).some((t) => isRecord(t) && (t.group ?? '') === '' && t.kind === 'Service' && (t.name === undefined || t.name === name));
    return from && to;
  });
}

/** gateway-route-refs: Gateway API routes' `parentRefs` → Gateway (+ listener) and `backendRefs` → Service + port. */
export const gatewayRouteRefs: K8sRule = {
  name: 'gateway-route-refs',
  severity: 'warning',
  check(object, ctx) {
    if (!ROUTES.has(object.kind) || !isRecord(object.value.spec)) return [];
    const spec = object.value.spec;
    const out: RuleFinding[] = [];
    list(spec.parentRefs).forEach((ref, i) => {
      if (!isRecord(ref) || (ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (ref.kind ?? 'Gateway') !== 'Gateway') return;
      const path = ['spec', 'parentRefs', i];
      const gateway = resolve(ctx, object, 'Gateway', ref, path, out);
      if (!gateway || typeof ref.sectionName !== 'string') return;
      const listeners = list(isRecord(gateway.value.spec) ? gateway.value.spec.listeners : undefined).flatMap((l) => (isRecord(l) && typeof l.name === 'string' ? [l.name] : []));
      if (!listeners.includes(ref.sectionName)) {
        out.push({ path: [...path, 'sectionName'], message: `Gateway "${gateway.name}" has no listener "${ref.sectionName}" (it has ${listeners.join(', ') || 'none'}).`, related: [{ object: gateway, path: ['spec', 'listeners'], message: `Gateway "${gateway.name}" listeners` }] });
      }
    });
    list(spec.rules).forEach((rule, r) => {
      list(isRecord(rule) ? rule.backendRefs : undefined).forEach((ref, b) => {
        if (!isRecord(ref) || (ref.group ?? '') !== '' || (ref.kind ?? 'Service') !== 'Service') return;
        const path = ['spec', 'rules', r, 'backendRefs', b];
        const crossNamespace = typeof ref.namespace === 'string' && namespaceRelation(object.namespace, ref.namespace) === 'different';
        if (crossNamespace && !granted(ctx, object, ref.namespace as string, ref.name)) {
          out.push({ path: [...path, 'namespace'], message: `No ReferenceGrant in namespace "${String(ref.namespace)}" lets ${object.kind}s from "${object.namespace ?? '(unset)'}" use Service "${String(ref.name)}"; the backend is refused.` });
        }
        const service = resolve(ctx, object, 'Service', ref, path, out);
        if (!service || typeof ref.port !== 'number') return;
        const ports = list(isRecord(service.value.spec) ? service.value.spec.ports : undefined).filter(isRecord).map((p) => p.port);
        if (!ports.includes(ref.port)) {
          out.push({ path: [...path, 'port'], message: `Service "${service.name}" has no port ${ref.port} (it exposes ${ports.join(', ') || 'none'}).`, related: [{ object: service, path: ['spec', 'ports'], message: `Service "${service.name}" ports` }] });
        }
      });
    });
    return out;
  },
};
