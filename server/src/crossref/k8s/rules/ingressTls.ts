import { list } from '../containers';
import { isRecord, type K8sObject } from '../k8sObject';
import { resolveReference } from '../references';
import type { K8sRule, RuleFinding } from '../ruleContext';

// cert-manager's ingress-shim creates the TLS Secret for Ingresses annotated like this (§2.4).
const CERT_MANAGER = ['cert-manager.io/issuer', 'cert-manager.io/cluster-issuer', 'certmanager.k8s.io/issuer', 'certmanager.k8s.io/cluster-issuer'];

function certManaged(object: K8sObject): boolean {
  return CERT_MANAGER.some((a) => object.annotations[a]) || object.annotations['kubernetes.io/tls-acme'] === 'true';
}

function tlsContentFinding(secret: K8sObject, path: RuleFinding['path']): RuleFinding | undefined {
  const related = [{ object: secret, path: ['metadata', 'name'], message: `Secret "${secret.name}"` }];
  const type = secret.value.type;
  if (typeof type === 'string' && type !== 'kubernetes.io/tls') {
    return { path, message: `Secret "${secret.name}" has type ${type}; an Ingress TLS Secret should be kubernetes.io/tls with tls.crt and tls.key.`, related };
  }
  const keys = new Set<string>();
  for (const field of ['data', 'stringData']) if (isRecord(secret.value[field])) for (const k of Object.keys(secret.value[field] as object)) keys.add(k);
  const missing = ['tls.crt', 'tls.key'].filter((k) => !keys.has(k));
  if (keys.size > 0 && missing.length > 0) return { path, message: `Secret "${secret.name}" has no ${missing.join(' or ')}, which an Ingress TLS Secret needs.`, related };
  return undefined;
}

/** ingress-tls-secret-missing: `spec.tls[].secretName` must be a TLS Secret in the Ingress's namespace. */
export const ingressTlsSecretMissing: K8sRule = {
  name: 'ingress-tls-secret-missing',
  severity: 'warning',
  check(object, ctx) {
    if (object.kind !== 'Ingress' || !isRecord(object.value.spec) || certManaged(object)) return [];
    const out: RuleFinding[] = [];
    list(object.value.spec.tls).forEach((tls, i) => {
      // No secretName: the controller's default certificate serves it.
      if (!isRecord(tls) || typeof tls.secretName !== 'string') return;
      const path = ['spec', 'tls', i, 'secretName'];
      // Some controllers (ingress-nginx, Traefik) accept "namespace/name".
      const [namespace, name] = tls.secretName.includes('/') ? tls.secretName.split('/', 2) : [undefined, tls.secretName];
      const resolution = resolveReference(ctx, object, { kind: 'Secret', name, path, namespace }, 'warning', 'TLS Secret');
      if (resolution.status === 'finding') out.push(resolution.finding);
      if (resolution.status === 'found' && resolution.target.kind === 'Secret') {
        const finding = tlsContentFinding(resolution.target, path);
        if (finding) out.push(finding);
      }
    });
    return out;
  },
};

/** ingressclass-unknown: IngressClasses usually come with the controller's chart, so only a Hint. */
export const ingressClassUnknown: K8sRule = {
  name: 'ingressclass-unknown',
  severity: 'hint',
  check(object, ctx) {
    if (object.kind !== 'Ingress' || !isRecord(object.value.spec)) return [];
    const path = ['spec', 'ingressClassName'];
    const resolution = resolveReference(ctx, object, { kind: 'IngressClass', name: object.value.spec.ingressClassName, path }, 'hint');
    return resolution.status === 'finding' ? [{ ...resolution.finding, severity: 'hint' }] : [];
  },
};
