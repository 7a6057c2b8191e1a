/** A plain mapping (not null, not a list): what a YAML mapping becomes after conversion. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
