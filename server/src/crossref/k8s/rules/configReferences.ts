import type { Severity } from '../../../documents/diagnostic';
import { isRecord, type K8sObject } from '../k8sObject';
import { podObjectReferences, type PodObjectReference } from '../podReferences';
import { resolveReference } from '../references';
import type { K8sRule, RuleContext, RuleFinding } from '../ruleContext';

function references(object: K8sObject, kind: 'ConfigMap' | 'Secret'): PodObjectReference[] {
  const out: PodObjectReference[] = [];
  const seen = new Set<string>();
  for (const template of object.podTemplates) {
    for (const ref of podObjectReferences(template)) {
      if (ref.kind !== kind) continue;
      // One finding per reference site (volume items repeat the same name).
      const id = ref.namePath.join('/');
      if (!ref.key && seen.has(id)) continue;
      seen.add(id);
      out.push(ref);
    }
  }
  return out;
}

function missing(kind: 'ConfigMap' | 'Secret', severity: Severity) {
  return (object: K8sObject, ctx: RuleContext): RuleFinding[] => {
    const out: RuleFinding[] = [];
    const reported = new Set<string>();
    for (const ref of references(object, kind)) {
      const id = ref.namePath.join('/');
      if (reported.has(id)) continue;
      const resolution = resolveReference(ctx, object, { kind, name: ref.name, path: ref.namePath, optional: ref.optional }, severity);
      if (resolution.status === 'finding') {
        reported.add(id);
        out.push(resolution.finding);
      }
    }
    return out;
  };
}

function keysOf(target: K8sObject, kind: 'ConfigMap' | 'Secret'): Set<string> {
  const fields = kind === 'ConfigMap' ? ['data', 'binaryData'] : ['data', 'stringData'];
  const keys = new Set<string>();
  for (const field of fields) if (isRecord(target.value[field])) for (const k of Object.keys(target.value[field] as object)) keys.add(k);
  return keys;
}

function missingKey(kind: 'ConfigMap' | 'Secret', severity: Severity) {
  return (object: K8sObject, ctx: RuleContext): RuleFinding[] => {
    const out: RuleFinding[] = [];
    for (const ref of references(object, kind)) {
      if (!ref.key || typeof ref.key.value !== 'string') continue;
      const resolution = resolveReference(ctx, object, { kind, name: ref.name, path: ref.namePath, optional: ref.optional }, severity);
      // Key checks only against a literal object: generated ones have unknown contents (§2.4).
      if (resolution.status !== 'found' || resolution.target.kind !== kind) continue;
      const keys = keysOf(resolution.target, kind);
      if (keys.has(ref.key.value)) continue;
      const listed = [...keys].slice(0, 8).join(', ');
      out.push({
        path: ref.key.path,
        severity: ref.optional ? 'information' : severity,
        message: `${kind} "${resolution.target.name}" has no key "${ref.key.value}"${keys.size ? `; it has: ${listed}${keys.size > 8 ? ', …' : ''}` : ' (it has no data)'}.`,
        related: [{ object: resolution.target, path: ['metadata', 'name'], message: `${kind} "${resolution.target.name}"` }],
      });
    }
    return out;
  };
}

export const configMapMissing: K8sRule = { name: 'configmap-missing', severity: 'warning', check: missing('ConfigMap', 'warning') };
export const configMapKeyMissing: K8sRule = { name: 'configmap-key-missing', severity: 'warning', check: missingKey('ConfigMap', 'warning') };
export const secretMissing: K8sRule = { name: 'secret-missing', severity: 'warning', check: missing('Secret', 'warning') };
export const secretKeyMissing: K8sRule = { name: 'secret-key-missing', severity: 'warning', check: missingKey('Secret', 'warning') };
