/**
 * What a dry run of `kubectl apply` / `docker compose up` predicts: the JSON contract of
 * `shipshape plan --format json` and what the dry-run panel renders. Plain data, stable field names.
 */

export type ObjectAction = 'created' | 'configured' | 'unchanged' | 'pruned' | 'rejected';

/** One changed field, live → result; `from`/`to` are undefined (absent in JSON) when the field is added or removed. */
export interface FieldChange {
  /** Dotted path with list indices and merge keys, e.g. `spec.template.spec.containers[name=app].image`. */
  path: string;
  from?: unknown;
  to?: unknown;
}

/** Where an object came from in the input, so the panel can reveal the offending line. */
export interface SourceLocation {
  uri: string;
  /** 0-based line/character of the object's document start, or of the rejected field when known. */
  line: number;
  character: number;
}

export interface ObjectPlan {
  kind: string;
  apiVersion: string;
  /** Absent for cluster-scoped objects. */
  namespace?: string;
  name: string;
  action: ObjectAction;
  /** kubectl's own line (`deployment.apps/web configured`) or its error text for rejections. */
  message: string;
  diff: FieldChange[];
  /** Warnings kubectl or the server would print, and simulator notes (e.g. ConfigMap consumers not rolled). */
  warnings?: string[];
  source?: SourceLocation;
}

export interface DeploymentStep {
  t: number;
  /** New ReplicaSet's spec.replicas. */
  new: number;
  /** Sum of the old ReplicaSets' spec.replicas. */
  old: number;
  /** Available pods of all ReplicaSets. */
  available: number;
  /** `Scaled up replica set web-6d4cf56db6 to 1` and the like, in order. */
  events: string[];
  /** What `kubectl rollout status` prints at the end of the step. */
  status: string;
}

export interface DeploymentRollout {
  kind: 'Deployment';
  namespace: string;
  name: string;
  strategy: 'RollingUpdate' | 'Recreate';
  /** Resolved against the desired replicas (ResolveFenceposts). */
  maxSurge: number;
  maxUnavailable: number;
  /** Whether a new revision (ReplicaSet with a new template, or reuse of an older one) rolls out. */
  newRevision: boolean;
  revision: number;
  replicas: number;
  /** Steps in which fewer than replicas − maxUnavailable pods were available, or none at all (downtime). */
  downtimeSteps: number[];
  paused?: boolean;
  steps: DeploymentStep[];
  notes?: string[];
}

export interface StatefulSetPod {
  ordinal: number;
  revision: 'current' | 'update';
  ready: boolean;
}

export interface StatefulSetStep {
  t: number;
  pods: StatefulSetPod[];
  updated: number;
  ready: number;
  events?: string[];
  status: string;
}

export interface StatefulSetRollout {
  kind: 'StatefulSet';
  namespace: string;
  name: string;
  podManagementPolicy: 'OrderedReady' | 'Parallel';
  updateStrategy: 'RollingUpdate' | 'OnDelete';
  partition: number;
  maxUnavailable: number;
  replicas: number;
  newRevision: boolean;
  steps: StatefulSetStep[];
  notes?: string[];
}

export interface DaemonSetNode {
  node: string;
  /** Pods on the node after the step: `old`, `new` (ready), `new*` (created this step, not yet available). */
  pods: string[];
}

export interface DaemonSetStep {
  t: number;
  updated: number;
  old: number;
  available: number;
  nodes: DaemonSetNode[];
  status: string;
}

export interface DaemonSetRollout {
  kind: 'DaemonSet';
  namespace: string;
  name: string;
  maxSurge: number;
  maxUnavailable: number;
  desired: number;
  newRevision: boolean;
  steps: DaemonSetStep[];
  notes?: string[];
}

/** Jobs and CronJobs do not roll: the verdict says what happens to running and future Jobs. */
export interface JobRollout {
  kind: 'Job' | 'CronJob';
  namespace: string;
  name: string;
  summary: string;
  steps: [];
}

export type Rollout = DeploymentRollout | StatefulSetRollout | DaemonSetRollout | JobRollout;

export type ComposeServiceAction = 'create' | 'recreate' | 'running' | 'scale' | 'start';

export interface ComposeContainerPlan {
  name: string;
  number: number;
  /** What happens to this container: docker compose's progress words. */
  action: 'create' | 'recreate' | 'running' | 'start' | 'remove';
  /** Progress lines as `docker compose up` prints them for this container. */
  progress: string[];
}

export interface ComposeServicePlan {
  name: string;
  action: ComposeServiceAction;
  /** Why (e.g. "config changed: image", "scaled 1 → 3"). */
  reason?: string;
  containers: ComposeContainerPlan[];
  /** Lines printed while the service waits for its dependencies before starting (`Container demo-db-1  Waiting`, `…  Healthy`). */
  waits?: string[];
}

export interface ComposeProjectPlan {
  project: string;
  /** The compose file the plan is for. */
  file?: string;
  services: ComposeServicePlan[];
  orphans: string[];
  /** Orphan containers stopped and removed (`--remove-orphans`), with their progress lines. */
  removedOrphans?: ComposeContainerPlan[];
  /** Service names in the order they are started (dependencies first). */
  startOrder: string[];
  /** Networks and volumes created: `Network demo_default  Created`. */
  resources?: string[];
  warnings: string[];
  /** Failures that stop `up` (cycles, failed dependencies, load errors). */
  errors?: string[];
  /** Every progress line in the order `up` prints them: resources, orphans, create phase, start phase. */
  log?: string[];
}

export interface Plan {
  objects: ObjectPlan[];
  rollouts: Rollout[];
  compose: ComposeProjectPlan[];
  /** True when --prune was asked and skipped because something failed. */
  pruneSkipped: boolean;
}
