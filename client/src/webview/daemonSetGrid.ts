/**
 * A DaemonSet's rollout as a grid: one row per step, one column per node, the node's pods as chips
 * (`old`, `new` ready, `new*` created this step and not yet available).
 */
import type { DaemonSetRollout } from '../../../server/src/shared/dryrunPlan';
import { h, icon, screenReaderText } from './dom';
import { headerRow, legend, notesList, rolloutSection } from './rolloutParts';

export function renderDaemonSetRollout(rollout: DaemonSetRollout): HTMLElement {
  const facts = [`${rollout.desired} nodes`, `maxSurge ${rollout.maxSurge}`, `maxUnavailable ${rollout.maxUnavailable}`, rollout.newRevision ? 'new revision' : 'no new revision'];
  return rolloutSection(
    'DaemonSet',
    rollout.namespace,
    rollout.name,
    facts,
    notesList(rollout.notes),
    rollout.steps.length ? legend([['pod pod-old', 'old pod'], ['pod pod-new pod-ready', 'new pod, available'], ['pod pod-new pod-starting', 'new*: created this step, not yet available']]) : undefined,
    rollout.steps.length ? grid(rollout) : h('p', 'empty-diff', 'No rollout steps.'),
  );
}

function grid(rollout: DaemonSetRollout): HTMLTableElement {
  const nodes = [...new Set(rollout.steps.flatMap((step) => step.nodes.map((node) => node.node)))];
  return h(
    'table',
    'steps pod-grid node-grid',
    h('caption', {}, screenReaderText(`Pods per node and step of daemonset ${rollout.name}`)),
    headerRow('t', ...nodes, 'updated', 'old', 'available', 'status'),
    h(
      'tbody',
      {},
      ...rollout.steps.map((step) => {
        const pods = new Map(step.nodes.map((node) => [node.node, node.pods]));
        return h(
          'tr',
          { attrs: { 'data-t': step.t } },
          h('td', 'num', String(step.t)),
          ...nodes.map((node) => h('td', { class: 'pod-cell', attrs: { 'data-node': node } }, ...(pods.get(node) ?? []).map((pod) => podChip(node, pod)))),
          h('td', 'num', String(step.updated)),
          h('td', 'num', String(step.old)),
          h('td', 'num', String(step.available)),
          h('td', 'status-text', step.status),
        );
      }),
    ),
  );
}

function podChip(node: string, pod: string): HTMLSpanElement {
  const [kind, glyph, meaning] =
    pod === 'old' ? ['pod-old', 'circle-filled', 'old pod'] : pod === 'new' ? ['pod-new pod-ready', 'pass-filled', 'new pod, available'] : pod === 'new*' ? ['pod-new pod-starting', 'circle-large-outline', 'new pod, not yet available'] : ['pod-other', 'question', pod];
  const label = `${node}: ${meaning}`;
  return h('span', { class: `pod ${kind}`, attrs: { title: label, 'aria-label': label, role: 'img' } }, icon(glyph), pod);
}
