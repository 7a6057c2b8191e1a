import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, offered } from './fixHelpers';

const lines = (...l: string[]) => l.join('\n') + '\n';

// A Service beside the pods keeps the workspace "complete", so findings are warnings, not hints.
const service = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web, namespace: shop}', 'spec: {selector: {app: web}, ports: [{port: 80}]}');

const pod = (...spec: string[]) =>
  lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  namespace: shop', '  labels: {app: web}', 'spec:', ...spec);

test('configmap-missing: a ConfigMap document is appended, in the pod\'s namespace, with the keys the pod reads', () => {
  const spec = [
    '  containers:',
    '  - name: web',
    '    image: nginx',
    '    env:',
    '    - name: MODE',
    '      valueFrom: {configMapKeyRef: {name: web-config, key: mode}}',
    '    - name: LEVEL',
    '      valueFrom: {configMapKeyRef: {name: web-config, key: level}}',
    '    envFrom: [{configMapRef: {name: web-config}}]',
  ];
  checkFix({
    files: { 'pod.yaml': pod(...spec), 'svc.yaml': service, 'other.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: unrelated-thing, namespace: shop}') },
    code: 'configmap-missing',
    at: 'web-config',
    nth: 2, // the envFrom reference; one new document answers all three
    expected:
      pod(...spec) +
      lines('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: web-config', '  namespace: shop', 'data:', '  level: ""', '  mode: ""'),
  });
});

test('secret-missing: a Secret with stringData for the keys of its volume items; a file without a final newline gets one', () => {
  const spec = [
    '  containers: [{name: web, image: nginx, volumeMounts: [{name: tls, mountPath: /tls}]}]',
    '  volumes:',
    '  - name: tls',
    '    secret:',
    '      secretName: web-tls',
    '      items: [{key: tls.crt, path: cert}]',
  ];
  const text = pod(...spec).replace(/\n$/, '');
  const actions = checkFix({
    files: { 'pod.yaml': text, 'svc.yaml': service, 'secret.yaml': lines('apiVersion: v1', 'kind: Secret', 'metadata: {name: other, namespace: shop}') },
    code: 'secret-missing',
    at: 'web-tls',
    expected: text + '\n' + lines('---', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: web-tls', '  namespace: shop', 'type: Opaque', 'stringData:', '  tls.crt: ""'),
  });
  assert.deepEqual(actions.map((a) => `${a.isPreferred ? '*' : ''}${a.title}`), ['*Create Secret "web-tls" in this file']);
});

test('serviceaccount-missing: a ServiceAccount; a file ending in --- reuses it; a pod without a namespace makes one without', () => {
  const deployment = lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      serviceAccountName: robot',
    '      containers: [{name: web, image: nginx}]',
    '---',
  );
  checkFix({
    files: { 'web.yaml': deployment, 'sa.yaml': lines('apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: builder}') },
    code: 'serviceaccount-missing',
    at: 'robot',
    expected: deployment + lines('apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: robot'),
  });
});

test('a reference with a close or same-named object elsewhere: creating is offered, not preferred', () => {
  const spec = ['  containers: [{name: web, image: nginx, envFrom: [{configMapRef: {name: web-confg}}]}]'];
  const files = { 'pod.yaml': pod(...spec), 'svc.yaml': service, 'cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: web-config, namespace: shop}') };
  assert.deepEqual(offered(files, 'configmap-missing', 'web-confg'), ['Create ConfigMap "web-confg" in this file']);
});
