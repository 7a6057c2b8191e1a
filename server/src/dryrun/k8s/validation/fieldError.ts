/**
 * apimachinery's field errors (`field.Error`) and how kubectl prints a rejected object:
 * `The Deployment "web" is invalid: spec.selector: Invalid value: {...}: field is immutable`,
 * several causes as a `*`-bulleted list.
 */

export type FieldErrorType = 'Invalid value' | 'Forbidden' | 'Required value' | 'Unsupported value' | 'Duplicate value';

export interface FieldError {
  path: string;
  type: FieldErrorType;
  /** The offending value; printed for Invalid/Unsupported/Duplicate only. */
  value?: unknown;
  detail: string;
}

export const invalid = (path: string, value: unknown, detail: string): FieldError => ({ path, type: 'Invalid value', value, detail });
export const forbidden = (path: string, detail: string): FieldError => ({ path, type: 'Forbidden', detail });
export const required = (path: string, detail = ''): FieldError => ({ path, type: 'Required value', detail });
export const notSupported = (path: string, value: unknown, supported: string[]): FieldError => ({
  path,
  type: 'Unsupported value',
  value,
  detail: 'supported values: ' + supported.map((s) => JSON.stringify(s)).join(', '),
});

// Whole pod templates and the like are unreadable inline; kubectl's own rendering is as long as the object.
const LONGEST_VALUE = 160;

/** A bad value as the server prints it: numbers and booleans bare, strings quoted, other values as JSON. */
export function renderValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  const json = JSON.stringify(value);
  if (json.length <= LONGEST_VALUE) return json;
  return Array.isArray(value) ? '[…]' : '{…}';
}

export function renderFieldError(error: FieldError): string {
  const withValue = error.type === 'Invalid value' || error.type === 'Unsupported value' || error.type === 'Duplicate value';
  const body = withValue ? `${error.type}: ${renderValue(error.value)}` : error.type;
  return `${error.path}: ${body}${error.detail ? `: ${error.detail}` : ''}`;
}

/** kubectl's text for an Invalid (422) answer: one cause inline, several as a bulleted list. */
export function renderInvalid(kind: string, name: string, errors: readonly FieldError[]): string {
  const prefix = `The ${kind} ${JSON.stringify(name)} is invalid: `;
  if (errors.length === 1) return prefix + renderFieldError(errors[0]!);
  return `${prefix}\n${errors.map((e) => `* ${renderFieldError(e)}`).join('\n')}`;
}

/** Field paths as the server writes them: `spec.ports[0].nodePort`, `data[tls.crt]`. */
export function fieldPath(...segments: Array<string | number>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (segment.startsWith('[')) out += segment;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}
