import type { KObject } from '../../kobject';
import type { SchemaNavigator } from '../../../schema/schemaNavigator';
import { applyServerDefaults, minorVersion } from '../defaults/serverDefaults';
import { child, cloneJson, dropNulls, isRecord, jsonEqual } from '../jsonValue';
import type { LiveState } from '../liveState';
import { bumpGeneration, keepSystemMetadata, stampCreated, tracksGeneration } from '../systemMetadata';
import type { FieldError } from '../validation/fieldError';
import { validateObject } from '../validation/validateObject';
import { defaultStorageClass, resizeRefusal } from './admission';
import { generateJobSelector, stampTemplateGeneration } from './kindHooks';
import { allocateServiceValues, dropTypeDependentFields, keepAllocatedValues } from './serviceAllocation';

/**
 * The API server's handling of a create or an update (`--dry-run=server` runs all of it and persists
 * nothing): decode with defaults, the registry strategy, allocation, validation, admission.
 */

export interface ServerContext {
  state: LiveState;
  navigator: SchemaNavigator;
  k8sVersion: string;
}

/** Which object a request is for, as the server resolved it. */
export interface Target {
  identity: string;
  group: string;
  kind: string;
  /** The kind has a schema in this version (built in); false for custom resources. */
  served: boolean;
  namespaced: boolean;
}

export type ServerOutcome = { object: KObject } | { invalid: FieldError[] } | { forbidden: string };

/** A live object as a current server would return it: defaults filled in, quantities canonical. */
export function normalizeLive(live: KObject, context: ServerContext): KObject {
  return applyServerDefaults(cloneJson(live), context.navigator, context.k8sVersion);
}

export function serverCreate(request: KObject, target: Target, context: ServerContext): ServerOutcome {
  const { state, navigator, k8sVersion } = context;
  // kubectl's create request carries no nulls (the last-applied annotation keeps them).
  const object = dropNulls(cloneJson(request)) as KObject;
  delete object.status;
  applyServerDefaults(object, navigator, k8sVersion);
  if (!target.namespaced) delete child(object, 'metadata').namespace;
  const clock = state.mark();
  const uid = stampCreated(object, target.identity, state, tracksGeneration(target.group, target.kind, target.served));
  const errors: FieldError[] = [];
  switch (`${target.group}/${target.kind}`) {
    case '/Service':
      errors.push(...allocateServiceValues(object, target.identity, state));
      break;
    case 'batch/Job':
      generateJobSelector(object, uid);
      applyServerDefaults(object, navigator, k8sVersion); // defaulting on read-back sees the generated labels
      break;
    case '/PersistentVolumeClaim':
      defaultStorageClass(object, state);
      break;
    case 'apps/DaemonSet':
      stampTemplateGeneration(object);
      break;
  }
  errors.push(...validateObject(object, undefined, minorVersion(k8sVersion)));
  if (errors.length > 0) {
    state.reset(clock);
    return { invalid: errors };
  }
  return { object };
}

/** `merged` is the live object with the patch applied; `current` the normalized live object. */
export function serverUpdate(merged: KObject, current: KObject, target: Target, context: ServerContext): ServerOutcome {
  const { state, navigator, k8sVersion } = context;
  const object = applyServerDefaults(merged, navigator, k8sVersion);
  keepSystemMetadata(object, current);
  // Status is a subresource: a write to the object keeps the stored status.
  if (current.status === undefined) delete object.status;
  else object.status = cloneJson(current.status);
  const errors: FieldError[] = [];
  const oldSpec = isRecord(current.spec) ? current.spec : {};
  if (target.group === '' && target.kind === 'Service') {
    keepAllocatedValues(child(object, 'spec'), oldSpec);
    errors.push(...allocateServiceValues(object, target.identity, state, oldSpec));
    dropTypeDependentFields(object, oldSpec);
  }
  if (target.group === 'apps' && target.kind === 'DaemonSet') stampTemplateGeneration(object, current);
  errors.push(...validateObject(object, current, minorVersion(k8sVersion)));
  if (errors.length > 0) return { invalid: errors };
  if (target.group === '' && target.kind === 'PersistentVolumeClaim') {
    const refusal = resizeRefusal(object, current, state);
    if (refusal) return { forbidden: refusal };
  }
  if (tracksGeneration(target.group, target.kind, target.served)) bumpGeneration(object, current, target.group, target.kind, target.served);
  // An update that stores the same bytes is not written (no new resourceVersion).
  if (!jsonEqual(object, current)) child(object, 'metadata').resourceVersion = state.nextResourceVersion();
  return { object };
}
