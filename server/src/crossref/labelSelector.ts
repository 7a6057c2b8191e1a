import { isRecord } from '../documents/plainValues';

/** A metav1.LabelSelector as written in a manifest. */
export interface LabelSelector {
  matchLabels?: Record<string, unknown> | null;
  matchExpressions?: Array<{ key?: unknown; operator?: unknown; values?: unknown }> | null;
}

export type Labels = Readonly<Record<string, string>>;

/**
 * Evaluates a LabelSelector exactly as apimachinery does: matchLabels AND matchExpressions;
 * NotIn and DoesNotExist are satisfied by an absent key; `{}` matches everything. A null or
 * absent selector is the caller's business (its meaning differs per field), so it is not
 * accepted here.
 */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== String(value)) return false;
  }
  for (const expression of selector.matchExpressions ?? []) {
    if (!isRecord(expression)) return false;
    const key = String(expression.key);
    const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
    const present = Object.prototype.hasOwnProperty.call(labels, key);
    switch (expression.operator) {
      case 'In':
        if (!present || !values.includes(labels[key]!)) return false;
        break;
      case 'NotIn':
        if (present && values.includes(labels[key]!)) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false; // an invalid operator never matches (and is reported by invalid-label-selector)
    }
  }
  return true;
}

/** A Service's `spec.selector`: equality only, all pairs. */
export function equalitySelectorMatches(selector: Record<string, unknown>, labels: Labels): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === String(value));
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** Reads a selector field: undefined when absent or null (whose meaning the caller decides). */
export function readSelector(value: unknown): LabelSelector | undefined {
  if (!isRecord(value)) return undefined;
  // Half-typed parts (a null value, an expression without a valid operator) are dropped here:
  // invalid-label-selector and the schema report them, and no other rule should guess at them.
  const matchLabels = isRecord(value.matchLabels)
    ? Object.fromEntries(Object.entries(value.matchLabels).filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object'))
    : undefined;
  const matchExpressions = Array.isArray(value.matchExpressions)
    ? (value.matchExpressions as unknown[]).filter(
        (e): e is NonNullable<LabelSelector['matchExpressions']>[number] =>
          isRecord(e) && typeof e.key === 'string' && ['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(String(e.operator)),
      )
    : undefined;
  return { matchLabels, matchExpressions };
}

/** Labels as a string map (values of other types are stringified the way they would be rejected or coerced). */
export function readLabels(value: unknown): Labels {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

/** Renders a selector compactly for messages: app=web,tier in (a,b),!debug */
export function describeSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${String(v)}`);
  for (const e of selector.matchExpressions ?? []) {
    if (!isRecord(e)) continue; // a malformed entry (schema validation reports it)
    const values = Array.isArray(e.values) ? e.values.join(',') : '';
    if (e.operator === 'In') parts.push(`${String(e.key)} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${String(e.key)} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(String(e.key));
    else if (e.operator === 'DoesNotExist') parts.push(`!${String(e.key)}`);
  }
  return parts.join(',') || '{}';
}
