import type { K8sRule } from '../ruleContext';
import { scaleTargetFinding, scaleTargetOf } from '../scaleTargets';

/** vpa-keda-target-missing: VPA `targetRef` and KEDA `scaleTargetRef` resolve like an HPA's (group + kind + name). */
export const vpaKedaTargetMissing: K8sRule = {
  name: 'vpa-keda-target-missing',
  severity: 'warning',
  check(object, ctx) {
    if (object.kind !== 'VerticalPodAutoscaler' && object.kind !== 'ScaledObject') return [];
    const target = scaleTargetOf(object);
    const finding = target && scaleTargetFinding(ctx, object, target);
    return finding ? [finding] : [];
  },
};
