/**
 * `intstr.GetScaledValueFromIntOrPercent`: an IntOrString (`3` or `"25%"`) resolved against a total.
 * Integer arithmetic, so `ceil(p·total/100)` is exact where Go's float64 is exact too.
 */
export function scaledValue(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value !== 'string') return 0;
  const text = value.trim();
  if (text.endsWith('%')) {
    const percent = Number.parseInt(text.slice(0, -1), 10);
    if (!Number.isFinite(percent)) return 0;
    const scaled = percent * total;
    return roundUp ? Math.ceil(scaled / 100) : Math.floor(scaled / 100);
  }
  // kube rejects a non-percent string; a plain number written as a string is read leniently.
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? n : 0;
}

/** The raw value as written (`0`, `"0%"` and absent all count as zero): what validation's "both zero" rule looks at. */
export function isZeroIntOrPercent(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'number') return value === 0;
  return Number.parseInt(String(value), 10) === 0;
}
