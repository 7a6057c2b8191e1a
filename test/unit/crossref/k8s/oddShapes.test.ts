import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestFile } from '../../../../server/src/documents/manifestFile';
import { WorkspaceIndex } from '../../../../server/src/crossref/workspaceIndex';
import { extractObjects } from '../../../../server/src/crossref/k8s/k8sObject';
import { RuleContext } from '../../../../server/src/crossref/k8s/ruleContext';
import { knownObjects } from '../../../../server/src/crossref/k8s/knownObjects';
import { K8S_RULES, OPT_IN_K8S_RULES } from '../../../../server/src/crossref/k8s/rules';

const container = {
  name: 'app',
  image: 'app',
  ports: [{ name: 'http', containerPort: 80, hostPort: 80 }],
  env: [{ name: 'A', value: '$(B)' }, { name: 'A', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' } } }],
  envFrom: [{ configMapRef: { name: 'cm' } }],
  volumeMounts: [{ name: 'data', mountPath: '/data' }],
  readinessProbe: { httpGet: { port: 'http' } },
  lifecycle: { preStop: { tcpSocket: { port: 'http' } } },
};
const podSpec = {
  serviceAccountName: 'sa',
  serviceAccount: 'old',
  priorityClassName: 'high',
  runtimeClassName: 'rc',
  subdomain: 'svc',
  imagePullSecrets: [{ name: 'reg' }],
  containers: [container],
  initContainers: [container],
  volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'pvc' } }, { name: 'd', downwardAPI: { items: [{ resourceFieldRef: { containerName: 'x' } }] } }],
  affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'a', operator: 'In', values: ['b'] }] } }] } },
  topologySpreadConstraints: [{ labelSelector: { matchLabels: { a: 'b' } } }],
};
const selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['x'] }] };
const template = { metadata: { labels: { app: 'web' } }, spec: podSpec };

/** One rich object per kind the rules read; every node of each is then replaced by odd values. */
const RICH: object[] = [
  { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, spec: { replicas: 2, serviceName: 'web', selector, template, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { storageClassName: 'sc' } }] } },
  { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { selector: { app: 'web' }, template } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', labels: { app: 'web' } }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { port: 81 }] } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', annotations: { a: 'b' } }, spec: { ingressClassName: 'nginx', tls: [{ secretName: 'ns/tls' }], defaultBackend: { service: { name: 'web', port: { number: 80, name: 'http' } } }, backend: { serviceName: 'web', servicePort: 'http' }, rules: [{ http: { paths: [{ backend: { service: { name: 'web', port: { name: 'x' } } } }] } }] } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec: { podSelector: selector, ingress: [{ from: [{ podSelector: selector }] }], egress: [{ to: [{ namespaceSelector: {} }] }] } },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web' }, minReplicas: 1 } },
  { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'k' }, spec: { scaleTargetRef: { name: 'web' }, minReplicaCount: 0 } },
  { apiVersion: 'autoscaling.k8s.io/v1', kind: 'VerticalPodAutoscaler', metadata: { name: 'v' }, spec: { targetRef: { kind: 'Deployment', name: 'web' } } },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p' }, spec: { minAvailable: '50%', selector } },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'b' }, roleRef: { apiGroup: 'x', kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'sa', apiGroup: 'x' }, { kind: 'User', name: 'u' }] },
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa' }, imagePullSecrets: [{ name: 'reg' }] },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 't', annotations: { 'kubernetes.io/service-account.name': 'sa' } }, type: 'kubernetes.io/tls', data: { a: 'b' } },
  { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { claimRef: { namespace: 'a', name: 'pvc' } } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'pvc' }, spec: { volumeName: 'pv', storageClassName: 'sc' } },
  { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' } },
  { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'es', labels: { 'kubernetes.io/service-name': 'x' } } },
  { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'm' }, spec: { selector, namespaceSelector: { matchNames: ['a'] }, endpoints: [{ port: 'http' }] } },
  { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', metadata: { name: 'w' }, webhooks: [{ clientConfig: { service: { namespace: 'a', name: 'web', port: 1 } }, objectSelector: selector }] },
  { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'c' }, spec: { conversion: { webhook: { clientConfig: { service: { name: 'web' } } } } } },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'a' }, spec: { parentRefs: [{ name: 'g', sectionName: 's' }], rules: [{ backendRefs: [{ name: 'web', namespace: 'b', port: 80 }] }] } },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'g', namespace: 'a' }, spec: { listeners: [{ name: 'x' }] } },
  { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name: 'b' }, spec: { policyName: 'p', paramRef: { name: 'x', namespace: 'a' } } },
  { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name: 'p', ownerReferences: [{}] }, spec: { paramKind: { kind: 'ConfigMap' } } },
];

const ODD: unknown[] = [null, 'x', 7, [], [null, 'x', 3]];

/** Every path of a JSON value (object keys and array indexes). */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...at, i], ...paths(v, [...at, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...paths(v, [...at, k])]);
  return [];
}

function replaced(value: unknown, path: Array<string | number>, by: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path.at(-1)!] = by;
  return copy;
}

test('no rule throws on odd shapes: every node of every rich object replaced by null, a string, a number, lists', () => {
  const index = new WorkspaceIndex();
  index.update(parseManifestFile('file:///ws/all.yaml', RICH.map((o) => JSON.stringify(o)).join('\n---\n')));
  const rules = [...K8S_RULES, ...OPT_IN_K8S_RULES];
  let evaluated = 0;
  const failures = new Set<string>();
  for (const rich of RICH) {
    for (const path of paths(rich)) {
      if (path[0] === 'apiVersion' || path[0] === 'kind') continue;
      for (const odd of ODD) {
        const file = parseManifestFile('file:///ws/odd.yaml', JSON.stringify(replaced(rich, path, odd)));
        for (const object of extractObjects(file)) {
          const ctx = new RuleContext(index, knownObjects([]));
          for (const rule of rules) {
            try {
              rule.check(object, ctx);
            } catch (error) {
              failures.add(`${rule.name} on ${object.kind} with ${path.join('.')} = ${JSON.stringify(odd)}: ${String(error)}`);
            }
          }
          evaluated++;
        }
      }
    }
  }
  assert.deepEqual([...failures], []);
  assert.ok(evaluated > 1000, `evaluated ${evaluated}`);
});
