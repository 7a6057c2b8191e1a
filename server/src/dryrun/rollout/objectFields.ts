import { isRecord } from '../../documents/plainValues';
export { stringMap } from '../k8s/objectMeta';

/** Small readers over plain JSON objects, so controller code stays about controllers. */

export type JsonRecord = Record<string, unknown>;

/** The mapping itself (not a copy), or a new empty one when `value` is not a mapping. */
export function record(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

/** Follows keys through nested mappings; undefined as soon as one is missing. */
export function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A non-negative integer field, tolerating numbers written as strings; `fallback` when absent or unreadable. */
export function intField(value: unknown, fallback: number): number {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : fallback;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function objectName(object: JsonRecord): string {
  return String(at(object, 'metadata', 'name') ?? '');
}

export function objectNamespace(object: JsonRecord): string {
  const namespace = at(object, 'metadata', 'namespace');
  return typeof namespace === 'string' && namespace !== '' ? namespace : 'default';
}

/** Sets `metadata.annotations[key]` on a (cloned) object, creating the maps on the way. */
export function setAnnotation(object: JsonRecord, key: string, value: string): void {
  const metadata = (object.metadata = record(object.metadata));
  const annotations = (metadata.annotations = record(metadata.annotations));
  annotations[key] = value;
}

/** Drops keys whose value is 0 or undefined, as Go's `omitempty` does for status counters. */
export function omitEmpty(fields: JsonRecord): JsonRecord {
  const out: JsonRecord = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== 0) out[key] = value;
  return out;
}
