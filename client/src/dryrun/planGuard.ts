/**
 * The shape of a plan result (server/src/shared/dryrunPlan.ts, protocol.ts) checked at run time, so the
 * webview renders only what it understands. Unknown extra fields are allowed: the contract may grow
 * optional fields before the panel learns about them.
 */
import type {
  ComposeContainerPlan,
  ComposeProjectPlan,
  ComposeServicePlan,
  DaemonSetNode,
  DaemonSetRollout,
  DaemonSetStep,
  DeploymentRollout,
  DeploymentStep,
  FieldChange,
  JobRollout,
  ObjectPlan,
  Plan,
  Rollout,
  SourceLocation,
  StatefulSetPod,
  StatefulSetRollout,
  StatefulSetStep,
} from '../../../server/src/shared/dryrunPlan';
import type { DryRunRequest, DryRunTarget } from '../../../server/src/shared/protocol';
import { arrayOf, isAny, isBoolean, isCount, isEmptyArray, isNumber, isString, literal, oneOf, record, type Guard } from './guards';

const strings = arrayOf(isString);

export const isSourceLocation: Guard<SourceLocation> = record({ uri: isString, line: isCount, character: isCount });

export const isDryRunTarget: Guard<DryRunTarget> = record({ scope: literal('file', 'folder', 'workspace') }, { uri: isString });

const isFieldChange: Guard<FieldChange> = record({ path: isString }, { from: isAny, to: isAny });

const isObjectPlan: Guard<ObjectPlan> = record(
  {
    kind: isString,
    apiVersion: isString,
    name: isString,
    action: literal('created', 'configured', 'unchanged', 'pruned', 'rejected'),
    message: isString,
    diff: arrayOf(isFieldChange),
  },
  { namespace: isString, warnings: strings, source: isSourceLocation },
);

const isDeploymentStep: Guard<DeploymentStep> = record({ t: isCount, new: isCount, old: isCount, available: isCount, events: strings, status: isString });

const isDeploymentRollout: Guard<DeploymentRollout> = record(
  {
    kind: literal('Deployment'),
    namespace: isString,
    name: isString,
    strategy: literal('RollingUpdate', 'Recreate'),
    maxSurge: isCount,
    maxUnavailable: isCount,
    newRevision: isBoolean,
    revision: isCount,
    replicas: isCount,
    downtimeSteps: arrayOf(isCount),
    steps: arrayOf(isDeploymentStep),
  },
  { paused: isBoolean, notes: strings },
);

const isStatefulSetPod: Guard<StatefulSetPod> = record({ ordinal: isCount, revision: literal('current', 'update'), ready: isBoolean });

const isStatefulSetStep: Guard<StatefulSetStep> = record(
  { t: isCount, pods: arrayOf(isStatefulSetPod), updated: isCount, ready: isCount, status: isString },
  { events: strings },
);

const isStatefulSetRollout: Guard<StatefulSetRollout> = record(
  {
    kind: literal('StatefulSet'),
    namespace: isString,
    name: isString,
    podManagementPolicy: literal('OrderedReady', 'Parallel'),
    updateStrategy: literal('RollingUpdate', 'OnDelete'),
    partition: isCount,
    maxUnavailable: isCount,
    replicas: isCount,
    newRevision: isBoolean,
    steps: arrayOf(isStatefulSetStep),
  },
  { notes: strings },
);

const isDaemonSetNode: Guard<DaemonSetNode> = record({ node: isString, pods: strings });

const isDaemonSetStep: Guard<DaemonSetStep> = record({
  t: isCount,
  updated: isCount,
  old: isCount,
  available: isCount,
  nodes: arrayOf(isDaemonSetNode),
  status: isString,
});

const isDaemonSetRollout: Guard<DaemonSetRollout> = record(
  {
    kind: literal('DaemonSet'),
    namespace: isString,
    name: isString,
    maxSurge: isCount,
    maxUnavailable: isCount,
    desired: isCount,
    newRevision: isBoolean,
    steps: arrayOf(isDaemonSetStep),
  },
  { notes: strings },
);

const isJobRollout: Guard<JobRollout> = record({ kind: literal('Job', 'CronJob'), namespace: isString, name: isString, summary: isString, steps: isEmptyArray });

const isRollout: Guard<Rollout> = oneOf(isDeploymentRollout, isStatefulSetRollout, isDaemonSetRollout, isJobRollout);

const isComposeContainerPlan: Guard<ComposeContainerPlan> = record({
  name: isString,
  number: isNumber,
  action: literal('create', 'recreate', 'running', 'start', 'remove'),
  progress: strings,
});

const isComposeServicePlan: Guard<ComposeServicePlan> = record(
  { name: isString, action: literal('create', 'recreate', 'running', 'scale', 'start'), containers: arrayOf(isComposeContainerPlan) },
  { reason: isString, waits: strings },
);

const isComposeProjectPlan: Guard<ComposeProjectPlan> = record(
  { project: isString, services: arrayOf(isComposeServicePlan), orphans: strings, startOrder: strings, warnings: strings },
  { file: isString, removedOrphans: arrayOf(isComposeContainerPlan), resources: strings, errors: strings, log: strings },
);

export const isPlan: Guard<Plan> = record({
  objects: arrayOf(isObjectPlan),
  rollouts: arrayOf(isRollout),
  compose: arrayOf(isComposeProjectPlan),
  pruneSkipped: isBoolean,
});

export const isDryRunResult: Guard<DryRunRequest.Result> = record(
  { plan: isPlan, environment: isString, environments: strings, stateFile: isString, files: isCount, kubernetesVersion: isString },
  { stateError: isString },
);
