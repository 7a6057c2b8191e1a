/** A Deployment's rollout: the chart, then the steps table (t, new, old, available, events, status). */
import type { DeploymentRollout } from '../../../server/src/shared/dryrunPlan';
import { renderDeploymentChart } from './deploymentChart';
import { h, icon, screenReaderText } from './dom';
import { eventsCell, headerRow, legend, notesList, rolloutSection } from './rolloutParts';

export function renderDeploymentRollout(rollout: DeploymentRollout): HTMLElement {
  const facts = [
    rollout.strategy,
    `${rollout.replicas} replicas`,
    `maxSurge ${rollout.maxSurge}`,
    `maxUnavailable ${rollout.maxUnavailable}`,
    rollout.newRevision ? `new revision ${rollout.revision}` : `revision ${rollout.revision} (no new ReplicaSet)`,
  ];
  if (rollout.downtimeSteps.length) facts.push(`downtime in ${rollout.downtimeSteps.length === 1 ? 'step' : 'steps'} ${rollout.downtimeSteps.map((t) => `t${t}`).join(', ')}`);
  return rolloutSection(
    'Deployment',
    rollout.namespace,
    rollout.name,
    facts,
    rollout.paused ? h('p', 'notice notice-warning', icon('debug-pause'), 'Paused: the template change waits until the Deployment is resumed.') : undefined,
    notesList(rollout.notes),
    rollout.steps.length
      ? h(
          'figure',
          'chart',
          legend([
            ['swatch-new', 'new ReplicaSet'],
            ['swatch-old', 'old ReplicaSets'],
            ['swatch-available', 'available'],
            ['swatch-ceiling', 'max pods'],
            ['swatch-floor', 'min available'],
            ['swatch-downtime', 'downtime'],
          ]),
          renderDeploymentChart(rollout),
        )
      : h('p', 'empty-diff', 'No rollout steps: nothing to roll.'),
    rollout.steps.length ? stepsTable(rollout) : undefined,
  );
}

function stepsTable(rollout: DeploymentRollout): HTMLTableElement {
  const downtime = new Set(rollout.downtimeSteps);
  return h(
    'table',
    'steps',
    h('caption', {}, screenReaderText(`Rollout steps of deployment ${rollout.name}`)),
    headerRow('t', 'new', 'old', 'available', 'events', 'status'),
    h(
      'tbody',
      {},
      ...rollout.steps.map((step) =>
        h(
          'tr',
          { class: downtime.has(step.t) ? 'downtime' : undefined, attrs: { 'data-t': step.t } },
          h('td', 'num', String(step.t), downtime.has(step.t) ? h('span', 'tag tag-downtime', icon('warning'), 'downtime') : undefined),
          h('td', 'num', String(step.new)),
          h('td', 'num', String(step.old)),
          h('td', 'num', String(step.available)),
          eventsCell(step.events),
          h('td', 'status-text', step.status),
        ),
      ),
    ),
  );
}
