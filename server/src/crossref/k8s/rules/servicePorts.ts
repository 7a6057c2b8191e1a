import { equalitySelectorMatches, readLabels } from '../../labelSelector';
import { declaredPorts, list, nearestPortName, portValue, type DeclaredPort } from '../containers';
import { isRecord, type K8sObject } from '../k8sObject';
import { selectPods } from '../podSelection';
import type { K8sRule, RuleContext, RuleFinding } from '../ruleContext';

/** service-port-names: with more than one port, every port needs a unique name (API validation). */
export const servicePortNames: K8sRule = {
  name: 'service-port-names',
  severity: 'error',
  check(object) {
    if (object.kind !== 'Service' || !isRecord(object.value.spec)) return [];
    const ports = list(object.value.spec.ports);
    if (ports.length < 2) return [];
    const out: RuleFinding[] = [];
    const seen = new Set<string>();
    ports.forEach((port, i) => {
      if (!isRecord(port)) return;
      const at = ['spec', 'ports', i];
      if (typeof port.name !== 'string' || port.name === '') {
        out.push({ path: [...at, 'port'], on: 'key', message: `Service "${object.name}" has ${ports.length} ports, so each needs a name; port ${String(port.port)} has none.` });
      } else if (seen.has(port.name)) {
        out.push({ path: [...at, 'name'], message: `Service "${object.name}" names two ports "${port.name}"; port names must be unique.` });
      } else seen.add(port.name);
    });
    return out;
  },
};

// Every container port of the pods the Service selects, with where it is declared; undefined when
// it selects none (service-selector-no-pods says so).
function selectedPorts(object: K8sObject, ctx: RuleContext): DeclaredPort[] | undefined {
  const spec = object.value.spec;
  if (!isRecord(spec) || spec.type === 'ExternalName' || spec.clusterIP === 'None' || !isRecord(spec.selector)) return undefined;
  const selector = readLabels(spec.selector);
  if (Object.keys(selector).length === 0) return undefined;
  const selected = selectPods(ctx, object.namespace, selector, (labels) => equalitySelectorMatches(selector, labels));
  if (selected.matched.length === 0) return undefined;
  return declaredPorts(selected.matched);
}

// Selecting pods records a dependency on every pod template: do it only when a port needs it, and once.
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [compute(), true];
    return value;
  };
}

function describe(ports: readonly DeclaredPort[]): string {
  return [...new Set(ports.map((p) => (p.name ? `${p.name}/${String(p.number)}` : String(p.number))))].slice(0, 6).join(', ') || 'no ports';
}

function eachServicePort(object: K8sObject, visit: (port: Record<string, unknown>, i: number, protocol: string) => void): void {
  if (object.kind !== 'Service' || !isRecord(object.value.spec)) return;
  list(object.value.spec.ports).forEach((port, i) => {
    if (isRecord(port)) visit(port, i, typeof port.protocol === 'string' ? port.protocol : 'TCP');
  });
}

/** service-targetport-name-unknown: a named targetPort must be a container port name of a selected pod. */
export const serviceTargetPortNameUnknown: K8sRule = {
  name: 'service-targetport-name-unknown',
  severity: 'warning',
  check(object, ctx) {
    const out: RuleFinding[] = [];
    const lazyPorts = once(() => selectedPorts(object, ctx));
    eachServicePort(object, (port, i, protocol) => {
      const target = portValue(port.targetPort);
      if (!target || !('name' in target)) return;
      const ports = lazyPorts();
      if (!ports) return;
      // Different pods may map the name to different numbers: one match anywhere is enough.
      if (ports.some((p) => p.name === target.name && p.protocol === protocol)) return;
      const otherProtocol = ports.find((p) => p.name === target.name);
      const { guess, near } = nearestPortName(ports, target.name, otherProtocol?.name);
      out.push({
        path: ['spec', 'ports', i, 'targetPort'],
        message: otherProtocol
          ? `targetPort "${target.name}" is a ${otherProtocol.protocol} port of the selected pods, but this Service port is ${protocol}.`
          : `targetPort "${target.name}" is not a port name of the pods Service "${object.name}" selects (they declare ${describe(ports)})${guess ? `; did you mean "${guess}"?` : '.'}`,
        related: near ? [{ object: near.owner, path: near.path, message: `${near.owner.kind} "${near.owner.name}" declares port ${near.name ?? '(unnamed)'}/${String(near.number)}` }] : undefined,
      });
    });
    return out;
  },
};

/** service-targetport-number-undeclared: containerPort is informational, so this is only a Hint. */
export const serviceTargetPortNumberUndeclared: K8sRule = {
  name: 'service-targetport-number-undeclared',
  severity: 'hint',
  check(object, ctx) {
    const out: RuleFinding[] = [];
    const lazyPorts = once(() => selectedPorts(object, ctx));
    eachServicePort(object, (port, i, protocol) => {
      const explicit = port.targetPort !== undefined && port.targetPort !== null;
      const target = portValue(explicit ? port.targetPort : port.port);
      if (!target || !('number' in target)) return;
      const ports = lazyPorts();
      // Pods that declare no ports at all say nothing about what they listen on.
      if (!ports || ports.length === 0) return;
      if (ports.some((p) => Number(p.number) === target.number && p.protocol === protocol)) return;
      out.push({
        path: ['spec', 'ports', i, explicit ? 'targetPort' : 'port'],
        message: `${explicit ? 'targetPort' : 'port (used as targetPort)'} ${target.number} is not declared by the pods Service "${object.name}" selects (they declare ${describe(ports)}).`,
        related: [{ object: ports[0]!.owner, path: ports[0]!.path, message: `${ports[0]!.owner.kind} "${ports[0]!.owner.name}" ports` }],
      });
    });
    return out;
  },
};
