import type { KObject } from '../kobject';
import { isRecord } from '../../documents/plainValues';

/** Readers for the fields every object shares; tolerant of malformed input (they never throw). */

export function metadataOf(object: KObject): Record<string, unknown> {
  return isRecord(object.metadata) ? object.metadata : {};
}

export function nameOf(object: KObject): string {
  const name = metadataOf(object).name;
  return typeof name === 'string' ? name : '';
}

export function namespaceOf(object: KObject): string {
  const namespace = metadataOf(object).namespace;
  return typeof namespace === 'string' ? namespace : '';
}

/** The namespace an object lands in: its own, else `default` (the context namespace of the simulated kubectl). */
export function namespaceOrDefault(object: KObject): string {
  return namespaceOf(object) || 'default';
}

export function kindOf(object: KObject): string {
  return typeof object.kind === 'string' ? object.kind : '';
}

export function apiVersionOf(object: KObject): string {
  return typeof object.apiVersion === 'string' ? object.apiVersion : '';
}

/** `apps/v1` → `apps`; `v1` → `` (the core group). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function apiVersionNumber(apiVersion: string): string {
  return apiVersion.slice(apiVersion.indexOf('/') + 1);
}

export function labelsOf(object: KObject): Record<string, string> {
  return stringMap(metadataOf(object).labels);
}

export function annotationsOf(object: KObject): Record<string, string> {
  return stringMap(metadataOf(object).annotations);
}

/** A `map[string]string` such as labels or annotations: values stringified, null and absent ones left out. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(value)) for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}
