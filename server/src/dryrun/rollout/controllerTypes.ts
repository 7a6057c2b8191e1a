import type { Rollout } from '../../shared/dryrunPlan';
import type { KObject } from '../kobject';

/** What every controller simulation takes and gives back (see simulateController.ts). */

export interface ControllerInput {
  /** The workload as it was live before the apply; undefined when the apply creates it. */
  before?: KObject;
  /** The workload as stored after the apply: merged and server-defaulted. */
  after: KObject;
  /** Live objects it owns (a Deployment's ReplicaSets); may be empty even when `before` exists. */
  owned: KObject[];
  /** Node names, for DaemonSets. */
  nodes: string[];
  /** Kubernetes minor version, e.g. '1.35'. */
  k8sVersion: string;
}

export interface ControllerResult {
  /** Undefined when nothing rolls (unchanged, label-only, …). */
  rollout?: Rollout;
  /** The workload after the rollout finished (status, controller annotations) and everything it owns afterwards. */
  objects: KObject[];
  /** Owned objects the controller removed (history beyond revisionHistoryLimit). */
  deleted: KObject[];
}
