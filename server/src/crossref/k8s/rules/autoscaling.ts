import { namespaceRelation } from '../../namespaces';
import { isRecord, type K8sObject } from '../k8sObject';
import type { K8sRule, RuleFinding } from '../ruleContext';
import { AUTOSCALER_KINDS, SCALABLE, autoscalersByTarget, autoscalersOf, groupsMatch, scaleTargetFinding, scaleTargetOf, unscalable } from '../scaleTargets';
import { sameObject } from '../workspaceScope';

/** hpa-target-missing: `scaleTargetRef` must name an object of that group + kind in the HPA's namespace. */
export const hpaTargetMissing: K8sRule = {
  name: 'hpa-target-missing',
  severity: 'warning',
  check(object, ctx) {
    if (object.kind !== 'HorizontalPodAutoscaler') return [];
    const target = scaleTargetOf(object);
    const finding = target && scaleTargetFinding(ctx, object, target);
    return finding ? [finding] : [];
  },
};

/** hpa-target-not-scalable: DaemonSets, Jobs, Pods… have no `/scale` subresource (controller: FailedGetScale). */
export const hpaTargetNotScalable: K8sRule = {
  name: 'hpa-target-not-scalable',
  severity: 'error',
  check(object) {
    if (!(AUTOSCALER_KINDS as readonly string[]).includes(object.kind)) return [];
    const target = scaleTargetOf(object);
    if (!target || !unscalable(target)) return [];
    return [
      {
        path: [...target.path, 'kind'],
        message: `A ${target.kind} has no /scale subresource, so ${object.kind} "${object.name}" cannot scale it (FailedGetScale); target a Deployment, StatefulSet or ReplicaSet.`,
      },
    ];
  },
};

/** replicas-set-with-hpa: every apply resets the replica count the autoscaler chose. */
export const replicasSetWithHpa: K8sRule = {
  name: 'replicas-set-with-hpa',
  severity: 'warning',
  check(object, ctx) {
    if (!SCALABLE.has(object.kind) || !isRecord(object.value.spec) || typeof object.value.spec.replicas !== 'number') return [];
    const [autoscaler] = autoscalersOf(ctx, object);
    if (!autoscaler) return [];
    return [
      {
        path: ['spec', 'replicas'],
        on: 'key',
        message: `${object.kind} "${object.name}" sets replicas: ${object.value.spec.replicas}, but ${autoscaler.kind} "${autoscaler.name}" scales it; each apply resets the autoscaler's choice. Leave spec.replicas out.`,
        related: [{ object: autoscaler, path: ['spec', 'scaleTargetRef'], message: `${autoscaler.kind} "${autoscaler.name}"` }],
      },
    ];
  },
};

// KEDA's ScaledObject "x" owns the HPA "keda-hpa-x": an exported pair is one autoscaler.
function kedaPair(a: K8sObject, b: K8sObject): boolean {
  const [hpa, so] = a.kind === 'ScaledObject' ? [b, a] : [a, b];
  return so.kind === 'ScaledObject' && hpa.kind === 'HorizontalPodAutoscaler' && hpa.name === `keda-hpa-${so.name}`;
}

/** multiple-autoscalers-same-pods: the HPA controller disables every HPA on pods that several select (AmbiguousSelector). */
export const multipleAutoscalersSamePods: K8sRule = {
  name: 'multiple-autoscalers-same-pods',
  severity: 'warning',
  check(object, ctx) {
    if (!(AUTOSCALER_KINDS as readonly string[]).includes(object.kind)) return [];
    const target = scaleTargetOf(object);
    if (!target || typeof target.name !== 'string') return [];
    const others = autoscalersByTarget(ctx, target.kind, target.name).filter((other) => {
      if (sameObject(other, object) || kedaPair(object, other)) return false;
      const t = scaleTargetOf(other);
      return !!t && t.kind === target.kind && t.name === target.name && (t.group === undefined || groupsMatch(target.group, t.group)) && namespaceRelation(object.namespace, other.namespace) === 'same';
    });
    if (others.length === 0) return [];
    const names = others.map((o) => `${o.kind} "${o.name}"`).join(', ');
    const finding: RuleFinding = {
      path: [...target.path, 'name'],
      message: `${target.kind} "${target.name}" is also scaled by ${names}; the HPA controller refuses to scale pods that several autoscalers select (AmbiguousSelector).`,
      related: others.map((o) => ({ object: o, path: [...(scaleTargetOf(o)?.path ?? ['spec']), 'name'], message: `${o.kind} "${o.name}"` })),
    };
    return [finding];
  },
};
