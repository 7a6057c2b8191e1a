/** The body of the panel for one plan: summary, notices, objects, rollouts, Compose projects. */
import type { ObjectAction, Plan } from '../../../server/src/shared/dryrunPlan';
import { renderComposeProject } from './composeView';
import { h, icon } from './dom';
import { renderObjectList, verdictBadge, type ObjectRowActions } from './objectList';
import { renderRollout } from './rollouts';

const VERDICT_ORDER: ObjectAction[] = ['created', 'configured', 'unchanged', 'pruned', 'rejected'];

export function renderPlan(plan: Plan, actions: ObjectRowActions): Node[] {
  const parts: Node[] = [];
  if (plan.pruneSkipped) parts.push(h('p', { class: 'notice notice-warning prune-skipped', attrs: { role: 'note' } }, icon('warning'), 'Pruning was skipped because something failed: nothing will be deleted.'));
  if (plan.objects.length) {
    parts.push(
      section('objects', 'Objects', summary(plan), renderObjectList(plan.objects, actions)),
    );
  }
  if (plan.rollouts.length) parts.push(section('rollouts', 'Rollouts', ...plan.rollouts.map(renderRollout)));
  if (plan.compose.length) parts.push(section('compose', 'Compose', ...plan.compose.map(renderComposeProject)));
  if (!plan.objects.length && !plan.compose.length) parts.push(h('p', 'empty', 'Nothing to apply: the target holds no Kubernetes objects or Compose services.'));
  return parts;
}

function summary(plan: Plan): HTMLElement {
  const counts = new Map<ObjectAction, number>();
  for (const object of plan.objects) counts.set(object.action, (counts.get(object.action) ?? 0) + 1);
  return h('p', 'summary', ...VERDICT_ORDER.filter((action) => counts.has(action)).map((action) => verdictBadge(action, `${counts.get(action)} ${action}`)));
}

function section(id: string, title: string, ...body: Node[]): HTMLElement {
  return h('section', { class: `section section-${id}`, attrs: { 'aria-labelledby': `${id}-heading` } }, h('h2', { attrs: { id: `${id}-heading` } }, title), ...body);
}
