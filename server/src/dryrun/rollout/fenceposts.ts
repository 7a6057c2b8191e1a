import { scaledValue } from './intOrPercent';

/**
 * `ResolveFenceposts`, `MaxSurge` and `MaxUnavailable` of the Deployment controller (reference §3.4):
 * surge rounds up, unavailable rounds down, and when both come out 0 one pod may be unavailable.
 */

export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

export interface RollingParams {
  strategy: 'RollingUpdate' | 'Recreate';
  replicas: number;
  maxSurge?: unknown;
  maxUnavailable?: unknown;
}

export function resolveFenceposts(maxSurge: unknown, maxUnavailable: unknown, replicas: number): Fenceposts {
  const surge = scaledValue(maxSurge, replicas, true);
  let unavailable = scaledValue(maxUnavailable, replicas, false);
  // The controller's own comment: surge may not work (quota), so allow one unavailable pod.
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { maxSurge: surge, maxUnavailable: unavailable };
}

/** What the controller uses: no surge for Recreate, no unavailability at 0 replicas, never more than R. */
export function deploymentFenceposts(params: RollingParams): Fenceposts {
  if (params.strategy !== 'RollingUpdate') return { maxSurge: 0, maxUnavailable: 0 };
  const resolved = resolveFenceposts(params.maxSurge, params.maxUnavailable, params.replicas);
  const maxUnavailable = params.replicas === 0 ? 0 : Math.min(resolved.maxUnavailable, params.replicas);
  return { maxSurge: resolved.maxSurge, maxUnavailable };
}
