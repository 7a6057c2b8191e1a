import { declarations, findResource, type ComposeProject, type ResourceKind } from '../composeProject';
import { asScalar, entries, get, isTrue, items, str } from '../model';
import type { Origin, YNode } from '../tree';
import { quote, undeclared, type Finding } from './types';

/** A place where a service names a top-level resource. */
export interface Use {
  name: string;
  at: Origin;
}

// Short syntax (`- name`) or long syntax (`- source: name`).
function uses(list: YNode | undefined): Use[] {
  const out: Use[] = [];
  for (const item of items(list)) {
    const source = asScalar(item) ? item : get(item, 'source');
    const name = str(source);
    if (source && name) out.push({ name, at: source.origin });
  }
  return out;
}

/** Keys of a service's map-or-list attribute (`networks`, `models`), at every place they are written. */
export function keyUses(node: YNode | undefined): Use[] {
  return entries(node).flatMap((e) => e.origins.map((at) => ({ name: e.key, at })));
}

/** The "service X refers to undefined <what> Y" findings of one kind of top-level resource. */
export function undefinedReferences(project: ComposeProject, kind: ResourceKind, noun: string, pick: (service: YNode) => Use[], code: string, what = noun): Finding[] {
  const out: Finding[] = [];
  const candidates = declarations(project, kind);
  for (const service of project.services) {
    for (const use of pick(service.node)) {
      if (findResource(project, kind, use.name)) continue;
      const base = {
        code, severity: 'error' as const, at: use.at, service: service.name,
        message: `service ${quote(service.name)} refers to undefined ${what} ${quote(use.name)}`,
        missing: `${noun} ${quote(use.name)}`,
      };
      out.push(undeclared(base, use.name, candidates, noun));
    }
  }
  return out;
}

/** CX-SEC-001 secret-undefined: service `secrets` and `build.secrets` are declared at top level. */
export function secretUndefined(project: ComposeProject): Finding[] {
  return [
    ...undefinedReferences(project, 'secrets', 'secret', (s) => uses(get(s, 'secrets')), 'secret-undefined'),
    ...undefinedReferences(project, 'secrets', 'secret', (s) => uses(get(s, 'build', 'secrets')), 'secret-undefined', 'build secret'),
  ];
}

/** CX-CFG-001 config-undefined: service `configs` are declared at top level. */
export function configUndefined(project: ComposeProject): Finding[] {
  return undefinedReferences(project, 'configs', 'config', (s) => uses(get(s, 'configs')), 'config-undefined');
}

/** CX-MOD-001 model-undefined: service `models` (list or map) are declared at top level. */
export function modelUndefined(project: ComposeProject): Finding[] {
  return undefinedReferences(project, 'models', 'model', (s) => keyUses(get(s, 'models')), 'model-undefined');
}

/**
 * CX-SEC-002 secret-without-source: a secret that is not external declares `file` or
 * `environment` (compose-go checkConsistency). Secrets served by a Swarm `driver` are left alone.
 */
export function secretWithoutSource(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  for (const secret of entries(get(project.root, 'secrets'))) {
    const external = get(secret.value, 'external');
    if (isTrue(external) || asScalar(external)?.unresolved) continue;
    if (['file', 'environment', 'driver'].some((k) => get(secret.value, k))) continue;
    for (const at of secret.origins) {
      out.push({ code: 'secret-without-source', severity: 'error', at, message: `secret ${quote(secret.key)} must declare either "file" or "environment"` });
    }
  }
  return out;
}
