import { byCreation, isActive, isComplete, scaleIfNeeded, sum, type DeploymentSim, type SimReplicaSet } from './deploymentModel';
import { cleanupHistory, getReplicaSets, newReplicaSetReplicas } from './replicaSets';

/**
 * `rolloutRolling` (reference §3.5): one action per sync — grow the new ReplicaSet within
 * R + maxSurge, else shrink old ones while at least R − maxUnavailable pods stay available.
 */
export function rolloutRolling(sim: DeploymentSim): void {
  const { newRS, olds } = getReplicaSets(sim, true);
  if (!newRS) return;
  const all = [...olds, newRS];
  if (reconcileNewReplicaSet(sim, all, newRS)) return;
  if (reconcileOldReplicaSets(sim, all, olds.filter(isActive), newRS)) return;
  if (isComplete(sim, newRS)) cleanupHistory(sim, olds);
}

function reconcileNewReplicaSet(sim: DeploymentSim, all: SimReplicaSet[], newRS: SimReplicaSet): boolean {
  const R = sim.d.replicas;
  if (newRS.replicas === R) return false;
  if (newRS.replicas > R) return scaleIfNeeded(sim, newRS, R);
  return scaleIfNeeded(sim, newRS, newReplicaSetReplicas(sim.d, all, newRS));
}

function reconcileOldReplicaSets(sim: DeploymentSim, all: SimReplicaSet[], activeOlds: SimReplicaSet[], newRS: SimReplicaSet): boolean {
  if (sum(activeOlds, (rs) => rs.replicas) === 0) return false;
  const minAvailable = sim.d.replicas - sim.d.maxUnavailable;
  // Spec counts, not pods: pods the ReplicaSets are about to create count as unavailable.
  const newUnavailable = newRS.replicas - newRS.available;
  const maxScaledDown = sum(all, (rs) => rs.replicas) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(sim, activeOlds, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSets(sim, all, activeOlds, minAvailable);
  return cleaned + scaledDown > 0;
}

/** Old pods that are not available go first: removing them costs no availability. */
function cleanupUnhealthyReplicas(sim: DeploymentSim, olds: SimReplicaSet[], budget: number): number {
  let removed = 0;
  for (const rs of [...olds].sort(byCreation)) {
    if (removed >= budget) break;
    if (rs.replicas === 0 || rs.replicas === rs.available) continue;
    const count = Math.min(budget - removed, rs.replicas - rs.available);
    scaleIfNeeded(sim, rs, rs.replicas - count);
    removed += count;
  }
  return removed;
}

/** Then healthy old pods, oldest ReplicaSet first, down to exactly minAvailable available pods. */
function scaleDownOldReplicaSets(sim: DeploymentSim, all: SimReplicaSet[], olds: SimReplicaSet[], minAvailable: number): number {
  const available = sum(all, (rs) => rs.available);
  if (available <= minAvailable) return 0;
  const toScaleDown = available - minAvailable;
  let removed = 0;
  for (const rs of [...olds].sort(byCreation)) {
    if (removed >= toScaleDown) break;
    if (rs.replicas === 0) continue;
    const count = Math.min(rs.replicas, toScaleDown - removed);
    scaleIfNeeded(sim, rs, rs.replicas - count);
    removed += count;
  }
  return removed;
}
