import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDeployment, type Row } from './deploymentCheck';
import { V2, deployment, down, liveAt, stored, up } from './fixtures';

// Reference §9: every row of K1, K3, K5–K8, K10 and K15 (RollingUpdate; §0.2 time model).

test('K1: a new Deployment creates its ReplicaSet at full size; pods are available one step later', () => {
  const { result } = checkDeployment(
    { after: deployment({ replicas: 3 }), owned: [], nodes: [], k8sVersion: '1.35' },
    [
      [3, 0, 0, [up('web-v1', 3)], '0 of 3 updated replicas are available...'],
      [3, 0, 3, [], 'done'],
    ],
    { newRevision: true, revision: 1, maxSurge: 1, maxUnavailable: 0, replicas: 3, strategy: 'RollingUpdate', downtimeSteps: [0] },
  );
  const [dep, rs] = result.objects.map(stored);
  assert.equal(dep!.metadata.annotations['deployment.kubernetes.io/revision'], '1');
  assert.deepEqual(
    { replicas: dep!.status.replicas, updated: dep!.status.updatedReplicas, available: dep!.status.availableReplicas, observed: dep!.status.observedGeneration },
    { replicas: 3, updated: 3, available: 3, observed: 1 },
  );
  const hash = rs!.metadata.labels['pod-template-hash'];
  assert.match(hash, /^[bcdfghjklmnpqrstvwxz2456789]+$/);
  assert.equal(rs!.metadata.name, `web-${hash}`);
  assert.deepEqual(rs!.spec.selector, { matchLabels: { app: 'web', 'pod-template-hash': hash } });
  assert.equal(rs!.spec.template.metadata.labels['pod-template-hash'], hash);
  assert.deepEqual(rs!.metadata.annotations, {
    'deployment.kubernetes.io/desired-replicas': '3',
    'deployment.kubernetes.io/max-replicas': '4',
    'deployment.kubernetes.io/revision': '1',
  });
  assert.deepEqual(rs!.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true }]);
  assert.deepEqual(rs!.status, { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
});

test('K3: replicas 3 → 5 is a scaling event on the one ReplicaSet, no new revision', () => {
  const { result } = checkDeployment(liveAt({ replicas: 3 }, { replicas: 5 }), [
    [5, 0, 3, [up('web-v1', 5, 3)], '3 of 5 updated replicas are available...'],
    [5, 0, 5, [], 'done'],
  ], { newRevision: false, revision: 1 });
  const rs = result.objects[1] as { metadata: { annotations: Record<string, string> } };
  assert.equal(rs.metadata.annotations['deployment.kubernetes.io/desired-replicas'], '5');
  assert.equal(rs.metadata.annotations['deployment.kubernetes.io/max-replicas'], '7');
});

test('K3 reversed: replicas 5 → 3 finishes in the same step', () => {
  checkDeployment(liveAt({ replicas: 5 }, { replicas: 3 }), [[3, 0, 3, [down('web-v1', 3, 5)], 'done']], { newRevision: false, downtimeSteps: [] });
});

test('K15: removing replicas re-defaults it to 1: scale 5 → 1', () => {
  checkDeployment(liveAt({ replicas: 5 }, { replicas: 1 }), [[1, 0, 1, [down('web-v1', 1, 5)], 'done']]);
});

test('K5: image change, R=3, 25%/25% → surge 1, unavailable 0', () => {
  checkDeployment(liveAt({ replicas: 3 }, { image: V2 }), [
    [1, 3, 3, [up('web-v2', 1)], '1 out of 3 new replicas have been updated...'],
    [2, 2, 3, [down('web-v1', 2, 3), up('web-v2', 2, 1)], '2 out of 3 new replicas have been updated...'],
    [3, 1, 3, [down('web-v1', 1, 2), up('web-v2', 3, 2)], '1 old replicas are pending termination...'],
    [3, 0, 3, [down('web-v1', 0, 1)], 'done'],
  ], { maxSurge: 1, maxUnavailable: 0, newRevision: true, revision: 2, downtimeSteps: [] });
});

const K6: Row[] = [
  [5, 8, 8, [up('web-v2', 3), down('web-v1', 8, 10), up('web-v2', 5, 3)], '5 out of 10 new replicas have been updated...'],
  [10, 3, 8, [down('web-v1', 3, 8), up('web-v2', 10, 5)], '3 old replicas are pending termination...'],
  [10, 0, 10, [down('web-v1', 0, 3)], 'done'],
];

test('K6: R=10, maxSurge 3, maxUnavailable 2 (the rolling.go example)', () => {
  checkDeployment(liveAt({ replicas: 10, maxSurge: 3, maxUnavailable: 2 }, { image: V2 }), K6, { maxSurge: 3, maxUnavailable: 2 });
});

test('K6 with the default 25%/25% resolves to 3/2 at R=10 and gives the same table', () => {
  checkDeployment(liveAt({ replicas: 10 }, { image: V2 }), K6, { maxSurge: 3, maxUnavailable: 2 });
});

test('K7: maxSurge 0, maxUnavailable 1, R=3 — the new ReplicaSet is created at 0 without an event', () => {
  checkDeployment(liveAt({ replicas: 3, maxSurge: 0, maxUnavailable: 1 }, { image: V2 }), [
    [1, 2, 2, [down('web-v1', 2, 3), up('web-v2', 1, 0)], '1 out of 3 new replicas have been updated...'],
    [2, 1, 2, [down('web-v1', 1, 2), up('web-v2', 2, 1)], '2 out of 3 new replicas have been updated...'],
    [3, 0, 2, [down('web-v1', 0, 1), up('web-v2', 3, 2)], '2 of 3 updated replicas are available...'],
    [3, 0, 3, [], 'done'],
  ], { maxSurge: 0, maxUnavailable: 1, downtimeSteps: [] });
});

test('K7 at R=10 needs 11 steps: (k+1, 9−k, 9) for k = 0…8, then (10,0,9), (10,0,10)', () => {
  const rows: Row[] = [];
  for (let k = 0; k <= 8; k++) {
    const events = k === 0 ? [down('web-v1', 9, 10), up('web-v2', 1, 0)] : [down('web-v1', 9 - k, 10 - k), up('web-v2', k + 1, k)];
    rows.push([k + 1, 9 - k, 9, events, `${k + 1} out of 10 new replicas have been updated...`]);
  }
  rows.push([10, 0, 9, [down('web-v1', 0, 1), up('web-v2', 10, 9)], '9 of 10 updated replicas are available...']);
  rows.push([10, 0, 10, [], 'done']);
  checkDeployment(liveAt({ replicas: 10, maxSurge: 0, maxUnavailable: 1 }, { image: V2 }), rows);
});

test('K8a: R=1, 25%/25% → surge 1, unavailable 0', () => {
  checkDeployment(liveAt({ replicas: 1 }, { image: V2 }), [
    [1, 1, 1, [up('web-v2', 1)], '1 old replicas are pending termination...'],
    [1, 0, 1, [down('web-v1', 0, 1)], 'done'],
  ], { maxSurge: 1, maxUnavailable: 0 });
});

test('K8b: R=1, 0%/25% → both 0 → the fencepost allows one unavailable: one step of downtime', () => {
  checkDeployment(liveAt({ replicas: 1, maxSurge: '0%', maxUnavailable: '25%' }, { image: V2 }), [
    [1, 0, 0, [down('web-v1', 0, 1), up('web-v2', 1, 0)], '0 of 1 updated replicas are available...'],
    [1, 0, 1, [], 'done'],
  ], { maxSurge: 0, maxUnavailable: 1, downtimeSteps: [0] });
});

test('K8c: R=4, 25%/25% → 1/1', () => {
  checkDeployment(liveAt({ replicas: 4 }, { image: V2 }), [
    [2, 3, 3, [up('web-v2', 1), down('web-v1', 3, 4), up('web-v2', 2, 1)], '2 out of 4 new replicas have been updated...'],
    [4, 1, 3, [down('web-v1', 1, 3), up('web-v2', 4, 2)], '1 old replicas are pending termination...'],
    [4, 0, 4, [down('web-v1', 0, 1)], 'done'],
  ], { maxSurge: 1, maxUnavailable: 1 });
});

test('K8d: R=5, 25%/25% → 2/1', () => {
  checkDeployment(liveAt({ replicas: 5 }, { image: V2 }), [
    [3, 4, 4, [up('web-v2', 2), down('web-v1', 4, 5), up('web-v2', 3, 2)], '3 out of 5 new replicas have been updated...'],
    [5, 1, 4, [down('web-v1', 1, 4), up('web-v2', 5, 3)], '1 old replicas are pending termination...'],
    [5, 0, 5, [down('web-v1', 0, 1)], 'done'],
  ], { maxSurge: 2, maxUnavailable: 1 });
});

test('K8e: R=3, 50%/50% → 2/1', () => {
  checkDeployment(liveAt({ replicas: 3, maxSurge: '50%', maxUnavailable: '50%' }, { image: V2 }), [
    [3, 2, 2, [up('web-v2', 2), down('web-v1', 2, 3), up('web-v2', 3, 2)], '2 old replicas are pending termination...'],
    [3, 0, 3, [down('web-v1', 0, 2)], 'done'],
  ], { maxSurge: 2, maxUnavailable: 1 });
});

test('K10: replicas and template in one apply — the old ReplicaSet is scaled first, with the old template', () => {
  checkDeployment(liveAt({ replicas: 3 }, { replicas: 5, image: V2 }), [
    [3, 4, 3, [up('web-v1', 5, 3), up('web-v2', 2), down('web-v1', 4, 5), up('web-v2', 3, 2)], '3 out of 5 new replicas have been updated...'],
    [5, 1, 4, [down('web-v1', 1, 4), up('web-v2', 5, 3)], '1 old replicas are pending termination...'],
    [5, 0, 5, [down('web-v1', 0, 1)], 'done'],
  ], { maxSurge: 2, maxUnavailable: 1, revision: 2, downtimeSteps: [0] });
});

test('a new Deployment with 0 replicas creates an empty ReplicaSet and is done at once', () => {
  checkDeployment({ after: deployment({ replicas: 0 }), owned: [], nodes: [], k8sVersion: '1.35' }, [[0, 0, 0, [], 'done']], { maxSurge: 0, maxUnavailable: 0, downtimeSteps: [] });
});
