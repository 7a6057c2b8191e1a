import { isActive, isComplete, podsOf, scaleIfNeeded, type DeploymentSim } from './deploymentModel';
import { cleanupHistory, getReplicaSets } from './replicaSets';

/**
 * `rolloutRecreate` (reference §3.6): every old ReplicaSet to 0, wait until no old pod runs,
 * only then create (or reuse) the new ReplicaSet at full size.
 */
export function rolloutRecreate(sim: DeploymentSim): void {
  let { newRS, olds } = getReplicaSets(sim, false);
  let scaledDown = false;
  for (const rs of olds.filter(isActive)) scaledDown = scaleIfNeeded(sim, rs, 0) || scaledDown;
  if (scaledDown) return;
  if (olds.some((rs) => podsOf(rs) > 0)) return;
  if (!newRS) ({ newRS, olds } = getReplicaSets(sim, true));
  if (!newRS) return;
  scaleIfNeeded(sim, newRS, sim.d.replicas);
  if (isComplete(sim, newRS)) cleanupHistory(sim, olds);
}
