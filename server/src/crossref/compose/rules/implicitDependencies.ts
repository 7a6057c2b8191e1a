import { declarations, findService, type ComposeProject } from '../composeProject';
import { implicitEdges } from '../references';
import { quote, undeclared, type Finding } from './types';

/**
 * CX-DEP-002 implicit-dependency-undefined: `links`, `volumes_from` and `service:` namespaces
 * (network_mode, ipc, pid, uts, cgroup) name services of the project. `container:` references
 * and `external_links` name containers outside Compose and are never checked.
 */
export function implicitDependencyUndefined(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  const candidates = declarations(project, 'services');
  for (const service of project.services) {
    for (const edge of implicitEdges(service)) {
      if (findService(project, edge.to)) continue;
      const message =
        edge.via === 'links' || edge.via === 'volumes_from'
          ? `service ${quote(service.name)} depends on unknown service ${quote(edge.to)} (${edge.via})`
          : `service ${quote(edge.to)} not found for ${edge.via} 'service:${edge.to}'`;
      const base = {
        code: 'implicit-dependency-undefined', severity: 'error' as const, message, at: edge.at, sub: edge.sub,
        service: service.name, missing: `service ${quote(edge.to)}`,
      };
      out.push(undeclared(base, edge.to, candidates, 'service'));
    }
  }
  return out;
}
