import { resolveReference } from '../references';
import type { K8sRule, RuleFinding } from '../ruleContext';

/** serviceaccount-missing: ServiceAccount admission rejects pods whose account does not exist. */
export const serviceAccountMissing: K8sRule = {
  name: 'serviceaccount-missing',
  severity: 'warning',
  check(object, ctx) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      const spec = template.spec;
      // serviceAccountName wins; the deprecated serviceAccount is used only when it is unset.
      const field = typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '' ? 'serviceAccountName' : 'serviceAccount';
      const path = [...template.path, 'spec', field];
      const resolution = resolveReference(ctx, object, { kind: 'ServiceAccount', name: spec[field], path }, 'warning');
      if (resolution.status === 'finding') out.push({ ...resolution.finding, message: `${resolution.finding.message} Pods of ${object.kind} "${object.name}" are rejected until it exists.` });
    }
    return out;
  },
};

/** serviceaccount-field-conflict: the deprecated `serviceAccount` disagrees with `serviceAccountName`. */
export const serviceAccountFieldConflict: K8sRule = {
  name: 'serviceaccount-field-conflict',
  severity: 'warning',
  check(object) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      const { serviceAccount, serviceAccountName } = template.spec;
      if (typeof serviceAccount !== 'string' || typeof serviceAccountName !== 'string' || serviceAccount === '' || serviceAccount === serviceAccountName) continue;
      out.push({
        path: [...template.path, 'spec', 'serviceAccount'],
        message: `The deprecated serviceAccount "${serviceAccount}" differs from serviceAccountName "${serviceAccountName}", which wins; remove serviceAccount.`,
        related: [{ object, path: [...template.path, 'spec', 'serviceAccountName'], message: 'serviceAccountName' }],
      });
    }
    return out;
  },
};

const SA_ANNOTATION = 'kubernetes.io/service-account.name';

/** sa-token-secret-sa-missing: a token Secret is only filled in for an existing ServiceAccount. */
export const saTokenSecretSaMissing: K8sRule = {
  name: 'sa-token-secret-sa-missing',
  severity: 'warning',
  check(object, ctx) {
    if (object.kind !== 'Secret' || !(SA_ANNOTATION in object.annotations)) return [];
    const path = ['metadata', 'annotations', SA_ANNOTATION];
    const resolution = resolveReference(ctx, object, { kind: 'ServiceAccount', name: object.annotations[SA_ANNOTATION], path }, 'warning');
    return resolution.status === 'finding' ? [resolution.finding] : [];
  },
};
