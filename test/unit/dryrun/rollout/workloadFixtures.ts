import type { KObject } from '../../../../server/src/dryrun/kobject';
import { V1, podTemplate } from './fixtures';

/** StatefulSets, DaemonSets, Jobs and CronJobs as stored after an apply, defaults filled in by hand (§3.1). */

export interface StatefulSetFixture {
  replicas?: number;
  image?: string;
  policy?: 'OrderedReady' | 'Parallel';
  onDelete?: boolean;
  partition?: number;
  maxUnavailable?: number | string;
  claims?: boolean;
  generation?: number;
}

export function statefulSet(f: StatefulSetFixture = {}): KObject {
  const rollingUpdate = { partition: f.partition ?? 0, ...(f.maxUnavailable === undefined ? {} : { maxUnavailable: f.maxUnavailable }) };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', generation: f.generation ?? 1 },
    spec: {
      replicas: f.replicas ?? 1,
      serviceName: 'web',
      selector: { matchLabels: { app: 'web' } },
      podManagementPolicy: f.policy ?? 'OrderedReady',
      updateStrategy: f.onDelete ? { type: 'OnDelete' } : { type: 'RollingUpdate', rollingUpdate },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      template: podTemplate(f.image ?? V1),
      ...(f.claims ? { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } : {}),
    },
  };
}

export interface DaemonSetFixture {
  image?: string;
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  onDelete?: boolean;
  generation?: number;
}

export function daemonSet(f: DaemonSetFixture = {}): KObject {
  const rollingUpdate = { maxSurge: f.maxSurge ?? 0, maxUnavailable: f.maxUnavailable ?? 1 };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', generation: f.generation ?? 1 },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      updateStrategy: f.onDelete ? { type: 'OnDelete' } : { type: 'RollingUpdate', rollingUpdate },
      revisionHistoryLimit: 10,
      template: podTemplate(f.image ?? V1, { app: 'agent' }),
    },
  };
}

export function job(spec: Record<string, unknown> = {}, status?: Record<string, unknown>): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', namespace: 'default' },
    spec: { backoffLimit: 6, completionMode: 'NonIndexed', parallelism: 1, completions: 1, suspend: false, template: podTemplate(V1, { app: 'migrate' }), ...spec },
    ...(status ? { status } : {}),
  };
}

export function cronJob(spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'nightly', namespace: 'default' },
    spec: {
      schedule: '0 2 * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: podTemplate(V1, { app: 'nightly' }) } },
      ...spec,
    },
  };
}
