/** A rollout section for each kind the simulator models; Jobs and CronJobs get their one-line verdict. */
import type { JobRollout, Rollout } from '../../../server/src/shared/dryrunPlan';
import { renderDaemonSetRollout } from './daemonSetGrid';
import { renderDeploymentRollout } from './deploymentRollout';
import { h } from './dom';
import { rolloutSection } from './rolloutParts';
import { renderStatefulSetRollout } from './statefulSetGrid';

export function renderRollout(rollout: Rollout): HTMLElement {
  switch (rollout.kind) {
    case 'Deployment':
      return renderDeploymentRollout(rollout);
    case 'StatefulSet':
      return renderStatefulSetRollout(rollout);
    case 'DaemonSet':
      return renderDaemonSetRollout(rollout);
    default:
      return renderJobVerdict(rollout);
  }
}

function renderJobVerdict(rollout: JobRollout): HTMLElement {
  return rolloutSection(rollout.kind, rollout.namespace, rollout.name, [], h('p', 'job-summary', rollout.summary));
}
