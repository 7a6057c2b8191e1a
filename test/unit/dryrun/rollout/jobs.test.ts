import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../../../server/src/dryrun/kobject';
import { simulateController } from '../../../../server/src/dryrun/rollout/simulateController';
import type { JobRollout } from '../../../../server/src/shared/dryrunPlan';
import { V2, podTemplate } from './fixtures';
import { cronJob, job } from './workloadFixtures';

// Reference §6 and K27: Jobs and CronJobs do not roll; the summary says what happens.

function summary(after: KObject, before?: KObject): string | undefined {
  const result = simulateController({ before, after, owned: [], nodes: [], k8sVersion: '1.35' })!;
  assert.deepEqual(result.objects, [after]);
  const rollout = result.rollout as JobRollout | undefined;
  if (rollout) assert.deepEqual([rollout.kind, rollout.steps], [after.kind, []]);
  return rollout?.summary;
}

const complete = { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] };

test('Job summaries: created, unchanged, parallelism raised, finished, suspended', () => {
  const rows: Array<[string, KObject, KObject | undefined, RegExp | undefined]> = [
    ['new Job', job({ parallelism: 2, completions: 5 }), undefined, /Job migrate starts 2 pod\(s\) at a time until 5 succeed/],
    ['new work-queue Job', job({ parallelism: 3, completions: undefined }), undefined, /starts 3 pod\(s\); it completes when one succeeds/],
    ['new suspended Job', job({ suspend: true }), undefined, /created suspended/],
    ['re-applied unchanged', job(), job(), undefined],
    ['parallelism 1 → 3', job({ parallelism: 3 }), job(), /parallelism 1 → 3: the running Job keeps up to 3 pod\(s\) running/],
    ['finished Job changed', job({ parallelism: 3 }), job({}, complete), /already finished: re-applying it never runs it again/],
    ['finished Job unchanged', job(), job({}, complete), undefined],
  ];
  for (const [label, after, before, expected] of rows) {
    const text = summary(after, before);
    if (expected) assert.match(text ?? '', expected, label);
    else assert.equal(text, undefined, label);
  }
});

test('CronJob summaries: created, new image in jobTemplate, suspended, unchanged', () => {
  const newImage = cronJob({ jobTemplate: { spec: { template: podTemplate(V2, { app: 'nightly' }) } } });
  const rows: Array<[string, KObject, KObject | undefined, RegExp | undefined]> = [
    ['new CronJob', cronJob(), undefined, /first Job starts at the next time matching "0 2 \* \* \*"/],
    ['K27 new image', newImage, cronJob(), /jobTemplate changed\. Running and finished Jobs are untouched .* the next Job \(schedule "0 2 \* \* \*"\) uses the new one/],
    ['schedule', cronJob({ schedule: '0 3 * * *' }), cronJob(), /schedule changed/],
    ['suspend', cronJob({ suspend: true }), cronJob(), /suspended: running Jobs finish, no new Job is scheduled/],
    ['unchanged', cronJob(), cronJob(), undefined],
  ];
  for (const [label, after, before, expected] of rows) {
    const text = summary(after, before);
    if (expected) assert.match(text ?? '', expected, label);
    else assert.equal(text, undefined, label);
  }
});

test('kinds without a modelled controller give undefined', () => {
  for (const after of [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }, { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' } }]) {
    assert.equal(simulateController({ after, owned: [], nodes: [], k8sVersion: '1.35' }), undefined);
  }
});
