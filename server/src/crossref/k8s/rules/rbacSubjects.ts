import { list } from '../containers';
import { isRecord } from '../k8sObject';
import { resolveReference } from '../references';
import type { K8sRule, RuleFinding } from '../ruleContext';
import { kindPresentInNamespace } from '../workspaceScope';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

function subjects(kind: string, value: Record<string, unknown>): Array<{ subject: Record<string, unknown>; index: number }> {
  if (kind !== 'RoleBinding' && kind !== 'ClusterRoleBinding') return [];
  return list(value.subjects).flatMap((subject, index) => (isRecord(subject) ? [{ subject, index }] : []));
}

/** subject-serviceaccount-missing: ServiceAccount subjects resolve in `subject.namespace` (RoleBinding: its own by default). */
export const subjectServiceAccountMissing: K8sRule = {
  name: 'subject-serviceaccount-missing',
  severity: 'warning',
  check(object, ctx) {
    const out: RuleFinding[] = [];
    for (const { subject, index } of subjects(object.kind, object.value)) {
      if (subject.kind !== 'ServiceAccount') continue;
      const explicit = typeof subject.namespace === 'string' && subject.namespace !== '' ? subject.namespace : undefined;
      // ClusterRoleBinding subjects without a namespace are invalid (crb-sa-subject-namespace-required).
      if (object.kind === 'ClusterRoleBinding' && !explicit) continue;
      const namespace = explicit ?? object.namespace;
      const resolution = resolveReference(ctx, object, { kind: 'ServiceAccount', name: subject.name, path: ['subjects', index, 'name'], namespace }, 'warning');
      if (resolution.status !== 'finding') continue;
      // Another namespace whose accounts the workspace never defines is someone else's (§5.1 #8).
      const elsewhere = explicit !== undefined && explicit !== object.namespace && !kindPresentInNamespace(ctx, 'ServiceAccount', explicit);
      out.push(elsewhere ? { ...resolution.finding, severity: 'hint' } : resolution.finding);
    }
    return out;
  },
};

/** crb-sa-subject-namespace-required: API validation of subjects (namespace for SAs in ClusterRoleBindings, apiGroup per kind). */
export const crbSaSubjectNamespaceRequired: K8sRule = {
  name: 'crb-sa-subject-namespace-required',
  severity: 'error',
  check(object) {
    const out: RuleFinding[] = [];
    for (const { subject, index } of subjects(object.kind, object.value)) {
      const at = ['subjects', index];
      if (subject.kind === 'ServiceAccount') {
        if (object.kind === 'ClusterRoleBinding' && (typeof subject.namespace !== 'string' || subject.namespace === '')) {
          out.push({ path: [...at, 'name'], on: 'key', message: `ServiceAccount subject "${String(subject.name)}" of a ClusterRoleBinding needs a namespace.` });
        }
        if (typeof subject.apiGroup === 'string' && subject.apiGroup !== '') {
          out.push({ path: [...at, 'apiGroup'], message: 'A ServiceAccount subject takes an empty apiGroup.' });
        }
      } else if ((subject.kind === 'User' || subject.kind === 'Group') && subject.apiGroup !== RBAC_GROUP) {
        out.push({ path: [...at, subject.apiGroup === undefined ? 'kind' : 'apiGroup'], message: `A ${subject.kind} subject needs apiGroup: ${RBAC_GROUP}.` });
      }
    }
    return out;
  },
};
