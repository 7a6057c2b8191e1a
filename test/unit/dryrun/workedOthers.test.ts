// The reference's worked examples (apply-rollout.md §9) beyond Deployment rollouts, through `plan`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DaemonSetRollout, StatefulSetRollout } from '../../../server/src/shared/dryrunPlan';
import { committed, counts, deployment, deploymentRollout, messages, plan } from './planHarness';

describe('K14 invalid Deployments', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['maxSurge 0 and maxUnavailable 0', '{type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}', /^The Deployment "web" is invalid: spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0$/],
    ['maxUnavailable 150%', '{type: RollingUpdate, rollingUpdate: {maxUnavailable: 150%}}', /^The Deployment "web" is invalid: spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: "150%": must not be greater than 100%$/],
  ];
  for (const [name, strategy, message] of cases) {
    test(name, () => {
      const result = plan(deployment({ strategy }));
      assert.equal(result.objects[0]!.action, 'rejected');
      assert.match(result.objects[0]!.message, message);
      assert.deepEqual(result.rollouts, []);
    });
  }
  test('template labels not matched by the selector', () => {
    const text = deployment().replace('labels: {app: web}', 'labels: {app: api}');
    assert.match(plan(text).objects[0]!.message, /^The Deployment "web" is invalid: spec\.template\.metadata\.labels: Invalid value: \{"app":"api"\}: `selector` does not match template `labels`$/);
  });
  test('switching to Recreate drops the defaulted rollingUpdate: configured, no new ReplicaSet', () => {
    const state = committed(deployment());
    const result = plan(deployment({ strategy: '{type: Recreate}' }), state);
    assert.deepEqual(messages(result), ['deployment.apps/web configured']);
    const stored = result.next.find((o) => o.kind === 'Deployment') as { spec: { strategy: Record<string, unknown> } };
    assert.deepEqual(stored.spec.strategy, { type: 'Recreate' });
    assert.equal(result.next.filter((o) => o.kind === 'ReplicaSet').length, 1);
  });
});

function statefulSet(policy = 'OrderedReady', replicas = 3, extra = ''): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: ${replicas}
  podManagementPolicy: ${policy}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: "nginx:1.25"}]}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
${extra}`;
}

const pods = (rollout: StatefulSetRollout) => rollout.steps.map((s) => s.pods.map((p) => `${p.ordinal}${p.ready ? '' : '*'}`).join(' '));

describe('K20 StatefulSet creation order and scale-down', () => {
  test('OrderedReady creates one pod per step, each after the previous is ready', () => {
    const rollout = plan(statefulSet()).rollouts.find((r): r is StatefulSetRollout => r.kind === 'StatefulSet')!;
    assert.deepEqual(pods(rollout), ['0*', '0 1*', '0 1 2*', '0 1 2']);
    assert.deepEqual(rollout.steps.map((s) => s.ready), [0, 1, 2, 3]);
    assert.deepEqual(rollout.steps.map((s) => s.status), [
      'Waiting for 3 pods to be ready...',
      'Waiting for 2 pods to be ready...',
      'Waiting for 1 pods to be ready...',
      'partitioned roll out complete: 3 new pods have been updated...',
    ]);
  });
  test('Parallel creates every pod at once', () => {
    const rollout = plan(statefulSet('Parallel')).rollouts.find((r): r is StatefulSetRollout => r.kind === 'StatefulSet')!;
    assert.deepEqual(pods(rollout), ['0* 1* 2*', '0 1 2']);
  });
  test('scale 3 → 1 deletes the highest ordinals first and keeps web-0', () => {
    const result = plan(statefulSet('OrderedReady', 1), committed(statefulSet()));
    const rollout = result.rollouts.find((r): r is StatefulSetRollout => r.kind === 'StatefulSet')!;
    assert.deepEqual(pods(rollout).at(-1), '0');
    assert.ok(pods(rollout).every((row) => row.startsWith('0')), 'web-0 is untouched');
  });
});

test('K21 StatefulSet forbidden field changes are rejected', () => {
  const state = committed(statefulSet());
  const bigger = statefulSet().replace('storage: 10Gi', 'storage: 20Gi');
  const result = plan(bigger, state);
  assert.equal(result.objects[0]!.action, 'rejected');
  assert.match(result.objects[0]!.message, /^The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden$/);
  assert.equal(plan(statefulSet('Parallel'), state).objects[0]!.action, 'rejected');
});

function daemonSet(image: string, strategy = ''): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
${strategy}  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: "${image}"}]}
`;
}

describe('K23 DaemonSet on 3 nodes', () => {
  const roll = (strategy = '') => {
    const result = plan(daemonSet('agent:2', strategy), committed(daemonSet('agent:1', strategy)));
    return result.rollouts.find((r): r is DaemonSetRollout => r.kind === 'DaemonSet')!;
  };
  test('(a) maxUnavailable 1, maxSurge 0', () => {
    const rollout = roll();
    assert.deepEqual(rollout.steps.map((s) => [s.updated, s.old, s.available]), [[1, 2, 2], [2, 1, 2], [3, 0, 2], [3, 0, 3]]);
    assert.deepEqual(rollout.steps[0]!.nodes.map((n) => n.pods.join('+')), ['new*', 'old', 'old']);
    assert.deepEqual(rollout.steps.map((s) => s.status), [
      'Waiting for daemon set "agent" rollout to finish: 1 out of 3 new pods have been updated...',
      'Waiting for daemon set "agent" rollout to finish: 2 out of 3 new pods have been updated...',
      'Waiting for daemon set "agent" rollout to finish: 2 of 3 updated pods are available...',
      'daemon set "agent" successfully rolled out',
    ]);
  });
  test('(b) maxSurge 1, maxUnavailable 0: availability never drops', () => {
    const rollout = roll('  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}\n');
    assert.deepEqual(rollout.steps[0]!.nodes.map((n) => n.pods.join('+')), ['old+new*', 'old', 'old']);
    assert.ok(rollout.steps.every((s) => s.available === 3));
    assert.deepEqual(rollout.steps.at(-1)!.nodes.map((n) => n.pods.join('+')), ['new', 'new', 'new']);
  });
  test('(c) maxUnavailable 50% rounds up to 2', () => {
    const rollout = roll('  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 50%}}\n');
    assert.deepEqual(rollout.steps[0]!.nodes.map((n) => n.pods.join('+')), ['new*', 'new*', 'old']);
    assert.deepEqual(rollout.steps.map((s) => s.available), [1, 2, 3]);
  });
});

describe('K25 a ConfigMap change does not roll its Deployment; a checksum annotation does', () => {
  const configMap = (level: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {LOG_LEVEL: ${level}}\n`;
  const consumer = (annotations?: string) =>
    deployment({ templateAnnotations: annotations, extraContainer: '          envFrom: [{configMapRef: {name: app-config}}]' });
  test('(a) only the ConfigMap is configured, and the plan says why the pods keep the old value', () => {
    const state = committed([configMap('info'), consumer()].join('---\n'));
    const result = plan([configMap('debug'), consumer()].join('---\n'), state);
    assert.deepEqual(messages(result), ['configmap/app-config configured', 'deployment.apps/web unchanged']);
    assert.equal(result.rollouts.length, 0);
    const warning = result.objects[0]!.warnings?.join('\n') ?? '';
    assert.match(warning, /deployment\.apps\/web reads this ConfigMap and will not roll out/);
    assert.match(warning, /checksum/);
  });
  test('(b) with a checksum annotation both change and the Deployment rolls out', () => {
    const state = committed([configMap('info'), consumer('{checksum/config: aaa}')].join('---\n'));
    const result = plan([configMap('debug'), consumer('{checksum/config: bbb}')].join('---\n'), state);
    assert.deepEqual(messages(result), ['configmap/app-config configured', 'deployment.apps/web configured']);
    assert.deepEqual(counts(deploymentRollout(result)), [[1, 3, 3], [2, 2, 3], [3, 1, 3], [3, 0, 3]]);
    assert.equal(result.objects[0]!.warnings, undefined, 'nothing to warn about: the consumer rolls');
  });
});

describe('K27 Job and CronJob', () => {
  const job = (image: string, extra = '') => `apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n${extra}  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: migrate, image: "${image}"}]\n`;
  test('re-applying an unchanged Job is unchanged; a new image is rejected; parallelism is configured', () => {
    const state = committed(job('migrate:1'));
    assert.deepEqual(messages(plan(job('migrate:1'), state)), ['job.batch/migrate unchanged']);
    const changed = plan(job('migrate:2'), state);
    assert.equal(changed.objects[0]!.action, 'rejected');
    assert.match(changed.objects[0]!.message, /^The Job "migrate" is invalid: spec\.template: Invalid value: .*: field is immutable$/);
    assert.deepEqual(messages(plan(job('migrate:1', '  parallelism: 3\n'), state)), ['job.batch/migrate configured']);
  });
  test('a CronJob with a new image in its jobTemplate is configured', () => {
    const cron = (image: string) => `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: job, image: "${image}"}]\n`;
    const result = plan(cron('job:2'), committed(cron('job:1')));
    assert.deepEqual(messages(result), ['cronjob.batch/nightly configured']);
    assert.ok(result.rollouts.some((r) => r.kind === 'CronJob'), 'the plan says what happens to running and future Jobs');
  });
});

test('--prune deletes applied-before objects that left the manifests, and is skipped when anything fails', () => {
  const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, labels: {app: shop}}\ndata: {a: "1"}\n`;
  const state = committed([cm('keep'), cm('old')].join('---\n'));
  const pruned = plan(cm('keep'), state, { prune: 'app=shop' });
  assert.deepEqual(messages(pruned), ['configmap/keep unchanged', 'configmap/old pruned']);
  assert.equal(pruned.next.filter((o) => o.kind === 'ConfigMap').length, 1);
  const failing = plan([cm('keep'), deployment({ strategy: '{type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}', labels: '{app: shop}' })].join('---\n'), state, { prune: 'app=shop' });
  assert.equal(failing.pruneSkipped, true);
  assert.ok(!messages(failing).some((m) => m.endsWith('pruned')));
});
