import type { KObject } from '../../kobject';
import { child, isRecord } from '../jsonValue';
import type { LiveState } from '../liveState';
import { annotationsOf, metadataOf, nameOf } from '../objectMeta';
import { claimIsBound, storageGrows } from '../validation/coreValidation';

/** The admission plugins whose effect a dry run shows: DefaultStorageClass and PersistentVolumeClaimResize. */

const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** The class a claim without `storageClassName` gets: the newest StorageClass marked default, if any. */
export function defaultStorageClass(claim: KObject, state: LiveState): void {
  const spec = child(claim, 'spec');
  if (spec.storageClassName !== undefined) return;
  const defaults = state.ofKind('StorageClass').filter((sc) => DEFAULT_CLASS_ANNOTATIONS.some((a) => annotationsOf(sc)[a] === 'true'));
  const created = (sc: KObject) => String(metadataOf(sc).creationTimestamp ?? '');
  const chosen = defaults.sort((a, b) => (created(a) < created(b) ? 1 : created(a) > created(b) ? -1 : nameOf(a) < nameOf(b) ? -1 : 1))[0];
  if (chosen) spec.storageClassName = nameOf(chosen);
}

/** The PersistentVolumeClaimResize verdict on growing a claim: undefined when allowed, else the Forbidden reason. */
export function resizeRefusal(claim: KObject, old: KObject, state: LiveState): string | undefined {
  if (!storageGrows(claim, old)) return undefined;
  if (!claimIsBound(old)) return 'Only bound persistent volume claims can be expanded';
  const className = (o: KObject) => (isRecord(o.spec) && typeof o.spec.storageClassName === 'string' ? o.spec.storageClassName : '');
  const name = className(claim);
  const storageClass = name && name === className(old) ? state.ofKind('StorageClass').find((sc) => nameOf(sc) === name) : undefined;
  if (storageClass?.allowVolumeExpansion === true) return undefined;
  return 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize';
}
