import type { ControllerInput, ControllerResult } from './controllerTypes';
import { simulateDaemonSet } from './daemonSet';
import { simulateDeployment } from './deploymentRollout';
import { simulateJob } from './jobs';
import { simulateStatefulSet } from './statefulSetRollout';

export type { ControllerInput, ControllerResult } from './controllerTypes';

/**
 * What the workload controllers do after an apply, in the §0.2 time model of
 * reference/apply-rollout.md. Pure and deterministic. Undefined for kinds with no controller modelled.
 */
export function simulateController(input: ControllerInput): ControllerResult | undefined {
  const { apiVersion, kind } = input.after;
  if (apiVersion === 'apps/v1') {
    if (kind === 'Deployment') return simulateDeployment(input);
    if (kind === 'StatefulSet') return simulateStatefulSet(input);
    if (kind === 'DaemonSet') return simulateDaemonSet(input);
  }
  if (apiVersion === 'batch/v1' && (kind === 'Job' || kind === 'CronJob')) return simulateJob(input);
  return undefined;
}
