import type { KObject } from '../../kobject';
import { isRecord, jsonEqual, records, type JsonMap } from '../jsonValue';
import { compareQuantities } from '../quantity';
import { semanticEqual } from '../semanticEqual';
import { forbidden, invalid, required, type FieldError } from './fieldError';

/** core/v1 validation for Services, PersistentVolumeClaims, ConfigMaps and Secrets (create and update). */

const recordAt = (value: unknown, key: string): JsonMap => (isRecord(value) && isRecord(value[key]) ? value[key] : {});

export function validateService(object: KObject, old?: KObject): FieldError[] {
  const spec = recordAt(object, 'spec');
  const errors: FieldError[] = [];
  const headless = spec.clusterIP === 'None';
  if (records(spec.ports).length === 0 && !headless && spec.type !== 'ExternalName') errors.push(required('spec.ports'));
  if (spec.type === 'ExternalName' && (typeof spec.externalName !== 'string' || spec.externalName === '')) errors.push(required('spec.externalName'));
  if (spec.type === 'ClusterIP') {
    records(spec.ports).forEach((port, i) => {
      if (port.nodePort !== undefined && port.nodePort !== 0) errors.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  if (!old) return errors;
  const oldSpec = recordAt(old, 'spec');
  // The primary cluster IP is fixed for the Service's life, unless it goes to or from ExternalName.
  if (spec.type !== 'ExternalName' && oldSpec.type !== 'ExternalName') {
    const newIPs = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
    const oldIPs = Array.isArray(oldSpec.clusterIPs) ? oldSpec.clusterIPs : [];
    if (newIPs.length > 0 && oldIPs.length > 0 && newIPs[0] !== oldIPs[0]) errors.push(invalid('spec.clusterIPs[0]', newIPs, 'may not change once set'));
    const newFamilies = Array.isArray(spec.ipFamilies) ? spec.ipFamilies : [];
    const oldFamilies = Array.isArray(oldSpec.ipFamilies) ? oldSpec.ipFamilies : [];
    if (newFamilies.length > 0 && oldFamilies.length > 0 && newFamilies[0] !== oldFamilies[0]) errors.push(invalid('spec.ipFamilies[0]', newFamilies[0], 'may not change once set'));
  }
  if (spec.type === 'LoadBalancer' && oldSpec.type === 'LoadBalancer' && spec.loadBalancerClass !== oldSpec.loadBalancerClass) {
    errors.push(invalid('spec.loadBalancerClass', spec.loadBalancerClass ?? null, 'may not change once set'));
  }
  return errors;
}

/** Claims in the state without a phase count as Bound: the dry run has no volume binder. */
export function claimIsBound(claim: KObject): boolean {
  const phase = recordAt(claim, 'status').phase;
  return phase === undefined || phase === 'Bound';
}

export function validatePersistentVolumeClaim(object: KObject, old: KObject | undefined, minor: number): FieldError[] {
  const spec = recordAt(object, 'spec');
  const errors: FieldError[] = [];
  if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) errors.push(required('spec.accessModes', 'at least 1 access mode is required'));
  const requests = recordAt(spec.resources, 'requests');
  if (requests.storage === undefined && spec.dataSource === undefined && spec.dataSourceRef === undefined) errors.push(required('spec.resources[storage]'));
  if (!old) return errors;
  const oldSpec = recordAt(old, 'spec');
  const bound = claimIsBound(old);
  const comparable = (s: JsonMap, side: 'old' | 'new'): JsonMap => {
    const copy: JsonMap = { ...s, resources: { ...recordAt(s, 'resources'), requests: { ...recordAt(recordAt(s, 'resources'), 'requests') } } };
    if (side === 'old' && !oldSpec.volumeName) copy.volumeName = spec.volumeName; // volumeName may be set once
    if (bound) {
      (copy.resources as JsonMap & { requests: JsonMap }).requests.storage = recordAt(recordAt(oldSpec, 'resources'), 'requests').storage;
      copy.volumeAttributesClassName = oldSpec.volumeAttributesClassName;
    }
    return copy;
  };
  const before = comparable(oldSpec, 'old');
  const after = comparable(spec, 'new');
  if (!semanticEqual(after, before)) {
    errors.push(forbidden('spec', `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${specDiff(before, after)}`));
  }
  const oldSize = recordAt(recordAt(oldSpec, 'resources'), 'requests').storage;
  const newSize = requests.storage;
  if ((compareQuantities(newSize, oldSize) ?? 0) < 0) {
    // RecoverVolumeExpansionFailure (on from 1.32) compares with the provisioned capacity; without a status, that is the old request.
    const capacity = recordAt(recordAt(old, 'status'), 'capacity').storage ?? oldSize;
    if (minor < 32) errors.push(forbidden('spec.resources.requests.storage', 'field can not be less than previous value'));
    else if ((compareQuantities(newSize, capacity) ?? 0) <= 0) errors.push(forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
  }
  return errors;
}

/** A short field-by-field account of a spec change (the server appends a Go cmp.Diff here). */
function specDiff(before: JsonMap, after: JsonMap): string {
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (semanticEqual(before[key], after[key])) continue;
    if (before[key] !== undefined) lines.push(`  - ${key}: ${JSON.stringify(before[key])}`);
    if (after[key] !== undefined) lines.push(`  + ${key}: ${JSON.stringify(after[key])}`);
  }
  return lines.join('\n');
}

export function storageGrows(object: KObject, old: KObject): boolean {
  const size = (o: KObject) => recordAt(recordAt(recordAt(o, 'spec'), 'resources'), 'requests').storage;
  return (compareQuantities(size(object), size(old)) ?? 0) > 0;
}

const IMMUTABLE_DETAIL = 'field is immutable when `immutable` is set';
const sameData = (a: unknown, b: unknown) => jsonEqual(a ?? {}, b ?? {});

export function validateConfigMap(object: KObject, old?: KObject): FieldError[] {
  if (!old || old.immutable !== true) return [];
  const errors: FieldError[] = [];
  if (object.immutable !== true) errors.push(forbidden('immutable', IMMUTABLE_DETAIL));
  if (!sameData(object.data, old.data)) errors.push(forbidden('data', IMMUTABLE_DETAIL));
  if (!sameData(object.binaryData, old.binaryData)) errors.push(forbidden('binaryData', IMMUTABLE_DETAIL));
  return errors;
}

/** Keys a Secret of a well-known type must carry. */
const REQUIRED_SECRET_KEYS: Record<string, string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

export function validateSecret(object: KObject, old?: KObject): FieldError[] {
  const errors: FieldError[] = [];
  if (old) {
    if (object.type !== old.type) errors.push(invalid('type', object.type ?? '', 'field is immutable'));
    if (old.immutable === true) {
      if (object.immutable !== true) errors.push(forbidden('immutable', IMMUTABLE_DETAIL));
      if (!sameData(object.data, old.data)) errors.push(forbidden('data', IMMUTABLE_DETAIL));
    }
  }
  const data = isRecord(object.data) ? object.data : {};
  for (const key of REQUIRED_SECRET_KEYS[String(object.type)] ?? []) if (data[key] === undefined) errors.push(required(`data[${key}]`));
  return errors;
}
