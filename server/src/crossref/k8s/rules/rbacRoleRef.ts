import { isRecord } from '../k8sObject';
import { resolveReference } from '../references';
import type { K8sRule, RuleFinding } from '../ruleContext';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

function roleRef(object: { kind: string; value: Record<string, unknown> }): Record<string, unknown> | undefined {
  if (object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') return undefined;
  return isRecord(object.value.roleRef) ? object.value.roleRef : undefined;
}

/** roleref-missing: a binding to a role that does not exist is accepted but grants nothing. */
export const roleRefMissing: K8sRule = {
  name: 'roleref-missing',
  severity: 'warning',
  check(object, ctx) {
    const ref = roleRef(object);
    if (!ref || (ref.kind !== 'Role' && ref.kind !== 'ClusterRole')) return [];
    if (object.kind === 'ClusterRoleBinding' && ref.kind !== 'ClusterRole') return [];
    // A Role is looked up in the binding's namespace; a ClusterRole cluster-wide (built-ins: knownObjects).
    const resolution = resolveReference(ctx, object, { kind: ref.kind, name: ref.name, path: ['roleRef', 'name'] }, 'warning');
    if (resolution.status !== 'finding') return [];
    return [{ ...resolution.finding, message: `${resolution.finding.message} ${object.kind} "${object.name}" grants nothing until it exists.` }];
  },
};

/** roleref-invalid: API validation of `roleRef` (group, and the kinds each binding may reference). */
export const roleRefInvalid: K8sRule = {
  name: 'roleref-invalid',
  severity: 'error',
  check(object) {
    const ref = roleRef(object);
    if (!ref) return [];
    const out: RuleFinding[] = [];
    if (ref.apiGroup !== RBAC_GROUP) {
      out.push({ path: ref.apiGroup === undefined ? ['roleRef'] : ['roleRef', 'apiGroup'], on: ref.apiGroup === undefined ? 'key' : 'value', message: `roleRef.apiGroup must be "${RBAC_GROUP}".` });
    }
    const allowed = object.kind === 'ClusterRoleBinding' ? ['ClusterRole'] : ['Role', 'ClusterRole'];
    if (typeof ref.kind === 'string' && !allowed.includes(ref.kind)) {
      out.push({ path: ['roleRef', 'kind'], message: `A ${object.kind} can only reference ${allowed.join(' or ')}, not ${ref.kind}.` });
    }
    return out;
  },
};
