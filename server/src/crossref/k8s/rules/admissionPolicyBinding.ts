import { CLUSTER_SCOPED } from '../../namespaces';
import { isRecord } from '../k8sObject';
import { resolveReference } from '../references';
import type { K8sRule, RuleFinding } from '../ruleContext';

const POLICY_OF: Record<string, string> = {
  ValidatingAdmissionPolicyBinding: 'ValidatingAdmissionPolicy',
  MutatingAdmissionPolicyBinding: 'MutatingAdmissionPolicy',
};

/** vap-binding-refs: a binding's `policyName` → policy, and its `paramRef` → an object of the policy's `paramKind`. */
export const vapBindingRefs: K8sRule = {
  name: 'vap-binding-refs',
  severity: 'warning',
  check(object, ctx) {
    const policyKind = POLICY_OF[object.kind];
    if (!policyKind || !isRecord(object.value.spec)) return [];
    const spec = object.value.spec;
    const resolution = resolveReference(ctx, object, { kind: policyKind, name: spec.policyName, path: ['spec', 'policyName'] }, 'warning');
    if (resolution.status === 'finding') return [resolution.finding];
    if (resolution.status !== 'found') return [];
    const policy = resolution.target;
    const paramKind = isRecord(policy.value.spec) && isRecord(policy.value.spec.paramKind) ? policy.value.spec.paramKind : undefined;
    const paramRef = isRecord(spec.paramRef) ? spec.paramRef : undefined;
    const related = [{ object: policy, path: ['spec', paramKind ? 'paramKind' : 'policyName'], message: `${policyKind} "${policy.name}"` }];
    if (paramRef && !paramKind) return [{ path: ['spec', 'paramRef'], on: 'key', message: `${policyKind} "${policy.name}" declares no paramKind, so this paramRef is meaningless.`, related: [{ ...related[0]!, path: ['metadata', 'name'] }] }];
    if (!paramRef && paramKind) return [{ path: ['spec', 'policyName'], message: `${policyKind} "${policy.name}" takes parameters of kind ${String(paramKind.kind)}, but this binding sets no paramRef; every request fails per the policy's failurePolicy.`, related }];
    if (!paramRef || !paramKind || typeof paramKind.kind !== 'string' || typeof paramRef.name !== 'string') return [];
    // Custom parameter kinds are only checked when the workspace defines some of them.
    if (!['ConfigMap', 'Secret'].includes(paramKind.kind) && ctx.countOfKind(paramKind.kind) === 0) return [];
    const namespace = typeof paramRef.namespace === 'string' ? paramRef.namespace : undefined;
    // Without a namespace a namespaced parameter is looked up in each request's namespace: unknowable here.
    if (namespace === undefined && !CLUSTER_SCOPED.has(paramKind.kind)) return [];
    const param = resolveReference(ctx, object, { kind: paramKind.kind, name: paramRef.name, path: ['spec', 'paramRef', 'name'], namespace }, 'warning', `parameter ${paramKind.kind}`);
    const out: RuleFinding[] = [];
    if (param.status === 'finding') out.push({ ...param.finding, related: [...(param.finding.related ?? []), ...related] });
    return out;
  },
};
