import { isRecord } from '../../documents/plainValues';

/**
 * Plain-JSON helpers with Go's semantics where kubectl and the API server depend on them:
 * `reflect.DeepEqual` on decoded JSON, and `encoding/json`'s output (sorted keys, HTML escaping).
 */

export type JsonMap = Record<string, unknown>;

/** A deep copy with JSON's semantics (undefined members dropped, undefined list items null), without the text round trip. */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : cloneJson(item))) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) out[key] = cloneJson(member);
  }
  return out as T;
}

/** The JSON type of a value, as Go's `reflect.TypeOf` tells decoded JSON apart. */
export function jsonType(value: unknown): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (isRecord(value)) return 'object';
  return typeof value as 'boolean' | 'number' | 'string';
}

/** Go's reflect.DeepEqual on decoded JSON: same keys, same order in lists, same scalar types and values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isRecord(a)) {
    if (!isRecord(b)) return false;
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    if (keys.length !== Object.keys(b).filter((k) => b[k] !== undefined).length) return false;
    return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

// encoding/json escapes these by default (json.Encoder without SetEscapeHTML(false)).
const GO_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** Compact JSON as Go's encoding/json writes a map: keys sorted, `<>&` escaped. */
export function goJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]!);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value;
  const out: JsonMap = {};
  for (const key of Object.keys(value).sort()) if (value[key] !== undefined) out[key] = sortKeys(value[key]);
  return out;
}

/** Removes null members recursively: typed decoding on the server turns them into omitted zero values. */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (!isRecord(value)) return value;
  for (const key of Object.keys(value)) {
    if (value[key] === null || value[key] === undefined) delete value[key];
    else value[key] = dropNulls(value[key]);
  }
  return value;
}

/** The record at `key`, created when absent (or not a record). */
export function child(parent: JsonMap, key: string): JsonMap {
  const existing = parent[key];
  if (isRecord(existing)) return existing;
  const created: JsonMap = {};
  parent[key] = created;
  return created;
}

export function records(value: unknown): JsonMap[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export { isRecord };
