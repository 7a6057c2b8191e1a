import { readSelector } from '../../labelSelector';
import { list } from '../containers';
import { isRecord } from '../k8sObject';
import { noPodsFinding } from '../selectorTargets';
import type { K8sRule, RuleFinding } from '../ruleContext';

/**
 * netpol-podselector-no-pods: the policy applies to no pod. `{}` selects every pod of the
 * namespace, so it can only miss when the namespace has no workloads here (then a Hint: a
 * default-deny often lands before the workloads).
 */
export const netpolPodSelectorNoPods: K8sRule = {
  name: 'netpol-podselector-no-pods',
  severity: 'warning',
  check(object, ctx) {
    if (object.kind !== 'NetworkPolicy' || !isRecord(object.value.spec)) return [];
    const selector = readSelector(object.value.spec.podSelector);
    if (!selector) return [];
    const finding = noPodsFinding(ctx, object, selector, ['spec', 'podSelector']);
    return finding ? [finding] : [];
  },
};

/**
 * netpol-peer-podselector-no-pods: a peer `podSelector` without `namespaceSelector` selects pods
 * of the policy's namespace. Peers with a `namespaceSelector` reach other teams' namespaces by
 * design and are not checked (§5.1 #20).
 */
export const netpolPeerPodSelectorNoPods: K8sRule = {
  name: 'netpol-peer-podselector-no-pods',
  severity: 'hint',
  check(object, ctx) {
    if (object.kind !== 'NetworkPolicy' || !isRecord(object.value.spec)) return [];
    const out: RuleFinding[] = [];
    for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
      list(object.value.spec[direction]).forEach((rule, r) => {
        if (!isRecord(rule)) return;
        list(rule[peers]).forEach((peer, p) => {
          if (!isRecord(peer) || peer.namespaceSelector !== undefined) return;
          const selector = readSelector(peer.podSelector);
          if (!selector) return;
          const finding = noPodsFinding(ctx, object, selector, ['spec', direction, r, peers, p, 'podSelector']);
          if (finding) out.push({ ...finding, severity: 'hint', message: finding.message.replace('selects no pods', `${direction} peer selects no pods`) });
        });
      });
    }
    return out;
  },
};
