import { findService, type ComposeProject } from '../composeProject';
import { get } from '../model';
import { allEdges, profilesOf } from '../references';
import { quote, type Finding } from './types';

function list(profiles: string[]): string {
  return `[${profiles.join(' ')}]`;
}

/**
 * CX-PRF-001 dependency-disabled-by-profile and CX-PRF-002 profile-ref-via-links-extends: an
 * edge A → B is safe when B always runs, or when every profile that enables A also enables B
 * (spec 15-profiles.md); otherwise some activation runs A without B and Compose refuses it.
 * depends_on edges with `required: false` are exempt (Compose only warns). `extends` is not
 * checked: compose-go resolves it before profiles apply, and profile-gated templates are common.
 */
export function profileDependencies(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  for (const service of project.services) {
    const own = profilesOf(service);
    if (!own) continue;
    for (const edge of allEdges(service)) {
      const target = findService(project, edge.to);
      const theirs = target && profilesOf(target);
      if (!edge.required || !target || !theirs || theirs.length === 0) continue;
      const uncovered = own.filter((p) => !theirs.includes(p));
      if (own.length > 0 && uncovered.length === 0) continue;
      const explicit = edge.via === 'depends_on';
      const disabled = `service ${quote(edge.to)} is required by ${quote(service.name)} but is disabled`;
      const why =
        own.length === 0
          ? `${quote(service.name)} runs without a profile, so a plain "docker compose up" fails`
          : `with profile ${quote(uncovered[0]!)} active, ${quote(service.name)} runs but ${quote(edge.to)} does not`;
      const via = explicit ? '' : ` (${edge.via} does not enable it)`;
      out.push({
        code: explicit ? 'dependency-disabled-by-profile' : 'profile-ref-via-links-extends',
        severity: explicit && own.length === 0 ? 'error' : 'warning',
        at: edge.at, sub: edge.sub, service: service.name,
        message: `${disabled}${via}. Can be enabled by profiles ${list(theirs)}: ${why}`,
        related: [{ at: (get(target.node, 'profiles') ?? target.node).origin, message: `profiles of ${quote(edge.to)}` }],
      });
    }
  }
  return out;
}
