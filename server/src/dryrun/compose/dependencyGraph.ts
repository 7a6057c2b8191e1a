import type { DependencyConfig, NormalizedProject } from './normalizeProject';

/**
 * The `depends_on` graph of the enabled services (§8.4): required dependencies on undefined or
 * profile-disabled services are load errors, optional ones are dropped (an undefined one with a
 * warning); a cycle is an error; the start order puts every service after its dependencies,
 * services that could start at the same time in name order (Compose starts them concurrently).
 */

export interface DependencyGraph {
  /** The dependencies kept, per enabled service. */
  deps: Record<string, Record<string, DependencyConfig>>;
  /** Dependencies first; empty when there is an error. */
  startOrder: string[];
  errors: string[];
  warnings: string[];
}

function resolve(project: NormalizedProject, errors: string[], warnings: string[]): Record<string, Record<string, DependencyConfig>> {
  const out: Record<string, Record<string, DependencyConfig>> = {};
  for (const [name, service] of Object.entries(project.services)) {
    const kept: Record<string, DependencyConfig> = {};
    const declared = (service.depends_on ?? {}) as Record<string, DependencyConfig>;
    for (const dep of Object.keys(declared).sort()) {
      const config = declared[dep]!;
      if (Object.prototype.hasOwnProperty.call(project.services, dep)) kept[dep] = config;
      else if (Object.prototype.hasOwnProperty.call(project.disabled, dep)) {
        if (config.required) errors.push(`service ${dep} is required by ${name} but is disabled. Can be enabled by profiles [${project.disabled[dep]!.join(' ')}]`);
      } else if (config.required) errors.push(`service "${name}" depends on undefined service "${dep}": invalid compose project`);
      else warnings.push(`${name} is missing dependency ${dep}`);
    }
    out[name] = kept;
  }
  return out;
}

/** The first cycle met walking services and their dependencies in name order, as `a -> b -> a`. */
function findCycle(deps: Record<string, Record<string, DependencyConfig>>): string[] | undefined {
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    const at = stack.indexOf(name);
    if (at >= 0) return [...stack.slice(at), name];
    if (done.has(name)) return undefined;
    stack.push(name);
    for (const dep of Object.keys(deps[name] ?? {})) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    done.add(name);
    return undefined;
  };
  for (const name of Object.keys(deps).sort()) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return undefined;
}

function order(deps: Record<string, Record<string, DependencyConfig>>): string[] {
  const waiting = new Map(Object.entries(deps).map(([name, d]) => [name, new Set(Object.keys(d))]));
  const out: string[] = [];
  while (waiting.size > 0) {
    const ready = [...waiting.entries()].filter(([, pending]) => pending.size === 0).map(([name]) => name).sort();
    if (ready.length === 0) break;
    const next = ready[0]!;
    out.push(next);
    waiting.delete(next);
    for (const pending of waiting.values()) pending.delete(next);
  }
  return out;
}

export function dependencyGraph(project: NormalizedProject): DependencyGraph {
  const errors: string[] = [];
  const warnings: string[] = [];
  const deps = resolve(project, errors, warnings);
  const cycle = findCycle(deps);
  if (cycle) errors.push(`cycle found: ${cycle.join(' -> ')}`);
  return { deps, startOrder: errors.length ? [] : order(deps), errors, warnings };
}
