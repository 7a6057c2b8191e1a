import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apply, at, find, yaml } from './applyHelpers';
import { objectIdentity } from '../../../../server/src/dryrun/k8s/objectIdentity';
import { kubectlResourceName, groupResource } from '../../../../server/src/dryrun/k8s/resourceName';
import { LAST_APPLIED } from '../../../../server/src/dryrun/k8s/lastApplied';

const web = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - name: app
          image: nginx
          ports: [{containerPort: 80}]
          readinessProbe: {httpGet: {path: /, port: 80}}
        - name: side
          image: busybox:1.36
        volumes: [{name: cfg, configMap: {name: app-config}}]
`;

/** Compares the values at dotted paths of a stored object. */
function check(object: unknown, expected: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(expected)) assert.deepEqual(at(object, path), value, path);
}

test('a created Deployment carries the API server defaults and system metadata', () => {
  const stored = find(apply(web).state, 'Deployment', 'web');
  check(stored, {
    'metadata.namespace': 'default',
    'metadata.generation': 1,
    'metadata.resourceVersion': '1',
    'metadata.creationTimestamp': '2025-01-01T00:00:01Z',
    'spec.replicas': 1,
    'spec.strategy': { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    'spec.revisionHistoryLimit': 10,
    'spec.progressDeadlineSeconds': 600,
    'spec.template.spec.dnsPolicy': 'ClusterFirst',
    'spec.template.spec.restartPolicy': 'Always',
    'spec.template.spec.schedulerName': 'default-scheduler',
    'spec.template.spec.securityContext': {},
    'spec.template.spec.terminationGracePeriodSeconds': 30,
    'spec.template.spec.containers.0.imagePullPolicy': 'Always',
    'spec.template.spec.containers.1.imagePullPolicy': 'IfNotPresent',
    'spec.template.spec.containers.0.terminationMessagePath': '/dev/termination-log',
    'spec.template.spec.containers.0.terminationMessagePolicy': 'File',
    'spec.template.spec.containers.0.ports.0.protocol': 'TCP',
    'spec.template.spec.containers.0.readinessProbe': { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
    'spec.template.spec.volumes.0.configMap.defaultMode': 420,
  });
  assert.match(String(at(stored, 'metadata.uid')), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual(apply(web).state, apply(web).state, 'deterministic');
});

test('the last-applied annotation is the compact sorted JSON of the manifest, as kubectl writes it', () => {
  const stored = find(apply(yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: urls, labels: {z: "1", a: "2"}}
    data: {url: "https://x/?a=1&b=<2>"}
  `).state, 'ConfigMap', 'urls');
  assert.equal(
    (at(stored, 'metadata.annotations') as Record<string, string>)[LAST_APPLIED],
    '{"apiVersion":"v1","data":{"url":"https://x/?a=1\\u0026b=\\u003c2\\u003e"},"kind":"ConfigMap","metadata":{"annotations":{},"labels":{"a":"2","z":"1"},"name":"urls","namespace":"default"}}\n',
  );
});

test('Services, Namespaces, StatefulSets, DaemonSets and CronJobs get their defaults', () => {
  const state = apply(yaml`
    apiVersion: v1
    kind: Namespace
    metadata: {name: team}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: lb}
    spec: {type: LoadBalancer, selector: {app: web}, ports: [{name: http, port: 80}]}
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: db}
    spec:
      serviceName: db
      selector: {matchLabels: {app: db}}
      template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: postgres:16}]}}
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: agent}
    spec:
      selector: {matchLabels: {app: agent}}
      template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: a, image: agent:1}]}}
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: nightly}
    spec:
      schedule: "@daily"
      jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: j, image: j:1}]}}}}
  `).state;
  check(find(state, 'Namespace', 'team'), { 'metadata.labels': { 'kubernetes.io/metadata.name': 'team' }, 'spec.finalizers': ['kubernetes'], 'status.phase': 'Active', 'metadata.generation': undefined });
  const lb = find(state, 'Service', 'lb');
  check(lb, {
    'spec.sessionAffinity': 'None',
    'spec.externalTrafficPolicy': 'Cluster',
    'spec.internalTrafficPolicy': 'Cluster',
    'spec.allocateLoadBalancerNodePorts': true,
    'spec.ipFamilies': ['IPv4'],
    'spec.ipFamilyPolicy': 'SingleStack',
    'spec.ports.0.targetPort': 80,
    'spec.ports.0.protocol': 'TCP',
    'metadata.generation': undefined,
  });
  assert.equal(typeof at(lb, 'spec.ports.0.nodePort'), 'number');
  check(find(state, 'StatefulSet', 'db'), {
    'spec.podManagementPolicy': 'OrderedReady',
    'spec.updateStrategy': { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } },
    'spec.persistentVolumeClaimRetentionPolicy': { whenDeleted: 'Retain', whenScaled: 'Retain' },
    'spec.replicas': 1,
  });
  check(find(state, 'DaemonSet', 'agent'), { 'spec.updateStrategy': { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } });
  assert.equal((at(find(state, 'DaemonSet', 'agent'), 'metadata.annotations') as Record<string, string>)['deprecated.daemonset.template.generation'], '1');
  check(find(state, 'CronJob', 'nightly'), { 'spec.concurrencyPolicy': 'Allow', 'spec.suspend': false, 'spec.successfulJobsHistoryLimit': 3, 'spec.failedJobsHistoryLimit': 1 });
});

test('created objects list the manifest fields as their diff; updates list only what changed', () => {
  const created = apply(web).applied[0]!;
  assert.deepEqual(created.plan.diff.slice(0, 3), [
    { path: 'apiVersion', to: 'apps/v1' },
    { path: 'kind', to: 'Deployment' },
    { path: 'metadata.name', to: 'web' },
  ]);
  assert.ok(created.plan.diff.some((c) => c.path === 'spec.template.spec.containers[name=app].ports[containerPort=80].containerPort' && c.to === 80));
  assert.ok(!created.plan.diff.some((c) => c.path.includes('imagePullPolicy')), 'defaults are not manifest fields');
  const updated = apply(web.replace('image: busybox:1.36', 'image: busybox:1.37').replace('app-config', 'app-config-v2'), apply(web).state).applied[0]!;
  assert.deepEqual(updated.plan.diff, [
    { path: 'spec.template.spec.containers[name=side].image', from: 'busybox:1.36', to: 'busybox:1.37' },
    { path: 'spec.template.spec.volumes[name=cfg].configMap.name', from: 'app-config', to: 'app-config-v2' },
  ]);
  check(updated.after, { 'metadata.generation': 2, 'metadata.resourceVersion': '2' });
});

test('a live object written without defaults (hand-made state) compares as the server would return it', () => {
  const handMade = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', annotations: {} as Record<string, string> },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }], clusterIP: '10.96.7.7' },
  };
  const manifest = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec: {selector: {app: web}, ports: [{port: 80, protocol: TCP}], type: ClusterIP}
  `;
  handMade.metadata.annotations[LAST_APPLIED] = '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80,"protocol":"TCP"}],"selector":{"app":"web"},"type":"ClusterIP"}}\n';
  const result = apply(manifest, [handMade]);
  assert.equal(result.applied[0]!.plan.message, 'service/web unchanged');
  assert.equal(result.state[0], handMade, 'unchanged objects are kept as they were');
});

test('template creationTimestamp: null matches what servers before 1.33 return; later ones omit it', () => {
  const generated = web.replace('metadata: {labels: {app: web}}', 'metadata: {creationTimestamp: null, labels: {app: web}}');
  const verdict = (version: string) => apply(generated, apply(generated, [], { k8sVersion: version }).state, { k8sVersion: version }).applied[0]!.plan.message;
  assert.equal(verdict('1.32'), 'deployment.apps/web unchanged');
  assert.equal(verdict('1.35'), 'deployment.apps/web configured');
});

test('identity and kubectl resource names', () => {
  assert.equal(objectIdentity({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } }), 'apps/Deployment/shop/web');
  assert.equal(objectIdentity({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }), '/Namespace//shop');
  assert.equal(kubectlResourceName('Deployment', 'apps/v1', 'web'), 'deployment.apps/web');
  assert.equal(kubectlResourceName('ConfigMap', 'v1', 'app-config'), 'configmap/app-config');
  assert.equal(kubectlResourceName('Ingress', 'networking.k8s.io/v1', 'www'), 'ingress.networking.k8s.io/www');
  assert.equal(groupResource('Ingress', 'networking.k8s.io/v1'), 'ingresses.networking.k8s.io');
  assert.equal(groupResource('NetworkPolicy', 'networking.k8s.io/v1'), 'networkpolicies.networking.k8s.io');
  assert.equal(groupResource('Endpoints', 'v1'), 'endpoints');
});
