/** What `kubectl rollout status` prints for a state (reference §3.9, §4.3, §5), without the trailing newline. */

export interface DeploymentCounts {
  replicas: number;
  /** status.updatedReplicas: pods of the new ReplicaSet. */
  updated: number;
  /** status.replicas: pods of every ReplicaSet. */
  total: number;
  available: number;
}

export function deploymentStatusLine(name: string, c: DeploymentCounts): string {
  const waiting = `Waiting for deployment "${name}" rollout to finish: `;
  if (c.updated < c.replicas) return `${waiting}${c.updated} out of ${c.replicas} new replicas have been updated...`;
  if (c.total > c.updated) return `${waiting}${c.total - c.updated} old replicas are pending termination...`;
  if (c.available < c.updated) return `${waiting}${c.available} of ${c.updated} updated replicas are available...`;
  return `deployment "${name}" successfully rolled out`;
}

export interface StatefulSetCounts {
  replicas: number;
  ready: number;
  updated: number;
  partition: number;
  onDelete: boolean;
}

export function statefulSetStatusLine(c: StatefulSetCounts): string {
  if (c.onDelete) return 'error: rollout status is only available for RollingUpdate strategy type';
  if (c.ready < c.replicas) return `Waiting for ${c.replicas - c.ready} pods to be ready...`;
  // Defaulting always sets a partition, so the viewer always takes its partitioned branch.
  if (c.updated < c.replicas - c.partition) {
    return `Waiting for partitioned roll out to finish: ${c.updated} out of ${c.replicas - c.partition} new pods have been updated...`;
  }
  return `partitioned roll out complete: ${c.updated} new pods have been updated...`;
}

export interface DaemonSetCounts {
  desired: number;
  updated: number;
  available: number;
  onDelete: boolean;
}

export function daemonSetStatusLine(name: string, c: DaemonSetCounts): string {
  if (c.onDelete) return 'error: rollout status is only available for RollingUpdate strategy type';
  const waiting = `Waiting for daemon set "${name}" rollout to finish: `;
  if (c.updated < c.desired) return `${waiting}${c.updated} out of ${c.desired} new pods have been updated...`;
  if (c.available < c.desired) return `${waiting}${c.available} of ${c.desired} updated pods are available...`;
  return `daemon set "${name}" successfully rolled out`;
}
