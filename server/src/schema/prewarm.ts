import type { KubernetesSchemas } from './kubernetesSchemas';
import { inIdleSlices } from '../idleSlices';

// The kinds most manifests are made of; compiling their validators while the editor is idle
// takes the one-off schema compile (≈0.3 s for a Deployment) out of the first validation.
const COMMON_KINDS = [
  'apps/v1/Deployment',
  'v1/Service',
  'v1/ConfigMap',
  'v1/Secret',
  'apps/v1/StatefulSet',
  'networking.k8s.io/v1/Ingress',
  'v1/ServiceAccount',
  'v1/PersistentVolumeClaim',
  'apps/v1/DaemonSet',
  'batch/v1/Job',
  'batch/v1/CronJob',
  'v1/Pod',
];

/** Compiles the common kinds one per macrotask, so requests arriving meanwhile are not held up long. */
export function prewarmValidators(schemas: KubernetesSchemas, version: string): void {
  void inIdleSlices(COMMON_KINDS.length, (i) => {
    const kind = COMMON_KINDS[i]!;
    const slash = kind.lastIndexOf('/');
    try {
      schemas.forVersion(version).validator(kind.slice(0, slash), kind.slice(slash + 1));
    } catch {
      // a failed warm-up only means the first real validation compiles it (and reports the problem)
    }
  });
}
