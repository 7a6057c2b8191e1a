import { containersOf, list, portsOf } from '../containers';
import { isRecord } from '../k8sObject';
import type { K8sRule, RuleFinding } from '../ruleContext';

/** duplicate-container-name: names are unique across init, regular and ephemeral containers (API validation). */
export const duplicateContainerName: K8sRule = {
  name: 'duplicate-container-name',
  severity: 'error',
  check(object) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      const first = new Map<string, RuleFinding['path']>();
      for (const at of containersOf(template)) {
        if (!at.name) continue;
        const earlier = first.get(at.name);
        if (!earlier) first.set(at.name, at.path);
        else out.push({ path: [...at.path, 'name'], message: `Container name "${at.name}" is used twice in this pod (init, regular and ephemeral containers share one namespace of names).`, related: [{ object, path: [...earlier, 'name'], message: 'first used here' }] });
      }
    }
    return out;
  },
};

// IANA_SVC_NAME: ≤ 15 lowercase alphanumerics or '-', at least one letter, no leading/trailing/double '-'.
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return 'at most 15 characters';
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) || name.includes('--')) return 'lowercase letters, digits and single "-" only, not at either end';
  if (!/[a-z]/.test(name)) return 'at least one letter';
  return undefined;
}

/** container-port-names: port names are unique per container and valid IANA service names (API validation). */
export const containerPortNames: K8sRule = {
  name: 'container-port-names',
  severity: 'error',
  check(object) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      for (const at of containersOf(template)) {
        const seen = new Set<string>();
        for (const port of portsOf(at)) {
          if (port.name === undefined) continue;
          const problem = portNameProblem(port.name);
          if (problem) out.push({ path: [...port.path, 'name'], message: `Port name "${port.name}" is invalid: ${problem}.` });
          else if (seen.has(port.name)) out.push({ path: [...port.path, 'name'], message: `Container "${at.name ?? '?'}" names two ports "${port.name}".` });
          seen.add(port.name);
        }
      }
    }
    return out;
  },
};

/** hostport-conflict-in-pod: two ports binding the same protocol/hostIP/hostPort (API validation). */
export const hostPortConflictInPod: K8sRule = {
  name: 'hostport-conflict-in-pod',
  severity: 'error',
  check(object) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      const first = new Map<string, RuleFinding['path']>();
      for (const at of containersOf(template, ['containers'])) {
        for (const port of portsOf(at)) {
          if (typeof port.hostPort !== 'number' || port.hostPort === 0) continue;
          const key = `${port.protocol}/${typeof port.hostIP === 'string' ? port.hostIP : ''}/${port.hostPort}`;
          const earlier = first.get(key);
          if (!earlier) first.set(key, port.path);
          else out.push({ path: [...port.path, 'hostPort'], message: `hostPort ${port.hostPort}/${port.protocol} is already bound by another port of this pod.`, related: [{ object, path: [...earlier, 'hostPort'], message: 'first bound here' }] });
        }
      }
    }
    return out;
  },
};

/** resourcefieldref-container-unknown: `resourceFieldRef.containerName` must name a container of the pod. */
export const resourceFieldRefContainerUnknown: K8sRule = {
  name: 'resourcefieldref-container-unknown',
  severity: 'error',
  check(object) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      const names = new Set(containersOf(template, ['containers', 'initContainers']).flatMap((c) => (c.name ? [c.name] : [])));
      const visit = (ref: unknown, path: RuleFinding['path']) => {
        if (!isRecord(ref) || typeof ref.containerName !== 'string' || ref.containerName === '' || names.has(ref.containerName)) return;
        out.push({ path: [...path, 'containerName'], message: `resourceFieldRef names container "${ref.containerName}", which this pod does not have (${[...names].join(', ') || 'no containers'}).` });
      };
      for (const at of containersOf(template)) {
        list(at.container.env).forEach((env, e) => {
          if (isRecord(env) && isRecord(env.valueFrom)) visit(env.valueFrom.resourceFieldRef, [...at.path, 'env', e, 'valueFrom', 'resourceFieldRef']);
        });
      }
      list(template.spec.volumes).forEach((volume, v) => {
        if (!isRecord(volume)) return;
        const base = [...template.path, 'spec', 'volumes', v];
        const downward = (source: unknown, at: RuleFinding['path']) =>
          list(isRecord(source) ? source.items : undefined).forEach((item, i) => isRecord(item) && visit(item.resourceFieldRef, [...at, 'items', i, 'resourceFieldRef']));
        downward(volume.downwardAPI, [...base, 'downwardAPI']);
        if (isRecord(volume.projected)) {
          list(volume.projected.sources).forEach((s, i) => isRecord(s) && downward(s.downwardAPI, [...base, 'projected', 'sources', i, 'downwardAPI']));
        }
      });
    }
    return out;
  },
};
