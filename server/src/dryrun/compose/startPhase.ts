import type { ComposeContainerPlan, ComposeServicePlan } from '../../shared/dryrunPlan';
import type { ComposeContainerState } from './composeState';
import { line } from './converge';
import type { DependencyConfig } from './normalizeProject';

/**
 * The start half of `up` for one service (§8.3 start, §8.4 conditions): wait for the
 * dependencies, then start every container that is not running. What containers do once
 * started is assumed (the simulation runs nothing): a one-shot service exits with its
 * outcome's code (0 by default), a service with a healthcheck becomes its outcome's health
 * (healthy by default). A service whose required dependency failed or was not started is not
 * started; later services that do not depend on it still are (Compose would stop at the first
 * error, at a moment that depends on timing).
 */

/** A service as the start phase sees it, updated as it runs. */
export interface ServiceRun {
  name: string;
  replicas: number;
  deps: Record<string, DependencyConfig>;
  /** The service's containers, after the create phase and then after its start. */
  containers: ComposeContainerState[];
  plans: Map<string, ComposeContainerPlan>;
  plan: ComposeServicePlan;
  /** Runs to completion: a `service_completed_successfully` target or given an exit code. */
  oneShot: boolean;
  exitCode: number;
  /** undefined: no healthcheck (neither in the file nor assumed by an outcome). */
  health?: 'healthy' | 'unhealthy';
  /** Set by the start phase: false when the service could not start. */
  started?: boolean;
}

export interface StartOutput {
  log: string[];
  errors: string[];
  warnings: string[];
}

interface WaitResult {
  lines: string[];
  /** A failure of a required dependency: the error `up` stops with. */
  error?: string;
  warning?: string;
}

// The first failing container decides, as Compose checks them in turn.
function healthFailure(dep: ServiceRun): string | undefined {
  const first = dep.containers[0];
  if (!first) return undefined;
  if (dep.oneShot) return `container ${first.name} exited (${dep.exitCode})`;
  if (!dep.health) return `container ${first.name} has no healthcheck configured`;
  if (dep.health === 'unhealthy') return `container ${first.name} is unhealthy`;
  return undefined;
}

function waitFor(depName: string, config: DependencyConfig, dep: ServiceRun): WaitResult {
  const names = dep.containers.map((c) => c.name);
  const waiting = names.map((n) => line(n, 'Waiting'));
  const each = (word: string): string[] => names.map((n) => line(n, word));
  if (config.condition === 'service_healthy') {
    const failure = healthFailure(dep);
    if (!failure) return { lines: [...waiting, ...each('Healthy')] };
    if (!config.required) return { lines: waiting, warning: `optional dependency "${depName}" failed to start: ${failure}` };
    return { lines: [...waiting, ...each('Error')], error: `dependency failed to start: ${failure}` };
  }
  if (config.condition === 'service_completed_successfully') {
    if (dep.exitCode === 0) return { lines: [...waiting, ...each('Exited')] };
    const suffix = `"${depName}" didn't complete successfully: exit ${dep.exitCode}`;
    if (!config.required) return { lines: waiting, warning: `optional dependency ${suffix}` };
    return { lines: [...waiting, ...each('Error')], error: `service ${suffix}` };
  }
  return { lines: [], warning: `unsupported depends_on condition: ${config.condition}` };
}

function block(run: ServiceRun, why: string): void {
  run.started = false;
  run.plan.reason = run.plan.reason ? `${run.plan.reason}; ${why}` : why;
}

/** Starts one service after its dependencies ran (services in start order). */
export function startService(run: ServiceRun, runs: ReadonlyMap<string, ServiceRun>): StartOutput {
  const out: StartOutput = { log: [], errors: [], warnings: [] };
  if (run.replicas === 0) {
    run.started = true;
    return out;
  }
  for (const [depName, config] of Object.entries(run.deps)) {
    if (config.required && runs.get(depName)?.started === false) {
      block(run, `not started: dependency ${depName} did not start`);
      return out;
    }
  }
  const waits: string[] = [];
  for (const [depName, config] of Object.entries(run.deps)) {
    const dep = runs.get(depName);
    // service_started only orders; scale 0 and services that did not start are not waited for.
    if (config.condition === 'service_started' || !dep || dep.replicas === 0 || dep.started === false) continue;
    const result = waitFor(depName, config, dep);
    waits.push(...result.lines);
    if (result.warning) out.warnings.push(result.warning);
    if (result.error) {
      out.errors.push(result.error);
      block(run, `not started: dependency ${depName} failed`);
      break;
    }
  }
  if (waits.length) run.plan.waits = waits;
  out.log.push(...waits);
  if (run.started === false) return out;

  for (const c of run.containers) {
    if (c.state !== 'running') {
      const lines = [line(c.name, 'Starting'), line(c.name, 'Started')];
      run.plans.get(c.name)?.progress.push(...lines);
      out.log.push(...lines);
      if (run.oneShot) {
        c.state = 'exited';
        c.exitCode = run.exitCode;
        delete c.health;
        continue;
      }
      c.state = 'running';
      delete c.exitCode;
    }
    if (run.health) c.health = run.health;
    else delete c.health;
  }
  run.started = true;
  return out;
}
