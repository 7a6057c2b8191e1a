import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../../../server/src/dryrun/kobject';
import { simulateController, type ControllerInput } from '../../../../server/src/dryrun/rollout/simulateController';
import { templateHash } from '../../../../server/src/dryrun/rollout/templateHash';
import type { DeploymentRollout } from '../../../../server/src/shared/dryrunPlan';
import { checkDeployment, type Row } from './deploymentCheck';
import { V1, V2, V3, deployment, down, liveAt, replicaSet, stored, up, type DeploymentFixture } from './fixtures';

const REV = 'deployment.kubernetes.io/revision';

/** K5's table with any two ReplicaSet names. */
function k5(newRS: string, oldRS: string, created: boolean): Row[] {
  return [
    [1, 3, 3, [created ? up(newRS, 1) : up(newRS, 1, 0)], '1 out of 3 new replicas have been updated...'],
    [2, 2, 3, [down(oldRS, 2, 3), up(newRS, 2, 1)], '2 out of 3 new replicas have been updated...'],
    [3, 1, 3, [down(oldRS, 1, 2), up(newRS, 3, 2)], '1 old replicas are pending termination...'],
    [3, 0, 3, [down(oldRS, 0, 1)], 'done'],
  ];
}

/** Live: web-v1 (revision 1, scaled to 0, older) and web-v2 (revision 2, 3 pods); the Deployment at `image`. */
function twoRevisions(change: DeploymentFixture): ControllerInput {
  const live = deployment({ replicas: 3, annotations: { [REV]: '2' }, ...change, image: V2 });
  const v1 = replicaSet(deployment({ image: V1 }), { name: 'web-v1', revision: 1, replicas: 0, desired: 3, maxReplicas: 4, creationTimestamp: '2025-01-01T00:00:00Z' });
  const v2 = replicaSet(live, { name: 'web-v2', revision: 2, replicas: 3, creationTimestamp: '2025-01-02T00:00:00Z' });
  const after = deployment({ replicas: 3, generation: 2, annotations: { [REV]: '2' }, ...change });
  return { before: live, after, owned: [v1, v2], nodes: [], k8sVersion: '1.35' };
}

test('reverting the template reuses the older ReplicaSet: revision 1 is renumbered 3 and kept in revision-history', () => {
  const { result, rollout } = checkDeployment(twoRevisions({ image: V1 }), k5('web-v1', 'web-v2', false), { newRevision: true, revision: 3 });
  assert.match(rollout.notes!.join('\n'), /Reuses ReplicaSet web-v1.*revision 1 becomes 3/);
  const byName = new Map(result.objects.map((o) => [stored(o).metadata.name, stored(o)]));
  assert.equal(byName.get('web')!.metadata.annotations[REV], '3');
  assert.equal(byName.get('web-v1')!.metadata.annotations[REV], '3');
  assert.equal(byName.get('web-v1')!.metadata.annotations['deployment.kubernetes.io/revision-history'], '1');
  assert.equal(byName.get('web-v2')!.metadata.annotations[REV], '2');
  assert.deepEqual(result.objects.map((o) => stored(o).metadata.name), ['web', 'web-v2', 'web-v1'], 'ReplicaSets by revision');
});

test('history cleanup: revisionHistoryLimit 1 deletes the lowest revision scaled to 0 once complete', () => {
  const { result, rollout } = checkDeployment(twoRevisions({ image: V3, revisionHistoryLimit: 1 }), k5('web-v3', 'web-v2', true), { revision: 3 });
  assert.deepEqual(result.deleted.map((o) => stored(o).metadata.name), ['web-v1']);
  assert.deepEqual(result.objects.filter((o) => o.kind === 'ReplicaSet').map((o) => stored(o).spec.replicas), [0, 3]);
  assert.match(rollout.notes!.join('\n'), /web-v1 \(revision 1\) deleted: beyond revisionHistoryLimit 1/);
});

test('revisionHistoryLimit 0 deletes the old ReplicaSet as soon as the rollout completes', () => {
  const { result } = checkDeployment(liveAt({ replicas: 3, revisionHistoryLimit: 0 }, { image: V2 }), k5('web-v2', 'web-v1', true));
  assert.deepEqual(result.deleted.map((o) => stored(o).metadata.name), ['web-v1']);
  assert.equal(result.objects.filter((o) => o.kind === 'ReplicaSet').length, 1);
});

test('a hash collision (name taken by another template) bumps status.collisionCount and hashes again', () => {
  const input = liveAt({ replicas: 3 }, { image: V2 });
  const taken = `web-${templateHash(stored(input.after).spec.template)}`;
  input.owned = [replicaSet(input.before!, { name: taken, revision: 1, replicas: 3, maxReplicas: 4 })];
  const { result, rollout } = checkDeployment(input, k5('web-v2', 'web-v1', true));
  const names = result.objects.filter((o) => o.kind === 'ReplicaSet').map((o) => stored(o).metadata.name);
  assert.deepEqual(names, [taken, `web-${templateHash(stored(input.after).spec.template, 1)}`]);
  assert.equal(stored(result.objects[0]!).status.collisionCount, 1);
  assert.match(rollout.notes!.join('\n'), /collisionCount is now 1/);
});

test('a state imported without ReplicaSets gets the current one synthesised from before (revision from its annotation)', () => {
  const before = deployment({ replicas: 3, annotations: { [REV]: '4' } });
  const after = deployment({ replicas: 3, image: V2, generation: 2, annotations: { [REV]: '4' } });
  const { result } = checkDeployment({ before, after, owned: [], nodes: [], k8sVersion: '1.35' }, k5('web-v2', 'web-v1', true), { revision: 5 });
  const sets = result.objects.filter((o) => o.kind === 'ReplicaSet').map(stored);
  assert.deepEqual(sets.map((rs) => [rs.metadata.annotations[REV], rs.spec.replicas, rs.spec.template.spec.containers[0].image]), [['4', 0, V1], ['5', 3, V2]]);
  assert.equal(sets[0]!.metadata.name, `web-${templateHash(stored(before).spec.template)}`);
});

test('commit round-trip: the objects fed back as before/owned give no rollout; the next change rolls from them', () => {
  const created = simulateController({ after: deployment({ replicas: 3 }), owned: [], nodes: [], k8sVersion: '1.35' })!;
  const [dep, ...owned] = created.objects as [KObject, ...KObject[]];
  for (const after of [dep, deployment({ replicas: 3 })]) {
    const again = simulateController({ before: dep, after, owned, nodes: [], k8sVersion: '1.35' })!;
    assert.equal(again.rollout, undefined);
    assert.deepEqual(again.objects.slice(1), owned);
  }
  const rolled = simulateController({ before: dep, after: deployment({ replicas: 3, image: V2, generation: 2, annotations: { [REV]: '1' } }), owned, nodes: [], k8sVersion: '1.35' })!;
  const rollout = rolled.rollout as DeploymentRollout;
  assert.deepEqual(rollout.steps.map((s) => [s.new, s.old, s.available]), [[1, 3, 3], [2, 2, 3], [3, 1, 3], [3, 0, 3]]);
  assert.equal(rollout.revision, 2);
  const [dep2, ...owned2] = rolled.objects as [KObject, ...KObject[]];
  const back = simulateController({ before: dep2, after: deployment({ replicas: 3, generation: 3, annotations: { [REV]: '2' } }), owned: owned2, nodes: [], k8sVersion: '1.35' })!;
  assert.equal((back.rollout as DeploymentRollout).revision, 3);
  assert.equal((back.rollout as DeploymentRollout).steps[0]!.events[0], `Scaled up replica set ${stored(owned[0]!).metadata.name} to 1 from 0`);
});

test('K12: scaling 10 → 15 during a rollout shares the 5 extra pods proportionally: old 8 → 11, new 5 → 7', () => {
  const live = deployment({ replicas: 10, image: V2, maxSurge: 3, maxUnavailable: 2, annotations: { [REV]: '2' } });
  const v1 = replicaSet(deployment({ image: V1 }), { name: 'web-v1', revision: 1, replicas: 8, desired: 10, maxReplicas: 13, creationTimestamp: '2025-01-01T00:00:00Z' });
  const v2 = replicaSet(live, { name: 'web-v2', revision: 2, replicas: 5, desired: 10, maxReplicas: 13, creationTimestamp: '2025-01-02T00:00:00Z' });
  const after = deployment({ replicas: 15, image: V2, maxSurge: 3, maxUnavailable: 2, generation: 2, annotations: { [REV]: '2' } });
  const rollout = simulateController({ before: live, after, owned: [v1, v2], nodes: [], k8sVersion: '1.35' })!.rollout as DeploymentRollout;
  assert.deepEqual(rollout.steps[0]!.events.slice(0, 2), [up('web-v1', 11, 8), up('web-v2', 7, 5)]);
  const last = rollout.steps.at(-1)!;
  assert.deepEqual([last.new, last.old, last.available], [15, 0, 15]);
  assert.equal(rollout.newRevision, false);
});
