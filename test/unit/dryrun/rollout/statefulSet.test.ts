import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../../../server/src/dryrun/kobject';
import { simulateController, type ControllerResult } from '../../../../server/src/dryrun/rollout/simulateController';
import type { StatefulSetRollout } from '../../../../server/src/shared/dryrunPlan';
import { V2 } from './fixtures';
import { statefulSet } from './workloadFixtures';

// Reference §4 and K20. Pods read `web-1` (update revision, ready), `web-1*` (created this step, not
// ready), `web-1(old)` (current revision).

/** A row: pods, events (`+1` created, `-2` deleted), status. */
type Row = [pods: string, events: string, status: string];

const waiting = (n: number) => `Waiting for ${n} pods to be ready...`;
const complete = (n: number) => `partitioned roll out complete: ${n} new pods have been updated...`;

function run(after: KObject, before?: KObject, k8sVersion = '1.35'): ControllerResult {
  return simulateController({ before, after, owned: [], nodes: [], k8sVersion })!;
}

function check(result: ControllerResult, rows: Row[], expected: Partial<StatefulSetRollout> = {}): StatefulSetRollout {
  const rollout = result.rollout as StatefulSetRollout;
  assert.ok(rollout, 'a rollout');
  const actual = rollout.steps.map((s, i): [number, string, string, string] => [
    s.t - i,
    s.pods.map((p) => `web-${p.ordinal}${p.revision === 'current' ? '(old)' : ''}${p.ready ? '' : '*'}`).join(' '),
    (s.events ?? []).map((e) => e.replace(/^create Pod web-(\d+) in StatefulSet web successful$/, '+$1').replace(/^delete Pod web-(\d+) in StatefulSet web successful$/, '-$1')).join(' '),
    s.status,
  ]);
  assert.deepEqual(actual, rows.map(([pods, events, status]) => [0, pods, events, status]));
  for (const step of rollout.steps) {
    assert.equal(step.updated, step.pods.filter((p) => p.revision === 'update').length);
    assert.equal(step.ready, step.pods.filter((p) => p.ready).length);
  }
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(rollout[key as keyof StatefulSetRollout], value, key);
  return rollout;
}

test('K20: OrderedReady creates web-0, web-1, web-2 one per step, each after its predecessor is ready', () => {
  check(run(statefulSet({ replicas: 3 })), [
    ['web-0*', '+0', waiting(3)],
    ['web-0 web-1*', '+1', waiting(2)],
    ['web-0 web-1 web-2*', '+2', waiting(1)],
    ['web-0 web-1 web-2', '', complete(3)],
  ], { podManagementPolicy: 'OrderedReady', updateStrategy: 'RollingUpdate', partition: 0, maxUnavailable: 1, replicas: 3, newRevision: true });
});

test('K20: Parallel creates every pod at once', () => {
  check(run(statefulSet({ replicas: 3, policy: 'Parallel' })), [
    ['web-0* web-1* web-2*', '+0 +1 +2', waiting(3)],
    ['web-0 web-1 web-2', '', complete(3)],
  ], { podManagementPolicy: 'Parallel' });
});

test('K20: scale 3 → 1 deletes web-2 then web-1 (instant termination: same step); PVCs are kept', () => {
  const rollout = check(run(statefulSet({ replicas: 1, claims: true, generation: 2 }), statefulSet({ replicas: 3, claims: true })), [
    ['web-0', '-2 -1', complete(1)],
  ], { newRevision: false });
  assert.match(rollout.notes!.join('\n'), /PersistentVolumeClaims of the removed pods are kept/);
});

test('scale 1 → 3 OrderedReady adds one ordinal per step', () => {
  check(run(statefulSet({ replicas: 3, generation: 2 }), statefulSet({ replicas: 1 })), [
    ['web-0 web-1*', '+1', waiting(2)],
    ['web-0 web-1 web-2*', '+2', waiting(1)],
    ['web-0 web-1 web-2', '', complete(3)],
  ]);
});

const ONE_AT_A_TIME: Row[] = [
  ['web-0(old) web-1(old) web-2*', '-2 +2', waiting(1)],
  ['web-0(old) web-1* web-2', '-1 +1', waiting(1)],
  ['web-0* web-1 web-2', '-0 +0', waiting(1)],
  ['web-0 web-1 web-2', '', complete(3)],
];

test('template change, OrderedReady: highest ordinal first, one at a time; currentRevision catches up at the end', () => {
  const result = run(statefulSet({ replicas: 3, image: V2, generation: 2 }), statefulSet({ replicas: 3 }));
  check(result, ONE_AT_A_TIME, { newRevision: true, maxUnavailable: 1 });
  const status = result.objects[0]!.status as Record<string, unknown>;
  assert.equal(status.currentRevision, status.updateRevision);
  assert.deepEqual([status.replicas, status.readyReplicas, status.currentReplicas, status.updatedReplicas, status.observedGeneration], [3, 3, 3, 3, 2]);
});

test('1.35: Parallel with maxUnavailable 2 replaces two pods at a time', () => {
  check(run(statefulSet({ replicas: 3, image: V2, policy: 'Parallel', maxUnavailable: 2 }), statefulSet({ replicas: 3, policy: 'Parallel', maxUnavailable: 2 })), [
    ['web-0(old) web-1* web-2*', '-2 -1 +1 +2', waiting(2)],
    ['web-0* web-1 web-2', '-0 +0', waiting(1)],
    ['web-0 web-1 web-2', '', complete(3)],
  ], { maxUnavailable: 2 });
});

test('1.35: maxUnavailable 50% of 3 rounds down to 1', () => {
  check(run(statefulSet({ replicas: 3, image: V2, maxUnavailable: '50%' }), statefulSet({ replicas: 3 })), ONE_AT_A_TIME, { maxUnavailable: 1 });
});

test('1.34: the MaxUnavailableStatefulSet gate is off, maxUnavailable is ignored (one at a time) and said so', () => {
  const rollout = check(
    run(statefulSet({ replicas: 3, image: V2, policy: 'Parallel', maxUnavailable: 2 }), statefulSet({ replicas: 3, policy: 'Parallel', maxUnavailable: 2 }), '1.34'),
    ONE_AT_A_TIME,
    { maxUnavailable: 1 },
  );
  assert.match(rollout.notes!.join('\n'), /maxUnavailable is ignored before Kubernetes 1\.35/);
});

test('partition 2: only web-2 is updated; the canary state round-trips and lowering the partition finishes the rollout', () => {
  const canary = run(statefulSet({ replicas: 3, image: V2, partition: 2, generation: 2 }), statefulSet({ replicas: 3 }));
  const rollout = check(canary, [
    ['web-0(old) web-1(old) web-2*', '-2 +2', waiting(1)],
    ['web-0(old) web-1(old) web-2', '', complete(1)],
  ], { partition: 2 });
  assert.match(rollout.notes!.join('\n'), /partition 2/);
  const stored = canary.objects[0]!;
  const status = stored.status as Record<string, unknown>;
  assert.notEqual(status.currentRevision, status.updateRevision);
  assert.equal(status.updatedReplicas, 1);

  const lowered = { ...statefulSet({ replicas: 3, image: V2, partition: 0, generation: 3 }), status: stored.status };
  check(run(lowered, stored), [
    ['web-0(old) web-1* web-2', '-1 +1', waiting(1)],
    ['web-0* web-1 web-2', '-0 +0', waiting(1)],
    ['web-0 web-1 web-2', '', complete(3)],
  ], { newRevision: false });
});

test('OnDelete: a template change touches no pod; rollout status refuses; a note says how pods change', () => {
  const rollout = check(run(statefulSet({ replicas: 2, image: V2, onDelete: true }), statefulSet({ replicas: 2, onDelete: true })), [
    ['web-0(old) web-1(old)', '', 'error: rollout status is only available for RollingUpdate strategy type'],
  ], { updateStrategy: 'OnDelete', newRevision: true });
  assert.match(rollout.notes!.join('\n'), /OnDelete: pods keep the old template until you delete them/);
});

test('unchanged StatefulSet: no rollout, and the committed object re-applied gives none either', () => {
  const first = run(statefulSet({ replicas: 2 }));
  const stored = first.objects[0]!;
  assert.equal(run(stored, stored).rollout, undefined);
  assert.equal(run(statefulSet({ replicas: 2, generation: 2 }), stored).rollout, undefined);
});
