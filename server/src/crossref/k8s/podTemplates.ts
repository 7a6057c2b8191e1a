import type { PathSegment } from '../../documents/yamlPath';

// Where each pod-bearing kind keeps its pod template (an object with metadata + spec).
const TEMPLATE_PATHS: Record<string, PathSegment[][]> = {
  Deployment: [['spec', 'template']],
  ReplicaSet: [['spec', 'template']],
  StatefulSet: [['spec', 'template']],
  DaemonSet: [['spec', 'template']],
  ReplicationController: [['spec', 'template']],
  Job: [['spec', 'template']],
  CronJob: [['spec', 'jobTemplate', 'spec', 'template']],
  PodTemplate: [['template']],
  DeploymentConfig: [['spec', 'template']],
  Rollout: [['spec', 'template']],
};

/** Paths of the pod templates of a kind; a Pod is its own template (path []). */
export function podTemplatePaths(kind: string): PathSegment[][] {
  if (kind === 'Pod') return [[]];
  return TEMPLATE_PATHS[kind] ?? [];
}

/**
 * Labels controllers add to the pods they create (crossref-rules §2.3): a selector whose
 * unmatched keys are all among these may match at runtime.
 */
export const RUNTIME_LABELS = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'pod-template-generation',
  'job-name',
  'batch.kubernetes.io/job-name',
  'controller-uid',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-completion-index',
]);
