import { child, isRecord, type JsonMap } from '../jsonValue';
import { defaultPodTemplate } from './podDefaults';

/** apps/v1 and batch/v1 defaults (`SetDefaults_Deployment`, `_StatefulSet`, `_DaemonSet`, `_Job`, `_CronJob`). */

export function defaultDeployment(object: JsonMap): void {
  const spec = child(object, 'spec');
  spec.replicas ??= 1;
  const strategy = child(spec, 'strategy');
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = child(strategy, 'rollingUpdate');
    rollingUpdate.maxUnavailable ??= '25%';
    rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplate(child(spec, 'template'));
}

export function defaultStatefulSet(object: JsonMap, minor: number): void {
  const spec = child(object, 'spec');
  spec.podManagementPolicy ??= 'OrderedReady';
  const strategy = child(spec, 'updateStrategy');
  if (strategy.type === undefined) {
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === 'RollingUpdate' && isRecord(strategy.rollingUpdate)) {
    strategy.rollingUpdate.partition ??= 0;
    // MaxUnavailableStatefulSet is beta (on) from 1.35.
    if (minor >= 35) strategy.rollingUpdate.maxUnavailable ??= 1;
  }
  if (minor >= 27) {
    const retention = child(spec, 'persistentVolumeClaimRetentionPolicy');
    retention.whenDeleted ??= 'Retain';
    retention.whenScaled ??= 'Retain';
  }
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate(child(spec, 'template'));
  if (Array.isArray(spec.volumeClaimTemplates)) {
    for (const claim of spec.volumeClaimTemplates) {
      if (!isRecord(claim)) continue;
      claim.apiVersion ??= 'v1';
      claim.kind ??= 'PersistentVolumeClaim';
      child(claim, 'spec').volumeMode ??= 'Filesystem';
      child(claim, 'status').phase ??= 'Pending';
    }
  }
}

export function defaultDaemonSet(object: JsonMap): void {
  const spec = child(object, 'spec');
  const strategy = child(spec, 'updateStrategy');
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = child(strategy, 'rollingUpdate');
    rollingUpdate.maxUnavailable ??= 1;
    rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate(child(spec, 'template'));
}

export function defaultReplicaSet(object: JsonMap): void {
  const spec = child(object, 'spec');
  spec.replicas ??= 1;
  defaultPodTemplate(child(spec, 'template'));
}

export function defaultJob(object: JsonMap, minor: number): void {
  const spec = child(object, 'spec');
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  const template = child(spec, 'template');
  const metadata = child(object, 'metadata');
  // A Job without labels takes its pod template's (as written, before the server adds its own).
  const templateLabels = isRecord(template.metadata) ? template.metadata.labels : undefined;
  if (isRecord(templateLabels) && Object.keys(templateLabels).length > 0 && (!isRecord(metadata.labels) || Object.keys(metadata.labels).length === 0)) {
    metadata.labels = { ...templateLabels };
  }
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  if (minor >= 29) spec.podReplacementPolicy ??= spec.podFailurePolicy !== undefined ? 'Failed' : 'TerminatingOrFailed';
  defaultPodTemplate(template);
}

export function defaultCronJob(object: JsonMap): void {
  const spec = child(object, 'spec');
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const jobSpec = child(child(spec, 'jobTemplate'), 'spec');
  defaultPodTemplate(child(jobSpec, 'template'));
}
