import { isRecord } from '../../documents/plainValues';
import type { ComposeContainerPlan, ComposeProjectPlan } from '../../shared/dryrunPlan';
import { compareContainers, type ComposeContainerState, type ComposeProjectState } from './composeState';
import { containerName, convergeService, line, type RecreatePolicy } from './converge';
import { dependencyGraph } from './dependencyGraph';
import { normalizeComposeProject, type NormalizedProject } from './normalizeProject';
import { serviceHash } from './serviceHash';
import { namedVolume } from './shortSyntax';
import { startService, type ServiceRun } from './startPhase';

/**
 * `docker compose up -d` simulated on a project's local state (§8.3): load and normalise,
 * create missing networks and volumes, report (or remove) orphans, converge every service in
 * dependency order (create phase), then start them in the same order (start phase). Returns the
 * plan and the state after `up`, as far as it got. Pure and deterministic.
 */

export interface ComposeUpOptions {
  removeOrphans?: boolean;
  forceRecreate?: boolean;
  noRecreate?: boolean;
  /** Variables for interpolation, bare `environment` entries and COMPOSE_PROFILES (the shell overriding `.env`). */
  environment?: Record<string, string>;
  /** What the simulation assumes about containers it cannot run: a one-shot service's exit code, a healthcheck's outcome. Default: exit 0, healthy when a healthcheck exists. */
  outcomes?: Record<string, { exitCode?: number; health?: 'healthy' | 'unhealthy' }>;
}

export interface ComposeUpResult {
  plan: ComposeProjectPlan;
  next: ComposeProjectState;
}

function orphanWarning(names: string[]): string {
  return (
    `Found orphan containers ([${names.join(' ')}]) for this project. If you removed or renamed this service in your compose file, ` +
    'you can run this command with the --remove-orphans flag to clean it up.'
  );
}

function hasHealthcheck(service: Record<string, unknown>): boolean {
  const hc = service.healthcheck;
  if (!isRecord(hc) || hc.disable === true) return false;
  const test = hc.test;
  return !(test === 'NONE' || (Array.isArray(test) && test[0] === 'NONE'));
}

// Networks and volumes the enabled services use that the state does not have yet.
function missingResources(project: NormalizedProject, state: ComposeProjectState): { lines: string[]; networks: string[]; volumes: string[] } {
  const lines: string[] = [];
  const networks: string[] = [];
  const volumes: string[] = [];
  const services = Object.values(project.services);
  const usedNetworks = new Set(services.flatMap((s) => (isRecord(s.networks) ? Object.keys(s.networks) : [])));
  const usedVolumes = new Set(services.flatMap((s) => (Array.isArray(s.volumes) ? s.volumes.map(namedVolume).filter((v): v is string => !!v) : [])));
  const pick = (kind: 'Network' | 'Volume', declared: Record<string, Record<string, unknown>>, used: Set<string>, have: string[], out: string[]): void => {
    for (const key of [...used].sort()) {
      const config = declared[key];
      if (!config || config.external === true || isRecord(config.external)) continue;
      const name = String(config.name);
      if (have.includes(name) || out.includes(name)) continue;
      out.push(name);
      lines.push(`${kind} ${name}  Created`);
    }
  };
  pick('Network', project.networks, usedNetworks, state.networks, networks);
  pick('Volume', project.volumes, usedVolumes, state.volumes, volumes);
  return { lines, networks, volumes };
}

function unchanged(name: string, state: ComposeProjectState | undefined): ComposeProjectState {
  return state ? { ...state, containers: state.containers.map((c) => ({ ...c })) } : { name, containers: [], networks: [], volumes: [] };
}

export function composeUp(project: Record<string, unknown>, name: string, state: ComposeProjectState | undefined, options: ComposeUpOptions = {}): ComposeUpResult {
  const env = options.environment ?? {};
  const outcomes = options.outcomes ?? {};
  const current = unchanged(name, state);
  const normalized = normalizeComposeProject(project, name, env);
  const graph = dependencyGraph(normalized.project);
  const warnings = [...normalized.warnings, ...graph.warnings];
  const loadErrors = [...normalized.errors, ...graph.errors];
  const plan: ComposeProjectPlan = { project: name, services: [], orphans: [], startOrder: graph.startOrder, warnings };
  if (loadErrors.length) return { plan: { ...plan, startOrder: [], errors: loadErrors }, next: current };
  const { services, disabled, replicas } = normalized.project;

  const log: string[] = [];
  const resources = missingResources(normalized.project, current);
  log.push(...resources.lines);
  if (resources.lines.length) plan.resources = resources.lines;

  // Orphans: containers of services the file no longer has, and finished one-off containers.
  const known = (c: ComposeContainerState): boolean => Object.hasOwn(services, c.service) || Object.hasOwn(disabled, c.service);
  const orphans = current.containers.filter((c) => !known(c) || (c.oneOff && (c.state === 'exited' || c.state === 'dead')));
  plan.orphans = orphans.map((c) => c.name);
  let remaining = current.containers;
  if (orphans.length && options.removeOrphans) {
    const removed: ComposeContainerPlan[] = orphans.map((c) => ({ name: c.name, number: c.number, action: 'remove', progress: ['Stopping', 'Stopped', 'Removing', 'Removed'].map((w) => line(c.name, w)) }));
    plan.removedOrphans = removed;
    for (const r of removed) log.push(...r.progress);
    remaining = remaining.filter((c) => !orphans.includes(c));
  } else if (orphans.length) warnings.push(orphanWarning(plan.orphans));

  // Create phase, dependencies first. Hashes follow the same order, so `service:x` sees x's new hash.
  const policy: RecreatePolicy = options.forceRecreate ? 'force' : options.noRecreate ? 'never' : 'diverged';
  const hashes = new Map<string, string>();
  const identity = (service: string): string => `${containerName({ project: name, service, containerName: services[service]?.container_name as string | undefined }, 1)}@${hashes.get(service) ?? ''}`;
  const restartedBy = new Map<string, string>();
  const runs = new Map<string, ServiceRun>();
  const completes = new Set(Object.values(graph.deps).flatMap((d) => Object.entries(d).filter(([, c]) => c.condition === 'service_completed_successfully').map(([dep]) => dep)));
  for (const service of graph.startOrder) {
    const config = services[service]!;
    const configHash = serviceHash(config, identity);
    hashes.set(service, configHash);
    const converged = convergeService({
      project: name,
      service,
      replicas: replicas[service]!,
      configHash,
      image: typeof config.image === 'string' ? config.image : `${name}-${service}`,
      ...(typeof config.container_name === 'string' ? { containerName: config.container_name } : {}),
      policy,
      existing: remaining.filter((c) => c.service === service && !c.oneOff),
      restartedBy,
    });
    if (converged.recreated) {
      // Dependents declared with `restart: true` are stopped now and started again in their turn.
      for (const [dependent, deps] of Object.entries(graph.deps)) {
        if (!deps[service]?.restart) continue;
        for (const c of remaining.filter((c) => c.service === dependent && !c.oneOff && c.state === 'running' && !restartedBy.has(c.name))) {
          restartedBy.set(c.name, service);
          log.push(line(c.name, 'Stopping'), line(c.name, 'Stopped'));
        }
      }
    }
    log.push(...converged.log);
    const outcome = outcomes[service] ?? {};
    const health = outcome.health ?? (hasHealthcheck(config) ? 'healthy' : undefined);
    runs.set(service, {
      name: service,
      replicas: replicas[service]!,
      deps: graph.deps[service]!,
      containers: converged.containers,
      plans: converged.plans,
      plan: converged.plan,
      oneShot: outcome.exitCode !== undefined || completes.has(service),
      exitCode: outcome.exitCode ?? 0,
      ...(health ? { health } : {}),
    });
    plan.services.push(converged.plan);
  }

  // Start phase, same order.
  const errors: string[] = [];
  for (const service of graph.startOrder) {
    const result = startService(runs.get(service)!, runs);
    log.push(...result.log);
    warnings.push(...result.warnings);
    errors.push(...result.errors);
  }
  if (errors.length) plan.errors = errors;
  plan.log = log;

  const untouched = remaining.filter((c) => c.oneOff || !Object.hasOwn(services, c.service));
  const containers = [...untouched, ...[...runs.values()].flatMap((r) => r.containers)].sort(compareContainers);
  const next: ComposeProjectState = {
    name,
    containers,
    networks: [...current.networks, ...resources.networks].sort(),
    volumes: [...current.volumes, ...resources.volumes].sort(),
  };
  return { plan, next };
}
