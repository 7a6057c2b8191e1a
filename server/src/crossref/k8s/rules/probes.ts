import { containersOf, portsOf, portValue } from '../containers';
import { isRecord } from '../k8sObject';
import type { K8sRule, RuleFinding } from '../ruleContext';

const HANDLERS = [
  ['livenessProbe'], ['readinessProbe'], ['startupProbe'],
  ['lifecycle', 'postStart'], ['lifecycle', 'preStop'],
] as const;

/**
 * probe-named-port-unknown: a probe (or lifecycle hook) port given by name must be one of the
 * same container's `ports[].name`. Numeric ports are never checked: `containerPort` is
 * informational (§5.1 #21).
 */
export const probeNamedPortUnknown: K8sRule = {
  name: 'probe-named-port-unknown',
  severity: 'error',
  check(object) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      for (const at of containersOf(template)) {
        const names = portsOf(at).flatMap((p) => (p.name ? [p.name] : []));
        for (const handlerPath of HANDLERS) {
          let handler: unknown = at.container;
          for (const segment of handlerPath) handler = isRecord(handler) ? handler[segment] : undefined;
          if (!isRecord(handler)) continue;
          for (const action of ['httpGet', 'tcpSocket']) {
            const port = isRecord(handler[action]) ? portValue((handler[action] as Record<string, unknown>).port) : undefined;
            if (!port || !('name' in port) || names.includes(port.name)) continue;
            out.push({
              path: [...at.path, ...handlerPath, action, 'port'],
              message: `${handlerPath.at(-1)} port "${port.name}" is not a port name of container "${at.name ?? '?'}" (${names.length ? `it names: ${names.join(', ')}` : 'it names no ports'}); ${handlerPath[0] === 'lifecycle' ? 'the hook' : 'the probe'} always fails.`,
              related: at.container.ports !== undefined ? [{ object, path: [...at.path, 'ports'], message: `container "${at.name ?? '?'}" ports` }] : undefined,
            });
          }
        }
      }
    }
    return out;
  },
};
