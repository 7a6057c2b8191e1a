import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateController } from '../../../../server/src/dryrun/rollout/simulateController';
import { checkDeployment } from './deploymentCheck';
import type { DeploymentRollout } from '../../../../server/src/shared/dryrunPlan';
import { V1, V2, deployment, down, liveAt, podTemplate, stored, up } from './fixtures';

test('K9: Recreate scales the old ReplicaSet to 0, then creates the new one at full size in the same step', () => {
  const { result } = checkDeployment(liveAt({ replicas: 3, strategy: 'Recreate' }, { image: V2 }), [
    [3, 0, 0, [down('web-v1', 0, 3), up('web-v2', 3)], '0 of 3 updated replicas are available...'],
    [3, 0, 3, [], 'done'],
  ], { strategy: 'Recreate', maxSurge: 0, maxUnavailable: 0, downtimeSteps: [0], revision: 2, newRevision: true });
  const dep = stored(result.objects[0]!);
  assert.deepEqual(dep.status.conditions.map((c) => [c.type, c.status, c.reason]), [
    ['Available', 'True', 'MinimumReplicasAvailable'],
    ['Progressing', 'True', 'NewReplicaSetAvailable'],
  ]);
});

test('Recreate with a replicas-only change is a plain scaling event', () => {
  checkDeployment(liveAt({ replicas: 3, strategy: 'Recreate' }, { replicas: 4 }), [
    [4, 0, 3, [up('web-v1', 4, 3)], '3 of 4 updated replicas are available...'],
    [4, 0, 4, [], 'done'],
  ], { newRevision: false, downtimeSteps: [0] });
});

test('K31: a template change while paused creates no ReplicaSet; rollout status waits forever', () => {
  const { result, rollout } = checkDeployment(liveAt({ replicas: 3, paused: true }, { image: V2 }), [
    [0, 3, 3, [], '0 out of 3 new replicas have been updated...'],
  ], { paused: true, newRevision: false, revision: 1, downtimeSteps: [] });
  assert.match(rollout.notes!.join('\n'), /paused.*kubectl rollout resume deployment\/web/);
  assert.deepEqual(result.objects.map((o) => o.kind), ['Deployment', 'ReplicaSet']);
  const dep = stored(result.objects[0]!);
  assert.equal(dep.metadata.annotations['deployment.kubernetes.io/revision'], '1');
  assert.equal(dep.status.observedGeneration, 2);
  assert.deepEqual(dep.status.conditions[1], { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
});

test('K31 then paused: false — the K5 table starts', () => {
  checkDeployment(liveAt({ replicas: 3, paused: true }, { image: V2, paused: false }), [
    [1, 3, 3, [up('web-v2', 1)], '1 out of 3 new replicas have been updated...'],
    [2, 2, 3, [down('web-v1', 2, 3), up('web-v2', 2, 1)], '2 out of 3 new replicas have been updated...'],
    [3, 1, 3, [down('web-v1', 1, 2), up('web-v2', 3, 2)], '1 old replicas are pending termination...'],
    [3, 0, 3, [down('web-v1', 0, 1)], 'done'],
  ], { newRevision: true, revision: 2 });
});

test('paused Deployments still scale (sync runs scaling only)', () => {
  checkDeployment(liveAt({ replicas: 3, paused: true }, { replicas: 1 }), [[1, 0, 1, [down('web-v1', 1, 3)], 'done']], { paused: true, newRevision: false });
});

test('a Deployment created paused gets no ReplicaSet at all', () => {
  const result = simulateController({ after: deployment({ replicas: 2, paused: true }), owned: [], nodes: [], k8sVersion: '1.35' })!;
  assert.deepEqual(result.objects.map((o) => o.kind), ['Deployment']);
  assert.equal((result.rollout as DeploymentRollout).steps[0]!.status, 'Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...');
});

test('K2: nothing changed → no rollout, objects carry the state unchanged', () => {
  const result = simulateController(liveAt({ replicas: 3 }, {}))!;
  assert.equal(result.rollout, undefined);
  assert.deepEqual(result.deleted, []);
  assert.deepEqual(result.objects.map((o) => [o.kind, stored(o).spec.replicas]), [['Deployment', 3], ['ReplicaSet', 3]]);
});

test('K4: a Deployment label or annotation change rolls nothing; annotations are copied onto the ReplicaSet, labels are not', () => {
  const input = liveAt({ replicas: 3 }, { annotations: { team: 'payments' } });
  (input.after.metadata as Record<string, unknown>).labels = { tier: 'front' };
  const result = simulateController(input)!;
  assert.equal(result.rollout, undefined);
  const rs = stored(result.objects[1]!);
  assert.equal(rs.metadata.annotations.team, 'payments');
  assert.equal(rs.metadata.labels.tier, undefined);
});

test('K28: cpu "0.5" against live 500m is semantically the same template: no rollout', () => {
  const before = podTemplate(V1, undefined, { resources: { requests: { cpu: '500m', memory: '1Gi' } } });
  const after = podTemplate(V1, undefined, { resources: { requests: { cpu: '0.5', memory: '1024Mi' } } });
  assert.equal(simulateController(liveAt({ replicas: 2, template: before }, { template: after }))!.rollout, undefined);
  const changed = podTemplate(V1, undefined, { resources: { requests: { cpu: '0.6', memory: '1024Mi' } } });
  assert.ok(simulateController(liveAt({ replicas: 2, template: before }, { template: changed }))!.rollout);
});
