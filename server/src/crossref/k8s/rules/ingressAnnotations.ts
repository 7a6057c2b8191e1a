import { resolveReference } from '../references';
import type { K8sRule, RuleFinding } from '../ruleContext';

// Annotations that name another object, by the controller that reads them. ingress-nginx accepts
// "namespace/name" for its Secrets; cert-manager's ingress-shim looks the issuer up by name.
const ANNOTATION_REFERENCES: ReadonlyArray<{ annotation: string; kind: string; what: string; crossNamespace?: true }> = [
  { annotation: 'nginx.ingress.kubernetes.io/auth-secret', kind: 'Secret', what: 'auth Secret', crossNamespace: true },
  { annotation: 'nginx.ingress.kubernetes.io/auth-tls-secret', kind: 'Secret', what: 'client-certificate CA Secret', crossNamespace: true },
  { annotation: 'nginx.ingress.kubernetes.io/proxy-ssl-secret', kind: 'Secret', what: 'upstream TLS Secret', crossNamespace: true },
  { annotation: 'nginx.ingress.kubernetes.io/default-backend', kind: 'Service', what: 'default backend Service' },
  { annotation: 'cert-manager.io/issuer', kind: 'Issuer', what: 'cert-manager Issuer' },
  { annotation: 'cert-manager.io/cluster-issuer', kind: 'ClusterIssuer', what: 'cert-manager ClusterIssuer' },
];

/**
 * ingress-annotations-refs: controller annotations on an Ingress that name a Secret, a Service or
 * a cert-manager issuer the workspace does not have. Only a Hint: what they mean depends on the
 * controller installed. And only where the workspace keeps objects of that kind near the Ingress:
 * issuers usually live with the cluster's add-ons, not with the app (§5.1 #7).
 */
export const ingressAnnotationsRefs: K8sRule = {
  name: 'ingress-annotations-refs',
  severity: 'hint',
  check(object, ctx) {
    if (object.kind !== 'Ingress') return [];
    const out: RuleFinding[] = [];
    for (const { annotation, kind, what, crossNamespace } of ANNOTATION_REFERENCES) {
      const value = object.annotations[annotation];
      if (typeof value !== 'string' || value.trim() === '') continue;
      if (ctx.ofKindNear(kind, object.location.uri).length === 0) continue;
      const [namespace, name] = crossNamespace && value.includes('/') ? value.trim().split('/', 2) : [undefined, value.trim()];
      const resolution = resolveReference(ctx, object, { kind, name, namespace, path: ['metadata', 'annotations', annotation] }, 'hint', what);
      if (resolution.status === 'finding') out.push({ ...resolution.finding, severity: 'hint' });
    }
    return out;
  },
};
