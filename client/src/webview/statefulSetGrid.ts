/**
 * A StatefulSet's rollout as a grid: one row per step, one cell per pod ordinal. A cell shows the pod's
 * revision (current or update, by colour and word) and whether it is ready (filled or hollow mark).
 */
import type { StatefulSetPod, StatefulSetRollout } from '../../../server/src/shared/dryrunPlan';
import { h, icon, screenReaderText } from './dom';
import { eventsCell, headerRow, legend, notesList, rolloutSection } from './rolloutParts';

export function renderStatefulSetRollout(rollout: StatefulSetRollout): HTMLElement {
  const facts = [
    `${rollout.replicas} replicas`,
    rollout.podManagementPolicy,
    rollout.updateStrategy,
    ...(rollout.partition > 0 ? [`partition ${rollout.partition}`] : []),
    `maxUnavailable ${rollout.maxUnavailable}`,
    rollout.newRevision ? 'new revision' : 'no new revision',
  ];
  return rolloutSection(
    'StatefulSet',
    rollout.namespace,
    rollout.name,
    facts,
    notesList(rollout.notes),
    rollout.steps.length ? legend([['pod pod-current pod-ready', 'current revision'], ['pod pod-update pod-ready', 'update revision, ready'], ['pod pod-update pod-starting', 'not ready yet']]) : undefined,
    rollout.steps.length ? grid(rollout) : h('p', 'empty-diff', 'No rollout steps.'),
  );
}

function grid(rollout: StatefulSetRollout): HTMLTableElement {
  const ordinals = [...new Set(rollout.steps.flatMap((step) => step.pods.map((pod) => pod.ordinal)))].sort((a, b) => a - b);
  return h(
    'table',
    'steps pod-grid',
    h('caption', {}, screenReaderText(`Pods per step of statefulset ${rollout.name}`)),
    headerRow('t', ...ordinals.map((ordinal) => `${rollout.name}-${ordinal}`), 'updated', 'ready', 'events', 'status'),
    h(
      'tbody',
      {},
      ...rollout.steps.map((step) => {
        const byOrdinal = new Map(step.pods.map((pod) => [pod.ordinal, pod]));
        return h(
          'tr',
          { attrs: { 'data-t': step.t } },
          h('td', 'num', String(step.t)),
          ...ordinals.map((ordinal) => podCell(rollout.name, ordinal, byOrdinal.get(ordinal))),
          h('td', 'num', String(step.updated)),
          h('td', 'num', String(step.ready)),
          eventsCell(step.events),
          h('td', 'status-text', step.status),
        );
      }),
    ),
  );
}

function podCell(name: string, ordinal: number, pod: StatefulSetPod | undefined): HTMLTableCellElement {
  if (!pod) return h('td', { class: 'pod-cell', attrs: { 'data-ordinal': ordinal } }, h('span', 'pod pod-absent', h('span', 'visually-hidden', `${name}-${ordinal}: no pod`), '·'));
  const state = pod.ready ? 'ready' : 'starting';
  const label = `${name}-${ordinal}: ${pod.revision} revision, ${pod.ready ? 'ready' : 'not ready'}`;
  return h(
    'td',
    { class: 'pod-cell', attrs: { 'data-ordinal': ordinal } },
    h('span', { class: `pod pod-${pod.revision} pod-${state}`, attrs: { title: label, 'aria-label': label, role: 'img' } }, icon(pod.ready ? 'pass-filled' : 'circle-large-outline'), pod.revision),
  );
}
