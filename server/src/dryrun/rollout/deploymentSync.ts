import { DESIRED_REPLICAS, annotationInt, isActive, type DeploymentSim } from './deploymentModel';
import { rolloutRecreate } from './recreate';
import { cleanupHistory, getReplicaSets } from './replicaSets';
import { rolloutRolling } from './rolling';
import { scaleDeployment } from './scaling';

/**
 * One `syncDeployment` (reference §3.3). Returns whether it wrote anything; the caller repeats it
 * until it does not (a step runs the controller to quiescence, §0.2).
 */
export function syncDeployment(sim: DeploymentSim): boolean {
  const writes = sim.writes;
  if (sim.d.paused || isScalingEvent(sim)) syncScaleOnly(sim);
  else if (sim.d.strategy === 'Recreate') rolloutRecreate(sim);
  else rolloutRolling(sim);
  return sim.writes !== writes;
}

/** `sync`: scaling only, never a new ReplicaSet; a paused Deployment also cleans up its history here. */
function syncScaleOnly(sim: DeploymentSim): void {
  const { newRS, olds } = getReplicaSets(sim, false);
  scaleDeployment(sim, newRS, olds);
  if (sim.d.paused) cleanupHistory(sim, getReplicaSets(sim, false).olds);
}

/** An active ReplicaSet whose desired-replicas annotation differs from spec.replicas (the uncreated new one does not count). */
function isScalingEvent(sim: DeploymentSim): boolean {
  const { newRS, olds } = getReplicaSets(sim, false);
  return [...olds, ...(newRS ? [newRS] : [])].filter(isActive).some((rs) => {
    const desired = annotationInt(rs, DESIRED_REPLICAS);
    return desired !== undefined && desired !== sim.d.replicas;
  });
}
