import type { KObject } from '../../kobject';
import type { SchemaNavigator, SchemaAt } from '../../../schema/schemaNavigator';
import { dropNulls, isRecord, type JsonMap } from '../jsonValue';
import { apiGroup, apiVersionOf, kindOf } from '../objectMeta';
import { canonicalQuantity } from '../quantity';
import { defaultNamespace, defaultPersistentVolumeClaim, defaultPod, defaultReplicationController, defaultSecret, defaultService } from './coreDefaults';
import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultReplicaSet, defaultStatefulSet } from './workloadDefaults';

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

type Defaulter = (object: JsonMap, minor: number) => void;

const DEFAULTERS: Record<string, Defaulter> = {
  'apps/Deployment': defaultDeployment,
  'apps/StatefulSet': defaultStatefulSet,
  'apps/DaemonSet': defaultDaemonSet,
  'apps/ReplicaSet': defaultReplicaSet,
  'batch/Job': defaultJob,
  'batch/CronJob': defaultCronJob,
  '/Service': defaultService,
  '/Namespace': defaultNamespace,
  '/Secret': defaultSecret,
  '/PersistentVolumeClaim': defaultPersistentVolumeClaim,
  '/Pod': defaultPod,
  '/ReplicationController': defaultReplicationController,
};

/** The minor version of "1.35" (35); unknown spellings count as the newest behaviour. */
export function minorVersion(version: string): number {
  const match = /^v?1\.(\d+)/.exec(version);
  return match ? Number(match[1]) : 99;
}

/**
 * What decoding on the server does to an object of a served kind: nulls dropped, quantities in their
 * canonical form, defaults filled in. Objects of kinds without a schema pass through untouched.
 * Mutates and returns `object`.
 */
export function applyServerDefaults(object: KObject, navigator: SchemaNavigator, k8sVersion: string): KObject {
  const root = navigator.root(apiVersionOf(object), kindOf(object));
  if (!root) return object;
  dropNulls(object);
  canonicalizeQuantities(object, root, navigator);
  const minor = minorVersion(k8sVersion);
  DEFAULTERS[`${apiGroup(apiVersionOf(object))}/${kindOf(object)}`]?.(object, minor);
  // Go serializes non-pointer structs even when empty: every object with a status has at least `status: {}`.
  if (isRecord(root.schema.properties) && 'status' in root.schema.properties) object.status ??= {};
  if (minor < 33) markZeroTimestamps(object);
  return object;
}

/**
 * Before 1.33 a zero `creationTimestamp` serialized as `null`, so embedded templates came back from the
 * server as `metadata: {creationTimestamp: null}`; a manifest spelling it out then matched.
 */
function markZeroTimestamps(object: KObject): void {
  const spec = isRecord(object.spec) ? object.spec : undefined;
  if (!spec) return;
  const templates: unknown[] = [spec.template, ...(Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [])];
  if (isRecord(spec.jobTemplate)) {
    templates.push(spec.jobTemplate);
    if (isRecord(spec.jobTemplate.spec)) templates.push(spec.jobTemplate.spec.template);
  }
  for (const template of templates) {
    if (!isRecord(template)) continue;
    const metadata = isRecord(template.metadata) ? template.metadata : (template.metadata = {});
    if (!('creationTimestamp' in metadata)) metadata.creationTimestamp = null;
  }
}

function canonicalizeQuantities(value: JsonMap | unknown[], at: SchemaAt, navigator: SchemaNavigator): void {
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, member] of entries) {
    if (member === null || member === undefined) continue;
    const next = navigator.child(at, key);
    if (!next) continue;
    if (next.definition === QUANTITY) {
      const canonical = canonicalQuantity(member);
      if (canonical !== undefined) (value as Record<string | number, unknown>)[key] = canonical;
    } else if (isRecord(member) || Array.isArray(member)) {
      canonicalizeQuantities(member, next, navigator);
    }
  }
}
