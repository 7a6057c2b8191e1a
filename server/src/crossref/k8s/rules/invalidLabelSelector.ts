import { isRecord } from '../k8sObject';
import type { K8sRule, RuleFinding } from '../ruleContext';
import { selectorFields } from '../selectorFields';
import { list } from '../containers';

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label key is invalid (a qualified name: optional DNS-subdomain prefix + "/" + name ≤ 63), or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash >= 0 ? [key.slice(0, slash), key.slice(slash + 1)] : [undefined, key];
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `prefix "${prefix}" is not a DNS subdomain`;
  if (name.length === 0 || name.length > 63) return 'the name part must be 1–63 characters';
  if (!NAME.test(name)) return 'the name part must be alphanumeric, "-", "_" or ".", starting and ending alphanumeric';
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return 'label values are at most 63 characters';
  if (value !== '' && !NAME.test(value)) return 'label values must be alphanumeric, "-", "_" or ".", starting and ending alphanumeric';
  return undefined;
}

function checkMap(map: Record<string, unknown>, path: RuleFinding['path'], out: RuleFinding[]): void {
  for (const [key, value] of Object.entries(map)) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) out.push({ path: [...path, key], on: 'key', message: `Invalid label key "${key}": ${keyProblem}.` });
    const valueProblem = value === null || isRecord(value) || Array.isArray(value) ? undefined : labelValueProblem(String(value));
    if (valueProblem) out.push({ path: [...path, key], message: `Invalid label value "${String(value)}": ${valueProblem}.` });
  }
}

/** invalid-label-selector: operator/values arity and label syntax, reported at the selector that has them. */
export const invalidLabelSelector: K8sRule = {
  name: 'invalid-label-selector',
  severity: 'error',
  check(object) {
    const out: RuleFinding[] = [];
    for (const { value, path, form } of selectorFields(object)) {
      if (!isRecord(value)) continue;
      if (form === 'map') {
        checkMap(value, path, out);
        continue;
      }
      if (isRecord(value.matchLabels)) checkMap(value.matchLabels, [...path, 'matchLabels'], out);
      list(value.matchExpressions).forEach((e, i) => {
        if (!isRecord(e)) return;
        const at = [...path, 'matchExpressions', i];
        const key = typeof e.key === 'string' ? e.key : '';
        const keyProblem = labelKeyProblem(key);
        if (keyProblem) out.push({ path: [...at, 'key'], message: `Invalid label key "${key}": ${keyProblem}.` });
        const values = list(e.values);
        if (e.operator === 'In' || e.operator === 'NotIn') {
          if (values.length === 0) out.push({ path: [...at, e.values === undefined ? 'operator' : 'values'], message: `Operator ${e.operator} needs at least one value.` });
          values.forEach((v, j) => {
            const problem = labelValueProblem(String(v));
            if (problem) out.push({ path: [...at, 'values', j], message: `Invalid label value "${String(v)}": ${problem}.` });
          });
        } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
          if (values.length > 0) out.push({ path: [...at, 'values'], on: 'key', message: `Operator ${e.operator} takes no values.` });
        } else {
          out.push({ path: [...at, 'operator'], message: `Unknown operator "${String(e.operator)}": use In, NotIn, Exists or DoesNotExist.` });
        }
      });
    }
    return out;
  },
};
