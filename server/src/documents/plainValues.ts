/** A plain mapping (not null, not a list): what a YAML mapping becomes after conversion. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar both walks keep as yaml's toJS gives it (core schema: null, string, number, boolean); anything else needs toJS. */
export function isPlainScalar(value: unknown): value is null | string | number | boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Sets a key of a plain mapping as yaml's toJS does: a key the object already has, or inherits
 * (`__proto__`, `toString`), is defined, not assigned.
 */
export function setPlainKey(out: Record<string, unknown>, name: string, value: unknown): void {
  if (name in out) Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
  else out[name] = value;
}
