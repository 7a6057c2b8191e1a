import type { ComposeProject, ServiceModel } from '../composeProject';
import { get, str } from '../model';
import { exclusiveProfiles, replicas } from '../references';
import { quote, type Finding } from './types';

/**
 * CX-NAM-001 compose-duplicate-container-name: two services with one `container_name` can't
 * both run (engine: "Conflict. The container name … is already in use"). Services whose
 * profile sets are disjoint only clash when both profiles are active: then only a Hint.
 */
export function duplicateContainerName(project: ComposeProject): Finding[] {
  const byName = new Map<string, ServiceModel[]>();
  for (const service of project.services) {
    const name = str(get(service.node, 'container_name'));
    if (name) byName.set(name, [...(byName.get(name) ?? []), service]);
  }
  const out: Finding[] = [];
  for (const [name, services] of byName) {
    if (services.length < 2) continue;
    for (const service of services) {
      const others = services.filter((s) => s !== service);
      const exclusive = others.every((o) => exclusiveProfiles(service, o));
      const also = others.map((o) => quote(o.name)).join(', ');
      out.push({
        code: 'compose-duplicate-container-name', severity: exclusive ? 'hint' : 'error',
        at: get(service.node, 'container_name')!.origin, service: service.name,
        message: exclusive
          ? `container name ${quote(name)} is also used by service ${also}; they only clash when their profiles are active together`
          : `container name ${quote(name)} is also used by service ${also}: container names must be unique`,
        related: others.map((o) => ({ at: get(o.node, 'container_name')!.origin, message: `container_name of service ${quote(o.name)}` })),
      });
    }
  }
  return out;
}

/** CX-NAM-002 container-name-with-scale: a fixed container name can't be given to several replicas. */
export function containerNameWithScale(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  for (const service of project.services) {
    const containerName = get(service.node, 'container_name');
    const scale = replicas(service);
    if (!containerName || !str(containerName) || !scale || scale.count <= 1) continue;
    out.push({
      code: 'container-name-with-scale', severity: 'error', at: containerName.origin, service: service.name,
      message: `service ${quote(service.name)} can't set container_name and ${scale.field} as container name must be unique`,
      related: [{ at: scale.node.origin, message: `${scale.field}: ${scale.count}` }],
    });
  }
  return out;
}
