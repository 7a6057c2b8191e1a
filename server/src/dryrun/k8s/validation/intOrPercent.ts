import { invalid, type FieldError } from './fieldError';

/** apps validation helpers for int-or-percent fields (maxSurge, maxUnavailable) and plain counts. */

const PERCENT = /^[0-9]+%$/;
const PERCENT_MESSAGE = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

function percentValue(value: unknown): number | undefined {
  return typeof value === 'string' && PERCENT.test(value) ? Number(value.slice(0, -1)) : undefined;
}

/** `getIntOrPercentValue`: the percentage or the integer (non-numeric strings count as 0). */
export function intOrPercentValue(value: unknown): number {
  const percent = percentValue(value);
  if (percent !== undefined) return percent;
  if (typeof value === 'number') return value;
  const parsed = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : 0;
  return parsed;
}

export function validateNonnegative(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(path, value, 'must be greater than or equal to 0')] : [];
}

export function validatePositiveIntOrPercent(value: unknown, path: string): FieldError[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return PERCENT.test(value) ? [] : [invalid(path, value, PERCENT_MESSAGE)];
  if (typeof value === 'number') return validateNonnegative(value, path);
  return [invalid(path, value, "must be an integer or percentage (e.g '5%')")];
}

export function notMoreThan100Percent(value: unknown, path: string): FieldError[] {
  const percent = percentValue(value);
  return percent !== undefined && percent > 100 ? [invalid(path, value, 'must not be greater than 100%')] : [];
}

