import type { Severity } from '../../../documents/diagnostic';
import { list } from '../containers';
import { isRecord, type K8sObject } from '../k8sObject';
import { resolveReference } from '../references';
import type { K8sRule, RuleContext, RuleFinding } from '../ruleContext';

function classRef(kind: string, field: string, severity: Severity) {
  return (object: K8sObject, ctx: RuleContext): RuleFinding[] => {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      const resolution = resolveReference(ctx, object, { kind, name: template.spec[field], path: [...template.path, 'spec', field] }, severity);
      if (resolution.status === 'finding') out.push(resolution.finding);
    }
    return out;
  };
}

/** priorityclass-missing: Priority admission rejects pods naming an unknown PriorityClass. */
export const priorityClassMissing: K8sRule = { name: 'priorityclass-missing', severity: 'warning', check: classRef('PriorityClass', 'priorityClassName', 'warning') };

/** runtimeclass-missing: RuntimeClasses are cluster-provided, so only a Hint. */
export const runtimeClassMissing: K8sRule = { name: 'runtimeclass-missing', severity: 'hint', check: classRef('RuntimeClass', 'runtimeClassName', 'hint') };

/** storageclass-missing: PVCs and claim templates naming a StorageClass (cloud defaults live outside the repo: Hint). */
export const storageClassMissing: K8sRule = {
  name: 'storageclass-missing',
  severity: 'hint',
  check(object, ctx) {
    const claims: Array<{ spec: unknown; path: RuleFinding['path'] }> = [];
    if (object.kind === 'PersistentVolumeClaim') claims.push({ spec: object.value.spec, path: ['spec'] });
    if (object.kind === 'StatefulSet' && isRecord(object.value.spec)) {
      list(object.value.spec.volumeClaimTemplates).forEach((t, i) => claims.push({ spec: isRecord(t) ? t.spec : undefined, path: ['spec', 'volumeClaimTemplates', i, 'spec'] }));
    }
    const out: RuleFinding[] = [];
    for (const claim of claims) {
      // "" means no class (static binding); absent means the default class.
      if (!isRecord(claim.spec)) continue;
      const resolution = resolveReference(ctx, object, { kind: 'StorageClass', name: claim.spec.storageClassName, path: [...claim.path, 'storageClassName'] }, 'hint');
      if (resolution.status === 'finding') out.push({ ...resolution.finding, severity: 'hint' });
    }
    return out;
  },
};
