import type { PathSegment } from '../../../documents/yamlPath';
import { list } from '../containers';
import { isRecord } from '../k8sObject';
import { resolveReference } from '../references';
import type { K8sRule, RuleFinding } from '../ruleContext';

const PULL_SECRET_TYPES = new Set(['kubernetes.io/dockerconfigjson', 'kubernetes.io/dockercfg']);

/**
 * imagepullsecret-missing: `imagePullSecrets[].name` of pods and ServiceAccounts. Pull secrets
 * are often created out-of-band, so a miss is a Warning only when the workspace manages pull
 * secrets itself (it defines at least one), else a Hint.
 */
export const imagePullSecretMissing: K8sRule = {
  name: 'imagepullsecret-missing',
  severity: 'warning',
  check(object, ctx) {
    const refs: Array<{ name: unknown; path: PathSegment[] }> = [];
    const collect = (value: unknown, at: PathSegment[]) =>
      list(value).forEach((entry, i) => {
        if (isRecord(entry)) refs.push({ name: entry.name, path: [...at, i, 'name'] });
      });
    if (object.kind === 'ServiceAccount') collect(object.value.imagePullSecrets, ['imagePullSecrets']);
    for (const template of object.podTemplates) collect(template.spec.imagePullSecrets, [...template.path, 'spec', 'imagePullSecrets']);
    if (refs.length === 0) return [];
    const managed = ctx.ofKind('Secret').some((s) => PULL_SECRET_TYPES.has(String(s.value.type)));
    const out: RuleFinding[] = [];
    for (const ref of refs) {
      const resolution = resolveReference(ctx, object, { kind: 'Secret', name: ref.name, path: ref.path }, managed ? 'warning' : 'hint', 'image pull Secret');
      if (resolution.status === 'finding') out.push({ ...resolution.finding, severity: managed ? resolution.finding.severity : 'hint' });
    }
    return out;
  },
};
