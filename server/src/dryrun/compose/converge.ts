import type { ComposeContainerPlan, ComposeServicePlan } from '../../shared/dryrunPlan';
import type { ComposeContainerState } from './composeState';

/**
 * The create half of `up` for one service (§8.3 `converge`): which containers are kept,
 * recreated, removed (scale down) or created (scale up), with Compose's progress lines.
 * Containers are sorted up-to-date first by number, then obsolete ones; those past the
 * expected count are removed from the end, so obsolete containers go first, then the highest
 * numbers. New containers are numbered after the highest existing number.
 */

export type RecreatePolicy = 'diverged' | 'force' | 'never';

export interface ServiceTarget {
  project: string;
  service: string;
  replicas: number;
  configHash: string;
  image: string;
  /** `container_name`, when set. */
  containerName?: string;
  policy: RecreatePolicy;
  /** The service's containers before `up` (one-off containers excluded). */
  existing: ComposeContainerState[];
  /** Containers stopped because a dependency with `restart: true` was recreated, and which dependency. */
  restartedBy: Map<string, string>;
}

export interface ConvergedService {
  plan: ComposeServicePlan;
  /** The service's containers after the create phase (removed ones dropped), by number. */
  containers: ComposeContainerState[];
  /** Plans of those containers, by name, for the start phase to add its lines. */
  plans: Map<string, ComposeContainerPlan>;
  recreated: boolean;
  /** Progress lines of the create phase, in order. */
  log: string[];
}

export function line(container: string, word: string): string {
  return `Container ${container}  ${word}`;
}

function why(c: ComposeContainerState, target: ServiceTarget): string | undefined {
  if (target.policy === 'never') return undefined;
  if (target.policy === 'force') return '--force-recreate';
  if (c.image !== target.image) return `image changed: ${c.image} → ${target.image}`;
  if (c.configHash !== target.configHash) return 'configuration changed (config hash differs)';
  return undefined;
}

export function containerName(target: Pick<ServiceTarget, 'project' | 'service' | 'containerName'>, n: number): string {
  return target.containerName ?? `${target.project}-${target.service}-${n}`;
}

function created(target: ServiceTarget, n: number): ComposeContainerState {
  return { name: containerName(target, n), service: target.service, number: n, state: 'created', image: target.image, configHash: target.configHash };
}

export function convergeService(target: ServiceTarget): ConvergedService {
  const decided = target.existing.map((c) => ({ c, reason: why(c, target) }));
  const sorted = [...decided.filter((d) => !d.reason).sort((a, b) => a.c.number - b.c.number), ...decided.filter((d) => d.reason).sort((a, b) => a.c.number - b.c.number)];
  const kept = sorted.slice(0, target.replicas);
  const removed = sorted.slice(target.replicas).reverse();
  const containers: ComposeContainerState[] = [];
  const plans = new Map<string, ComposeContainerPlan>();
  const log: string[] = [];
  const reasons = new Set<string>();
  const add = (state: ComposeContainerState, plan: ComposeContainerPlan): void => {
    containers.push(state);
    plans.set(state.name, plan);
    log.push(...plan.progress);
  };

  for (const { c, reason } of kept) {
    const restartedBy = target.restartedBy.get(c.name);
    const prefix = restartedBy ? [line(c.name, 'Stopping'), line(c.name, 'Stopped')] : [];
    // A container recreated anyway is explained by its own change.
    if (restartedBy && !reason) reasons.add(`restarted: ${restartedBy} was recreated (depends_on restart: true)`);
    if (reason) {
      reasons.add(reason);
      // The replacement takes the expected name; Compose's lines name the container it replaces.
      const state = created(target, c.number);
      add(state, { name: state.name, number: c.number, action: 'recreate', progress: [...prefix, line(c.name, 'Recreate'), line(c.name, 'Recreated')] });
    } else if (c.state === 'running' && !restartedBy) {
      add({ ...c }, { name: c.name, number: c.number, action: 'running', progress: [line(c.name, 'Running')] });
    } else {
      add({ ...c, state: restartedBy ? 'exited' : c.state }, { name: c.name, number: c.number, action: 'start', progress: prefix });
    }
  }
  const next = Math.max(0, ...target.existing.map((c) => c.number)) + 1;
  const missing = Math.max(0, target.replicas - kept.length);
  for (let i = 0; i < missing; i++) {
    const state = created(target, next + i);
    add(state, { name: state.name, number: state.number, action: 'create', progress: [line(state.name, 'Creating'), line(state.name, 'Created')] });
  }
  const removals: ComposeContainerPlan[] = removed.map(({ c }) => ({
    name: c.name,
    number: c.number,
    action: 'remove',
    progress: ['Stopping', 'Stopped', 'Removing', 'Removed'].map((w) => line(c.name, w)),
  }));
  for (const r of removals) log.push(...r.progress);

  const recreated = kept.some((k) => k.reason);
  const before = target.existing.length;
  const scaled = before !== target.replicas && (before > 0 || target.replicas === 0);
  const scaleReason = `scaled ${before} → ${target.replicas}`;
  const toStart = containers.filter((c) => c.state !== 'running').length;
  let action: ComposeServicePlan['action'];
  let reason: string | undefined;
  if (recreated) [action, reason] = ['recreate', [...reasons, ...(scaled ? [scaleReason] : [])].join('; ')];
  else if (before === 0 && target.replicas > 0) [action, reason] = ['create', `new service: ${target.replicas} container${target.replicas === 1 ? '' : 's'}`];
  else if (scaled) [action, reason] = ['scale', scaleReason];
  else if (toStart > 0) [action, reason] = ['start', reasons.size ? [...reasons].join('; ') : `${toStart} container${toStart === 1 ? '' : 's'} not running`];
  else [action, reason] = ['running', target.replicas === 0 ? 'scale is 0: no container' : undefined];
  const plan: ComposeServicePlan = { name: target.service, action, ...(reason ? { reason } : {}), containers: [...containers.map((c) => plans.get(c.name)!), ...removals] };
  return { plan, containers, plans, recreated, log };
}
