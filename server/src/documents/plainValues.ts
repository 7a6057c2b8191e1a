/** A plain mapping (not null, not a list): what a YAML mapping becomes after conversion. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets a key of a plain mapping as yaml's toJS does: a key the object already has, or inherits
 * (`__proto__`, `toString`), is defined, not assigned.
 */
export function setPlainKey(out: Record<string, unknown>, name: string, value: unknown): void {
  if (name in out) Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
  else out[name] = value;
}
