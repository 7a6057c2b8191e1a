import { isRecord } from '../documents/plainValues';

/**
 * JSON with mapping keys sorted at every level and undefined values dropped (null in lists, as
 * JSON.stringify does): the stable form both simulated hashes read (pod-template-hash, Compose's
 * config hash), so key order in the YAML never changes a hash.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
