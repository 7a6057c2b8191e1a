import { readSelector, selectorMatches } from '../../labelSelector';
import { namespaceRelation } from '../../namespaces';
import { isRecord, type K8sObject } from '../k8sObject';
import type { K8sRule, RuleContext, RuleFinding } from '../ruleContext';

// Coverage rules (opt-in, Information): best practices about what is absent, not dangling references.

function selectedBy(ctx: RuleContext, kind: string, field: string, object: K8sObject, labels: Record<string, string>): boolean {
  return ctx.ofKind(kind).some((o) => {
    if (namespaceRelation(object.namespace, o.namespace) === 'different' || !isRecord(o.value.spec)) return false;
    const selector = readSelector(o.value.spec[field]);
    return !!selector && selectorMatches(selector, labels);
  });
}

/** pod-not-isolated: no NetworkPolicy selects these pods, so all traffic to and from them is allowed. */
export const podNotIsolated: K8sRule = {
  name: 'pod-not-isolated',
  severity: 'information',
  check(object, ctx) {
    const template = object.podTemplates[0];
    if (!template || object.kind === 'PodTemplate' || selectedBy(ctx, 'NetworkPolicy', 'podSelector', object, { ...template.labels })) return [];
    return [{ path: ['metadata', 'name'], message: `No NetworkPolicy selects the pods of ${object.kind} "${object.name}"; they accept and send any traffic.` }];
  },
};

const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'Rollout']);

/** workload-without-pdb: a replicated workload with no PodDisruptionBudget can lose every replica in one drain. */
export const workloadWithoutPdb: K8sRule = {
  name: 'workload-without-pdb',
  severity: 'information',
  check(object, ctx) {
    const template = object.podTemplates[0];
    const replicas = isRecord(object.value.spec) ? object.value.spec.replicas : undefined;
    if (!template || !REPLICATED.has(object.kind) || typeof replicas !== 'number' || replicas < 2) return [];
    if (selectedBy(ctx, 'PodDisruptionBudget', 'selector', object, { ...template.labels })) return [];
    return [{ path: ['spec', 'replicas'], on: 'key', message: `${object.kind} "${object.name}" runs ${replicas} replicas but no PodDisruptionBudget selects them; a node drain may evict them all at once.` }];
  },
};

/** automount-token-via-serviceaccount: pods that need no API access should not mount a token. */
export const automountTokenViaServiceAccount: K8sRule = {
  name: 'automount-token-via-serviceaccount',
  severity: 'information',
  check(object, ctx) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      const spec = template.spec;
      if (spec.automountServiceAccountToken === false) continue;
      const name = typeof spec.serviceAccountName === 'string' && spec.serviceAccountName ? spec.serviceAccountName : typeof spec.serviceAccount === 'string' && spec.serviceAccount ? spec.serviceAccount : 'default';
      const account = ctx.find('ServiceAccount', name, object.namespace).find((m) => m.relation === 'same')?.object;
      if (account?.value.automountServiceAccountToken === false) continue;
      out.push({
        path: [...template.path, 'spec', spec.serviceAccountName !== undefined ? 'serviceAccountName' : 'containers'],
        on: 'key',
        message: `Pods of ${object.kind} "${object.name}" mount an API token of ServiceAccount "${name}"; set automountServiceAccountToken: false on the pod or the ServiceAccount unless they call the API.`,
        related: account ? [{ object: account, path: ['metadata', 'name'], message: `ServiceAccount "${name}"` }] : undefined,
      });
    }
    return out;
  },
};
