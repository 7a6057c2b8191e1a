import assert from 'node:assert/strict';
import type { DeploymentRollout } from '../../../../server/src/shared/dryrunPlan';
import { simulateController, type ControllerInput, type ControllerResult } from '../../../../server/src/dryrun/rollout/simulateController';
import { aliasesOf, deploymentStatus } from './fixtures';

/** One row of a reference table: new RS replicas, old RS replicas, available, events, status (abbreviated). */
export type Row = [newRS: number, oldRS: number, available: number, events: string[], status: string];

export interface Checked {
  rollout: DeploymentRollout;
  result: ControllerResult;
}

/** Runs the controller and compares every step with the table (ReplicaSet names shown as web-v1, web-v2 …). */
export function checkDeployment(input: ControllerInput, rows: Row[], expected: Partial<DeploymentRollout> = {}): Checked {
  const result = simulateController(input);
  assert.ok(result, 'a Deployment has a controller');
  const rollout = result.rollout as DeploymentRollout | undefined;
  assert.ok(rollout, 'a rollout');
  assert.equal(rollout.kind, 'Deployment');
  const aliases = aliasesOf([...result.objects, ...result.deleted]);
  const rename = (event: string) => event.replace(/web-[a-z0-9]+/g, (name) => aliases.get(name) ?? name);
  assert.deepEqual(
    rollout.steps.map((s, i) => [s.t - i, s.new, s.old, s.available, s.events.map(rename), s.status]),
    rows.map(([n, o, a, events, status]) => [0, n, o, a, events, deploymentStatus(status)]),
  );
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(rollout[key as keyof DeploymentRollout], value, key);
  return { rollout, result };
}
