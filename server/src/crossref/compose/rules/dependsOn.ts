import { declarations, findService, type ComposeProject, type ServiceModel } from '../composeProject';
import { asScalar, entries, get, isTrue, items, str } from '../model';
import { dependsOnEdges } from '../references';
import type { YNode } from '../tree';
import { quote, undeclared, type Finding } from './types';

/** CX-DEP-001 depends-on-undefined: every depends_on key names a service of the merged project. */
export function dependsOnUndefined(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  const candidates = declarations(project, 'services');
  for (const service of project.services) {
    for (const edge of dependsOnEdges(service)) {
      if (findService(project, edge.to)) continue;
      // compose-go: `required: false` only excuses a service disabled by profiles, not an unknown one
      const base = {
        code: 'depends-on-undefined',
        severity: 'error' as const,
        message: `service ${quote(service.name)} depends on undefined service ${quote(edge.to)}`,
        at: edge.at,
        service: service.name,
        missing: `service ${quote(edge.to)}`,
      };
      out.push(undeclared(base, edge.to, candidates, 'service'));
    }
  }
  return out;
}

// Docker Official Images ship no HEALTHCHECK (docker-library FAQ), so for them "none in the file" is "none".
const OFFICIAL_IMAGE = /^(docker\.io\/)?(library\/)?[a-z0-9]+([._-][a-z0-9]+)*(:[\w.-]+)?(@sha256:[0-9a-f]+)?$/;

function healthcheckDisabled(service: ServiceModel): YNode | undefined {
  const healthcheck = get(service.node, 'healthcheck');
  const disable = get(healthcheck, 'disable');
  if (isTrue(disable)) return disable;
  const test = get(healthcheck, 'test');
  const first = test?.kind === 'seq' ? str(items(test)[0]) : str(test);
  return first?.toUpperCase() === 'NONE' ? test : undefined;
}

/**
 * CX-DEP-004 service-healthy-without-healthcheck: `condition: service_healthy` on a service
 * without a healthcheck. A disabled healthcheck can never pass (Error); no healthcheck in the
 * file is certain only for official images (Warning); any other image may define HEALTHCHECK
 * itself (spec §5.2 #9), so that is only a Hint.
 */
export function serviceHealthyWithoutHealthcheck(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  for (const service of project.services) {
    for (const dep of entries(get(service.node, 'depends_on'))) {
      const condition = get(dep.value, 'condition');
      if (str(condition) !== 'service_healthy') continue;
      const target = findService(project, dep.key);
      if (!target) continue;
      const at = asScalar(condition)!.origin;
      const waits = `service ${quote(service.name)} waits for ${quote(dep.key)} to be healthy`;
      const disabled = healthcheckDisabled(target);
      if (disabled) {
        out.push({
          code: 'service-healthy-without-healthcheck', severity: 'error', at, service: service.name,
          message: `${waits}, but ${quote(dep.key)} disables its healthcheck: Compose fails with "container has no healthcheck configured"`,
          related: [{ at: disabled.origin, message: `the healthcheck of ${quote(dep.key)} is disabled here` }],
        });
        continue;
      }
      if (get(target.node, 'healthcheck', 'test')) continue;
      const image = get(target.node, 'build') ? undefined : str(get(target.node, 'image'));
      const official = image !== undefined && OFFICIAL_IMAGE.test(image);
      const related = [{ at: target.decl.origins[0]!, message: `service ${quote(dep.key)} is declared here without a healthcheck` }];
      out.push({
        code: 'service-healthy-without-healthcheck', severity: official ? 'warning' : 'hint', at, service: service.name, related,
        message: official
          ? `${waits}, but ${quote(dep.key)} has no healthcheck and official images such as ${quote(image)} define none: Compose fails with "container has no healthcheck configured"`
          : `${waits}, but ${quote(dep.key)} declares no healthcheck: this works only if its image defines a HEALTHCHECK`,
      });
    }
  }
  return out;
}

/** CX-DEP-005 completed-successfully-on-daemon: waiting for a service that restarts forever to exit. */
export function completedSuccessfullyOnDaemon(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  for (const service of project.services) {
    for (const dep of entries(get(service.node, 'depends_on'))) {
      const condition = get(dep.value, 'condition');
      if (str(condition) !== 'service_completed_successfully') continue;
      const restart = get(findService(project, dep.key)?.node, 'restart');
      const policy = str(restart);
      if (!restart || (policy !== 'always' && policy !== 'unless-stopped')) continue;
      out.push({
        code: 'completed-successfully-on-daemon', severity: 'hint', at: asScalar(condition)!.origin, service: service.name,
        message: `service ${quote(service.name)} waits for ${quote(dep.key)} to complete, but ${quote(dep.key)} has restart: ${policy}, so it is restarted instead of staying completed`,
        related: [{ at: restart.origin, message: `restart policy of ${quote(dep.key)}` }],
      });
    }
  }
  return out;
}
