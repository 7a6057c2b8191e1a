import type { KObject } from '../kobject';
import { cloneJson, goJson, isRecord } from './jsonValue';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The annotation value kubectl writes: the manifest without that annotation (annotations becoming
 * `{}` when it had none), as compact JSON with sorted keys and a trailing newline — byte for byte
 * what `GetModifiedConfiguration` encodes, so a live object applied by a real kubectl compares equal.
 */
export function lastAppliedValue(manifest: KObject): string {
  const copy = cloneJson(manifest);
  const metadata = isRecord(copy.metadata) ? copy.metadata : (copy.metadata = {});
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
  delete annotations[LAST_APPLIED];
  metadata.annotations = annotations;
  return goJson(copy) + '\n';
}

/** The manifest as kubectl sends it: with the last-applied annotation set to its own JSON. */
export function withLastApplied(manifest: KObject): KObject {
  const copy = cloneJson(manifest);
  const metadata = isRecord(copy.metadata) ? copy.metadata : (copy.metadata = {});
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : (metadata.annotations = {});
  annotations[LAST_APPLIED] = lastAppliedValue(manifest);
  return copy;
}

/** The manifest remembered on a live object; undefined when the annotation is absent, 'invalid' when it is not JSON. */
export function readLastApplied(live: KObject): KObject | undefined | 'invalid' {
  const metadata = isRecord(live.metadata) ? live.metadata : undefined;
  const annotations = metadata && isRecord(metadata.annotations) ? metadata.annotations : undefined;
  const value = annotations?.[LAST_APPLIED];
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return isRecord(parsed) ? parsed : 'invalid';
  } catch {
    return 'invalid';
  }
}

export function hasLastApplied(object: KObject): boolean {
  return readLastApplied(object) !== undefined;
}
