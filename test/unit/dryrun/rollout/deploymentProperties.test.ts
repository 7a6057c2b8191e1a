import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveFenceposts } from '../../../../server/src/dryrun/rollout/fenceposts';
import { isZeroIntOrPercent } from '../../../../server/src/dryrun/rollout/intOrPercent';
import { simulateController } from '../../../../server/src/dryrun/rollout/simulateController';
import type { DeploymentRollout } from '../../../../server/src/shared/dryrunPlan';
import { V2, liveAt, prng } from './fixtures';

// Random RollingUpdate Deployments (seeded), each rolled from a single fully available ReplicaSet.

const CASES = 400;

function randomCase(random: () => number) {
  const int = (max: number) => Math.floor(random() * (max + 1));
  const intOrPercent = (max: number) => (random() < 0.5 ? int(max) : `${int(100)}%`);
  for (;;) {
    const replicas = int(50);
    const previous = random() < 0.5 ? replicas : int(50);
    const maxSurge = intOrPercent(replicas + 3);
    const maxUnavailable = random() < 0.5 ? int(replicas) : `${int(100)}%`;
    // Validation rejects maxSurge and maxUnavailable both zero.
    if (isZeroIntOrPercent(maxSurge) && isZeroIntOrPercent(maxUnavailable)) continue;
    return { replicas, previous, maxSurge, maxUnavailable };
  }
}

test(`property: ${CASES} random rollouts respect surge and availability bounds and end at (R, 0, R)`, () => {
  const random = prng(20260801);
  for (let i = 0; i < CASES; i++) {
    const c = randomCase(random);
    const label = JSON.stringify(c);
    const input = liveAt({ replicas: c.previous, maxSurge: c.maxSurge, maxUnavailable: c.maxUnavailable }, { replicas: c.replicas, image: V2 });
    const rollout = simulateController(input)!.rollout as DeploymentRollout;
    assert.ok(rollout, label);
    const R = c.replicas;
    const { maxSurge, maxUnavailable } = rollout;
    const resolved = resolveFenceposts(c.maxSurge, c.maxUnavailable, R);
    assert.equal(maxSurge, resolved.maxSurge, label);
    assert.equal(maxUnavailable, R === 0 ? 0 : Math.min(resolved.maxUnavailable, R), label);
    const floor = Math.min(R - maxUnavailable, c.previous);
    for (const step of rollout.steps) {
      assert.ok(step.new + step.old <= R + maxSurge, `${label} t${step.t}: ${step.new}+${step.old} > ${R}+${maxSurge}`);
      assert.ok(step.available >= floor, `${label} t${step.t}: available ${step.available} < ${floor}`);
    }
    const last = rollout.steps.at(-1)!;
    assert.deepEqual([last.new, last.old, last.available], [R, 0, R], label);
    assert.ok(rollout.steps.length <= R + 3, `${label}: ${rollout.steps.length} steps`);
    assert.equal(rollout.notes, undefined, label);
    assert.deepEqual(
      rollout.downtimeSteps,
      rollout.steps.filter((s) => s.available < R - maxUnavailable || (s.available === 0 && R > 0)).map((s) => s.t),
      label,
    );
  }
});
