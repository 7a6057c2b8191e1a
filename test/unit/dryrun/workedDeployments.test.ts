// The reference's worked examples (apply-rollout.md §9) for Deployments, each through `plan` against a
// state made by committing the earlier manifests: verdicts, kubectl's lines and every step row.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { committed, counts, deployment, deploymentRollout, messages, plan, revisionNames, rows } from './planHarness';

const status = (rollout: { steps: Array<{ status: string }> }) => rollout.steps.map((s) => s.status);
const waiting = (text: string) => `Waiting for deployment "web" rollout to finish: ${text}`;
const DONE = 'deployment "web" successfully rolled out';

describe('K1 first apply of a stream; ordering matters', () => {
  const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n';
  const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';
  const web = deployment({ namespace: 'shop' });

  test('Namespace first: everything is created; the new Deployment rolls out at full size', () => {
    const result = plan([namespace, web, service].join('---\n'));
    assert.deepEqual(messages(result), ['namespace/shop created', 'deployment.apps/web created', 'service/web created']);
    const rollout = deploymentRollout(result);
    assert.deepEqual(counts(rollout), [[3, 0, 0], [3, 0, 3]]);
    assert.deepEqual(status(rollout), [waiting('0 of 3 updated replicas are available...'), DONE]);
    assert.deepEqual(rollout.downtimeSteps, [], 'nothing was serving before: not downtime');
    const svc = result.next.find((o) => o.kind === 'Service') as { spec: { clusterIP?: string } };
    assert.match(svc.spec.clusterIP ?? '', /^10\.(9[6-9]|1[01]\d)\.\d+\.\d+$/, 'a clusterIP is allocated');
  });

  test('Namespace last: its contents fail as kubectl reports them, the Namespace is created', () => {
    const result = plan([web, service, namespace].join('---\n'));
    const notFound = 'Error from server (NotFound): error when creating "all.yaml": namespaces "shop" not found';
    assert.deepEqual(messages(result), [notFound, notFound, 'namespace/shop created']);
    assert.deepEqual(result.objects.map((o) => o.action), ['rejected', 'rejected', 'created']);
  });
});

test('K2 re-applying identical manifests: unchanged, no rollout', () => {
  const text = ['apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n', deployment({ namespace: 'shop' }), 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n'].join('---\n');
  const result = plan(text, committed(text));
  assert.deepEqual(messages(result), ['namespace/shop unchanged', 'deployment.apps/web unchanged', 'service/web unchanged']);
  assert.deepEqual(result.rollouts, []);
});

describe('K3 replicas-only change: a scaling event, no new revision', () => {
  test('3 → 5', () => {
    const state = committed(deployment());
    const result = plan(deployment({ replicas: 5 }), state);
    assert.deepEqual(messages(result), ['deployment.apps/web configured']);
    const rollout = deploymentRollout(result);
    assert.equal(rollout.newRevision, false);
    assert.equal(rollout.revision, 1);
    assert.deepEqual(rows(rollout, revisionNames([state, result.next])), [
      [0, 5, 0, 3, ['Scaled up replica set web-v1 to 5 from 3']],
      [1, 5, 0, 5, []],
    ]);
    assert.deepEqual(status(rollout), [waiting('3 of 5 updated replicas are available...'), DONE]);
  });
  test('5 → 3', () => {
    const state = committed(deployment({ replicas: 5 }));
    const rollout = deploymentRollout(plan(deployment(), state));
    assert.deepEqual(rows(rollout, revisionNames([state])), [[0, 3, 0, 3, ['Scaled down replica set web-v1 to 3 from 5']]]);
    assert.deepEqual(status(rollout), [DONE]);
  });
});

test('K4 a label-only change of the Deployment: configured, no rollout, revision unchanged', () => {
  const state = committed(deployment());
  const result = plan(deployment({ labels: '{team: payments}' }), state);
  assert.deepEqual(messages(result), ['deployment.apps/web configured']);
  const rollout = result.rollouts.find((r) => r.kind === 'Deployment');
  assert.ok(!rollout || (rollout.kind === 'Deployment' && !rollout.newRevision && rollout.steps.every((s) => s.events.length === 0)));
  const rs = result.next.filter((o) => o.kind === 'ReplicaSet');
  assert.equal(rs.length, 1);
});

test('K5 image change, R=3, default strategy', () => {
  const state = committed(deployment());
  const result = plan(deployment({ image: 'v2' }), state);
  assert.deepEqual(messages(result), ['deployment.apps/web configured']);
  const rollout = deploymentRollout(result);
  assert.deepEqual([rollout.maxSurge, rollout.maxUnavailable, rollout.newRevision, rollout.revision], [1, 0, true, 2]);
  assert.deepEqual(rows(rollout, revisionNames([state, result.next])), [
    [0, 1, 3, 3, ['Scaled up replica set web-v2 to 1']],
    [1, 2, 2, 3, ['Scaled down replica set web-v1 to 2 from 3', 'Scaled up replica set web-v2 to 2 from 1']],
    [2, 3, 1, 3, ['Scaled down replica set web-v1 to 1 from 2', 'Scaled up replica set web-v2 to 3 from 2']],
    [3, 3, 0, 3, ['Scaled down replica set web-v1 to 0 from 1']],
  ]);
  assert.deepEqual(status(rollout), [
    waiting('1 out of 3 new replicas have been updated...'),
    waiting('2 out of 3 new replicas have been updated...'),
    waiting('1 old replicas are pending termination...'),
    DONE,
  ]);
  assert.deepEqual(rollout.downtimeSteps, []);
});

test('K6 R=10, maxSurge 3, maxUnavailable 2 (the rolling.go example), and the default 25%/25% gives the same table', () => {
  for (const strategy of ['{type: RollingUpdate, rollingUpdate: {maxSurge: 3, maxUnavailable: 2}}', undefined]) {
    const state = committed(deployment({ replicas: 10, strategy }));
    const result = plan(deployment({ replicas: 10, strategy, image: 'v2' }), state);
    assert.deepEqual(rows(deploymentRollout(result), revisionNames([state, result.next])), [
      [0, 5, 8, 8, ['Scaled up replica set web-v2 to 3', 'Scaled down replica set web-v1 to 8 from 10', 'Scaled up replica set web-v2 to 5 from 3']],
      [1, 10, 3, 8, ['Scaled down replica set web-v1 to 3 from 8', 'Scaled up replica set web-v2 to 10 from 5']],
      [2, 10, 0, 10, ['Scaled down replica set web-v1 to 0 from 3']],
    ]);
  }
});

test('K7 maxSurge 0, maxUnavailable 1: R=3, and the 11 steps of R=10', () => {
  const strategy = '{type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}';
  const state = committed(deployment({ strategy }));
  const result = plan(deployment({ strategy, image: 'v2' }), state);
  assert.deepEqual(rows(deploymentRollout(result), revisionNames([state, result.next])), [
    [0, 1, 2, 2, ['Scaled down replica set web-v1 to 2 from 3', 'Scaled up replica set web-v2 to 1 from 0']],
    [1, 2, 1, 2, ['Scaled down replica set web-v1 to 1 from 2', 'Scaled up replica set web-v2 to 2 from 1']],
    [2, 3, 0, 2, ['Scaled down replica set web-v1 to 0 from 1', 'Scaled up replica set web-v2 to 3 from 2']],
    [3, 3, 0, 3, []],
  ]);
  assert.deepEqual(status(deploymentRollout(result)).slice(2), [waiting('2 of 3 updated replicas are available...'), DONE]);
  const ten = plan(deployment({ replicas: 10, strategy, image: 'v2' }), committed(deployment({ replicas: 10, strategy })));
  const expected: Array<[number, number, number]> = [];
  for (let k = 0; k <= 8; k++) expected.push([k + 1, 9 - k, 9]);
  expected.push([10, 0, 9], [10, 0, 10]);
  assert.deepEqual(counts(deploymentRollout(ten)), expected);
});

describe('K8 rounding edge cases', () => {
  const cases: Array<[string, number, string | undefined, Array<[number, number, number]>]> = [
    ['(a) R=1, 25%/25%', 1, undefined, [[1, 1, 1], [1, 0, 1]]],
    ['(b) R=1, maxSurge 0%, maxUnavailable 25% (fencepost)', 1, '{type: RollingUpdate, rollingUpdate: {maxSurge: 0%, maxUnavailable: 25%}}', [[1, 0, 0], [1, 0, 1]]],
    ['(c) R=4, 25%/25%', 4, undefined, [[2, 3, 3], [4, 1, 3], [4, 0, 4]]],
    ['(d) R=5, 25%/25%', 5, undefined, [[3, 4, 4], [5, 1, 4], [5, 0, 5]]],
    ['(e) R=3, 50%/50%', 3, '{type: RollingUpdate, rollingUpdate: {maxSurge: 50%, maxUnavailable: 50%}}', [[3, 2, 2], [3, 0, 3]]],
  ];
  for (const [name, replicas, strategy, expected] of cases) {
    test(name, () => {
      const result = plan(deployment({ replicas, strategy, image: 'v2' }), committed(deployment({ replicas, strategy })));
      assert.deepEqual(counts(deploymentRollout(result)), expected);
    });
  }
  test('(b) is a step of downtime although the strategy is RollingUpdate', () => {
    const strategy = '{type: RollingUpdate, rollingUpdate: {maxSurge: 0%, maxUnavailable: 25%}}';
    const state = committed(deployment({ replicas: 1, strategy }));
    const result = plan(deployment({ replicas: 1, strategy, image: 'v2' }), state);
    const rollout = deploymentRollout(result);
    assert.deepEqual(rows(rollout, revisionNames([state, result.next]))[0]![4], ['Scaled down replica set web-v1 to 0 from 1', 'Scaled up replica set web-v2 to 1 from 0']);
    assert.deepEqual(rollout.downtimeSteps, [0]);
  });
});

test('K9 Recreate, R=3: the whole first step is downtime', () => {
  const strategy = '{type: Recreate}';
  const state = committed(deployment({ strategy }));
  const result = plan(deployment({ strategy, image: 'v2' }), state);
  const rollout = deploymentRollout(result);
  assert.equal(rollout.strategy, 'Recreate');
  assert.deepEqual(rows(rollout, revisionNames([state, result.next])), [
    [0, 3, 0, 0, ['Scaled down replica set web-v1 to 0 from 3', 'Scaled up replica set web-v2 to 3']],
    [1, 3, 0, 3, []],
  ]);
  assert.deepEqual(rollout.downtimeSteps, [0]);
  assert.deepEqual(status(rollout), [waiting('0 of 3 updated replicas are available...'), DONE]);
});

test('K10 replicas and template changed together: the scaling event comes first, with the old template', () => {
  const state = committed(deployment());
  const result = plan(deployment({ replicas: 5, image: 'v2' }), state);
  assert.deepEqual(rows(deploymentRollout(result), revisionNames([state, result.next])), [
    [0, 3, 4, 3, ['Scaled up replica set web-v1 to 5 from 3', 'Scaled up replica set web-v2 to 2', 'Scaled down replica set web-v1 to 4 from 5', 'Scaled up replica set web-v2 to 3 from 2']],
    [1, 5, 1, 4, ['Scaled down replica set web-v1 to 1 from 4', 'Scaled up replica set web-v2 to 5 from 3']],
    [2, 5, 0, 5, ['Scaled down replica set web-v1 to 0 from 1']],
  ]);
});

test('K15 removing replicas from the manifest re-defaults it to 1', () => {
  const state = committed(deployment({ replicas: 5 }));
  const result = plan(deployment({ replicas: null }), state);
  assert.deepEqual(messages(result), ['deployment.apps/web configured']);
  assert.deepEqual(rows(deploymentRollout(result), revisionNames([state])), [[0, 1, 0, 1, ['Scaled down replica set web-v1 to 1 from 5']]]);
});

test('K18 reordering env under client-side apply: configured, and a full rollout', () => {
  const env = (order: string[]) => `          env:\n${order.map((n) => `            - {name: ${n}, value: "1"}`).join('\n')}`;
  const state = committed(deployment({ extraContainer: env(['A', 'B']) }));
  const result = plan(deployment({ extraContainer: env(['B', 'A']) }), state);
  assert.deepEqual(messages(result), ['deployment.apps/web configured']);
  assert.deepEqual(counts(deploymentRollout(result)), [[1, 3, 3], [2, 2, 3], [3, 1, 3], [3, 0, 3]]);
});

test('K28 a semantic no-op spelled differently: configured every time, no new revision', () => {
  const resources = '          resources: {requests: {cpu: "0.5"}}';
  const state = committed(deployment({ extraContainer: resources }));
  const stored = JSON.stringify(state.find((o) => o.kind === 'Deployment'));
  assert.match(stored, /"cpu":"500m"/, 'the server stores the canonical quantity');
  const result = plan(deployment({ extraContainer: resources }), state);
  assert.deepEqual(messages(result), ['deployment.apps/web configured']);
  const rollout = result.rollouts.find((r) => r.kind === 'Deployment');
  assert.ok(!rollout || (rollout.kind === 'Deployment' && !rollout.newRevision));
  assert.equal(result.next.filter((o) => o.kind === 'ReplicaSet').length, 1);
  assert.deepEqual(messages(plan(deployment({ extraContainer: '          resources: {requests: {cpu: 500m}}' }), state)), ['deployment.apps/web configured']);
});

test('K31 a template change while paused is held; resuming rolls it out', () => {
  const paused = '  paused: true';
  const state = committed(deployment({ extraSpec: paused }));
  const held = plan(deployment({ extraSpec: paused, image: 'v2' }), state);
  assert.deepEqual(messages(held), ['deployment.apps/web configured']);
  const rollout = deploymentRollout(held);
  assert.equal(rollout.paused, true);
  assert.equal(held.next.filter((o) => o.kind === 'ReplicaSet').length, 1, 'no new ReplicaSet while paused');
  assert.deepEqual(status(rollout).at(-1), waiting('0 out of 3 new replicas have been updated...'));
  const resumed = plan(deployment({ extraSpec: '  paused: false', image: 'v2' }), held.next);
  assert.deepEqual(counts(deploymentRollout(resumed)), [[1, 3, 3], [2, 2, 3], [3, 1, 3], [3, 0, 3]]);
});

test('reverting to an older template reuses its ReplicaSet, renumbered', () => {
  const state = committed(deployment(), deployment({ image: 'v2' }));
  const result = plan(deployment(), state);
  const rollout = deploymentRollout(result);
  assert.deepEqual([rollout.newRevision, rollout.revision], [true, 3]);
  assert.equal(result.next.filter((o) => o.kind === 'ReplicaSet').length, 2, 'no third ReplicaSet');
  assert.deepEqual(counts(rollout).at(-1), [3, 0, 3]);
});
