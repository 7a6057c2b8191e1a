import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../../../server/src/dryrun/kobject';
import { simulateController, type ControllerResult } from '../../../../server/src/dryrun/rollout/simulateController';
import type { DaemonSetRollout } from '../../../../server/src/shared/dryrunPlan';
import { V2 } from './fixtures';
import { daemonSet } from './workloadFixtures';

// Reference §5 and K23: three nodes visited in name order a → b → c.

/** A row: pods on a, b, c (`old+new*`), updated, old, available, status. */
type Row = [a: string, b: string, c: string, updated: number, old: number, available: number, status: string];

const NODES = ['c', 'a', 'b']; // unsorted on purpose: the simulator sorts by name
const updating = (u: number) => `Waiting for daemon set "agent" rollout to finish: ${u} out of 3 new pods have been updated...`;
const availableOf = (a: number) => `Waiting for daemon set "agent" rollout to finish: ${a} of 3 updated pods are available...`;
const DONE = 'daemon set "agent" successfully rolled out';

function run(after: KObject, before?: KObject): ControllerResult {
  return simulateController({ before, after, owned: [], nodes: NODES, k8sVersion: '1.35' })!;
}

function check(result: ControllerResult, rows: Row[], expected: Partial<DaemonSetRollout> = {}): DaemonSetRollout {
  const rollout = result.rollout as DaemonSetRollout;
  assert.ok(rollout, 'a rollout');
  assert.deepEqual(
    rollout.steps.map((s, i) => [s.t - i, ...s.nodes.map((n) => `${n.node}:${n.pods.join('+')}`), s.updated, s.old, s.available, s.status]),
    rows.map(([a, b, c, ...rest]) => [0, `a:${a}`, `b:${b}`, `c:${c}`, ...rest]),
  );
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(rollout[key as keyof DaemonSetRollout], value, key);
  return rollout;
}

test('K23a: maxUnavailable 1, maxSurge 0 — one node at a time', () => {
  check(run(daemonSet({ image: V2 }), daemonSet()), [
    ['new*', 'old', 'old', 1, 2, 2, updating(1)],
    ['new', 'new*', 'old', 2, 1, 2, updating(2)],
    ['new', 'new', 'new*', 3, 0, 2, availableOf(2)],
    ['new', 'new', 'new', 3, 0, 3, DONE],
  ], { maxUnavailable: 1, maxSurge: 0, desired: 3, newRevision: true });
});

test('K23b: maxSurge 1, maxUnavailable 0 — the old pod goes only once the new one beside it is available', () => {
  check(run(daemonSet({ image: V2, maxSurge: 1, maxUnavailable: 0 }), daemonSet({ maxSurge: 1, maxUnavailable: 0 })), [
    ['old+new*', 'old', 'old', 0, 3, 3, updating(0)],
    ['new', 'old+new*', 'old', 1, 2, 3, updating(1)],
    ['new', 'new', 'old+new*', 2, 1, 3, updating(2)],
    ['new', 'new', 'new', 3, 0, 3, DONE],
  ], { maxUnavailable: 0, maxSurge: 1 });
});

test('K23c: maxUnavailable 50% of 3 rounds up to 2', () => {
  check(run(daemonSet({ image: V2, maxUnavailable: '50%' }), daemonSet({ maxUnavailable: '50%' })), [
    ['new*', 'new*', 'old', 2, 1, 1, updating(2)],
    ['new', 'new', 'new*', 3, 0, 2, availableOf(2)],
    ['new', 'new', 'new', 3, 0, 3, DONE],
  ], { maxUnavailable: 2 });
});

test('percentages that both round to 0 fall back to maxUnavailable 1 (and 25% of 3 rounds up to 1)', () => {
  for (const [maxSurge, maxUnavailable] of [['0%', '0%'], [0, '25%']] as const) {
    const rollout = run(daemonSet({ image: V2, maxSurge, maxUnavailable }), daemonSet({ maxSurge, maxUnavailable })).rollout as DaemonSetRollout;
    assert.deepEqual([rollout.maxSurge, rollout.maxUnavailable, rollout.steps.length], [0, 1, 4], `${maxSurge}/${maxUnavailable}`);
  }
});

test('a new DaemonSet starts a pod on every node at once', () => {
  check(run(daemonSet()), [
    ['new*', 'new*', 'new*', 3, 0, 0, availableOf(0)],
    ['new', 'new', 'new', 3, 0, 3, DONE],
  ], { newRevision: true });
});

test('OnDelete: a template change replaces nothing; rollout status refuses', () => {
  const rollout = check(run(daemonSet({ image: V2, onDelete: true }), daemonSet({ onDelete: true })), [
    ['old', 'old', 'old', 0, 3, 3, 'error: rollout status is only available for RollingUpdate strategy type'],
  ]);
  assert.match(rollout.notes!.join('\n'), /OnDelete/);
});

test('unchanged: no rollout; the committed DaemonSet re-applied gives none either, with a full status', () => {
  assert.equal(run(daemonSet(), daemonSet()).rollout, undefined);
  const stored = run(daemonSet({ image: V2 }), daemonSet()).objects[0]!;
  assert.deepEqual(stored.status, {
    currentNumberScheduled: 3, desiredNumberScheduled: 3, numberMisscheduled: 0, numberReady: 3,
    observedGeneration: 1, updatedNumberScheduled: 3, numberAvailable: 3,
  });
  assert.equal(run(stored, stored).rollout, undefined);
});
