import type { PathSegment } from '../../../documents/yamlPath';
import { list } from '../containers';
import { isRecord, type K8sObject } from '../k8sObject';
import { resolveReference } from '../references';
import type { K8sRule, RuleContext, RuleFinding } from '../ruleContext';

interface Backend {
  name: unknown;
  namePath: PathSegment[];
  number?: unknown;
  portName?: unknown;
  /** Path of the `port` object (v1) or `servicePort` (legacy). */
  portPath: PathSegment[];
}

// v1 `service: {name, port: {number|name}}`, and v1beta1/extensions `serviceName` + `servicePort`; `resource` backends are not Services.
function readBackend(value: unknown, at: PathSegment[]): Backend | undefined {
  if (!isRecord(value)) return undefined;
  if (isRecord(value.service)) {
    const port = isRecord(value.service.port) ? value.service.port : {};
    return { name: value.service.name, namePath: [...at, 'service', 'name'], number: port.number, portName: port.name, portPath: [...at, 'service', 'port'] };
  }
  if (value.serviceName === undefined) return undefined;
  const port = value.servicePort;
  return { name: value.serviceName, namePath: [...at, 'serviceName'], number: typeof port === 'number' ? port : undefined, portName: typeof port === 'string' ? port : undefined, portPath: [...at, 'servicePort'] };
}

export function ingressBackends(object: K8sObject): Backend[] {
  if (object.kind !== 'Ingress' || !isRecord(object.value.spec)) return [];
  const spec = object.value.spec;
  const out: Backend[] = [];
  for (const field of ['defaultBackend', 'backend']) {
    const b = readBackend(spec[field], ['spec', field]);
    if (b) out.push(b);
  }
  list(spec.rules).forEach((rule, r) => {
    if (!isRecord(rule) || !isRecord(rule.http)) return;
    list(rule.http.paths).forEach((p, i) => {
      const b = isRecord(p) ? readBackend(p.backend, ['spec', 'rules', r, 'http', 'paths', i, 'backend']) : undefined;
      if (b) out.push(b);
    });
  });
  // AWS Load Balancer Controller: `use-annotation` backends name an action annotation, not a Service (kube-linter#410).
  return out.filter((b) => b.portName !== 'use-annotation');
}

function check(object: K8sObject, ctx: RuleContext, wantPorts: boolean): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const backend of ingressBackends(object)) {
    const resolution = resolveReference(ctx, object, { kind: 'Service', name: backend.name, path: backend.namePath }, 'warning', 'backend Service');
    if (!wantPorts) {
      if (resolution.status === 'finding') out.push(resolution.finding);
      continue;
    }
    if (resolution.status !== 'found') continue;
    const finding = portFinding(resolution.target, backend);
    if (finding) out.push(finding);
  }
  return out;
}

function portFinding(service: K8sObject, backend: Backend): RuleFinding | undefined {
  const spec = isRecord(service.value.spec) ? service.value.spec : {};
  const ports = list(spec.ports).filter(isRecord);
  // ExternalName Services usually declare no ports: nothing to compare.
  if (spec.type === 'ExternalName' && ports.length === 0) return undefined;
  const exposed = ports.map((p) => (typeof p.name === 'string' && p.name ? `${String(p.port)}/"${p.name}"` : String(p.port))).join(', ') || 'no ports';
  const related = [{ object: service, path: ['spec', 'ports'], message: `Service "${service.name}" exposes ${exposed}` }];
  if (backend.number !== undefined && backend.portName !== undefined) {
    return { path: backend.portPath, on: 'key', message: 'Set either port.number or port.name, not both.', related };
  }
  if (typeof backend.number === 'number' && !ports.some((p) => p.port === backend.number)) {
    return { path: [...backend.portPath, ...(backend.portPath.at(-1) === 'port' ? ['number'] : [])], message: `Service "${service.name}" has no port ${backend.number} (it exposes ${exposed}); the backend must name the Service port, not the targetPort.`, related };
  }
  if (typeof backend.portName === 'string' && !ports.some((p) => p.name === backend.portName)) {
    return { path: [...backend.portPath, ...(backend.portPath.at(-1) === 'port' ? ['name'] : [])], message: `Service "${service.name}" has no port named "${backend.portName}" (it exposes ${exposed}).`, related };
  }
  return undefined;
}

/** ingress-backend-service-missing: every Service backend must exist in the Ingress's namespace. */
export const ingressBackendServiceMissing: K8sRule = {
  name: 'ingress-backend-service-missing',
  severity: 'warning',
  check: (object, ctx) => check(object, ctx, false),
};

/** ingress-backend-port-mismatch: the backend port must be one the Service exposes (by number or name). */
export const ingressBackendPortMismatch: K8sRule = {
  name: 'ingress-backend-port-mismatch',
  severity: 'warning',
  check: (object, ctx) => check(object, ctx, true),
};
