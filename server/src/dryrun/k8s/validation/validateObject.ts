import type { KObject } from '../../kobject';
import { apiGroup, apiVersionOf, kindOf } from '../objectMeta';
import { validateCronJob, validateJob } from './batchValidation';
import { validateConfigMap, validatePersistentVolumeClaim, validateSecret, validateService } from './coreValidation';
import type { FieldError } from './fieldError';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './workloadValidation';

type Validator = (object: KObject, old: KObject | undefined, minor: number) => FieldError[];

const VALIDATORS: Record<string, Validator> = {
  'apps/Deployment': validateDeployment,
  'apps/ReplicaSet': validateReplicaSet,
  'apps/DaemonSet': validateDaemonSet,
  'apps/StatefulSet': validateStatefulSet,
  'batch/Job': validateJob,
  'batch/CronJob': validateCronJob,
  '/Service': validateService,
  '/PersistentVolumeClaim': validatePersistentVolumeClaim,
  '/ConfigMap': validateConfigMap,
  '/Secret': validateSecret,
};

/**
 * The server's validation of a defaulted object: `old` is the stored object on an update (immutable
 * fields, allowed transitions), undefined on a create. Kinds without rules here validate clean.
 */
export function validateObject(object: KObject, old: KObject | undefined, minor: number): FieldError[] {
  return VALIDATORS[`${apiGroup(apiVersionOf(object))}/${kindOf(object)}`]?.(object, old, minor) ?? [];
}
