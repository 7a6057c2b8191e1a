import {
  DESIRED_REPLICAS, MAX_REPLICAS, annotationInt, isActive, podsOf, scaleIfNeeded, scaleReplicaSet, sum,
  type DeploymentSim, type SimReplicaSet,
} from './deploymentModel';

/**
 * `scale` (reference §3.7): a scaling event. One active ReplicaSet takes the whole new count;
 * several share it in proportion to their size (the surplus or deficit going to the largest).
 */
export function scaleDeployment(sim: DeploymentSim, newRS: SimReplicaSet | undefined, olds: SimReplicaSet[]): void {
  const R = sim.d.replicas;
  const activeOrLatest = findActiveOrLatest(newRS, olds);
  if (activeOrLatest) {
    scaleIfNeeded(sim, activeOrLatest, R);
    return;
  }
  if (newRS && isSaturated(R, newRS)) {
    for (const rs of olds.filter(isActive)) scaleIfNeeded(sim, rs, 0);
    return;
  }
  if (sim.d.strategy !== 'RollingUpdate') return;
  const active = [...olds, ...(newRS ? [newRS] : [])].filter(isActive);
  const allowed = R > 0 ? R + sim.d.maxSurge : 0;
  const toAdd = allowed - sum(active, (rs) => rs.replicas);
  // Largest first; among equals the newest gets added pods first and the oldest loses them first.
  active.sort((a, b) => b.replicas - a.replicas || (toAdd > 0 ? b.created - a.created : a.created - b.created));
  const sizes = new Map<SimReplicaSet, number>();
  let added = 0;
  for (const rs of active) {
    const proportion = toAdd === 0 ? 0 : proportionOf(sim, rs, toAdd, added);
    sizes.set(rs, rs.replicas + proportion);
    added += proportion;
  }
  for (const [i, rs] of active.entries()) {
    let size = sizes.get(rs)!;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    scaleReplicaSet(sim, rs, size);
  }
}

/** `FindActiveOrLatest`: the only active ReplicaSet, or with none active the new (else newest old) one. */
function findActiveOrLatest(newRS: SimReplicaSet | undefined, olds: SimReplicaSet[]): SimReplicaSet | undefined {
  const all = [...olds, ...(newRS ? [newRS] : [])];
  const active = all.filter(isActive);
  if (active.length === 1) return active[0];
  if (active.length > 1 || all.length === 0) return undefined;
  return newRS ?? [...olds].sort((a, b) => b.created - a.created)[0];
}

function isSaturated(R: number, rs: SimReplicaSet): boolean {
  return rs.replicas === R && annotationInt(rs, DESIRED_REPLICAS) === R && rs.available === R;
}

/** `GetProportion`: the ReplicaSet's share of `toAdd`, never past what is left to add (or remove). */
function proportionOf(sim: DeploymentSim, rs: SimReplicaSet, toAdd: number, added: number): number {
  if (rs.replicas === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(sim, rs);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(sim: DeploymentSim, rs: SimReplicaSet): number {
  const R = sim.d.replicas;
  if (R === 0) return -rs.replicas;
  const maxNow = R + sim.d.maxSurge;
  let maxBefore = annotationInt(rs, MAX_REPLICAS) ?? 0;
  if (maxBefore === 0) maxBefore = sum(sim.sets, podsOf); // the Deployment's status.replicas
  if (maxBefore === 0) return 0;
  // round(replicas × maxNow / maxBefore), halves away from zero, in exact integers.
  const numerator = rs.replicas * maxNow;
  return Math.floor((2 * numerator + maxBefore) / (2 * maxBefore)) - rs.replicas;
}
