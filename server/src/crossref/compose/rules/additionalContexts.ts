import { declarations, findService, type ComposeProject } from '../composeProject';
import { entries, get, items, str, subOf } from '../model';
import type { YNode } from '../tree';
import { quote, undeclared, type Finding } from './types';

interface Context {
  name: string;
  value: string;
  node: YNode;
  /** Where the value starts inside the written scalar (after `name=` in the list form). */
  offset: number;
}

// `additional_contexts` as a map, or as a list of `name=value`.
function contextsOf(build: YNode | undefined): Context[] {
  const node = get(build, 'additional_contexts');
  const out: Context[] = [];
  for (const e of entries(node)) {
    const value = str(e.value);
    if (value !== undefined) out.push({ name: e.key, value, node: e.value, offset: 0 });
  }
  for (const item of items(node)) {
    const text = str(item);
    const eq = text?.indexOf('=') ?? -1;
    if (text !== undefined && eq > 0) out.push({ name: text.slice(0, eq), value: text.slice(eq + 1), node: item, offset: eq + 1 });
  }
  return out;
}

/**
 * CX-BLD-001 additional-context-service: `service:<name>` additional build contexts name a
 * service of the project that has `build` (compose-go checkConsistency). Other schemes
 * (docker-image://, URLs, paths) are not references.
 */
export function additionalContextService(project: ComposeProject): Finding[] {
  const out: Finding[] = [];
  const candidates = declarations(project, 'services');
  for (const service of project.services) {
    for (const context of contextsOf(get(service.node, 'build'))) {
      if (!context.value.startsWith('service:')) continue;
      const name = context.value.slice('service:'.length);
      const start = context.offset + 'service:'.length;
      const at = { at: context.node.origin, sub: subOf(context.node, start, start + name.length), service: service.name };
      const target = findService(project, name);
      if (!target) {
        const message = `service ${quote(service.name)} declares unknown service ${quote(name)} as additional contexts ${context.name}`;
        out.push(undeclared({ code: 'additional-context-service', severity: 'error', message, ...at, missing: `service ${quote(name)}` }, name, candidates, 'service'));
      } else if (!get(target.node, 'build')) {
        out.push({
          code: 'additional-context-service', severity: 'error', ...at,
          message: `service ${quote(service.name)} declares non-buildable service ${quote(name)} as additional contexts ${context.name}`,
          related: [{ at: target.decl.origins[0]!, message: `service ${quote(name)} has no build section` }],
        });
      }
    }
  }
  return out;
}
