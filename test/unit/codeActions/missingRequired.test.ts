import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, offered } from './fixHelpers';

const lines = (...l: string[]) => l.join('\n') + '\n';

test('missing-required-field: a required string gets an empty placeholder at the siblings\' indentation', () => {
  checkFix({
    files: { 'pod.yaml': lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec:', '  containers:', '    - image: nginx # the app', '      tty: true') },
    code: 'missing-required-field',
    at: 'image: nginx # the app',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec:', '  containers:', '    - image: nginx # the app', '      tty: true', '      name: ""'),
  });
});

test('missing-required-field: a required list of objects gets one item with its own required fields', () => {
  checkFix({
    files: { 'pod.yaml': lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  restartPolicy: Always') },
    code: 'missing-required-field',
    at: 'spec',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  restartPolicy: Always', '  containers:', '    - name: ""'),
  });
});

test('missing-required-field: a Deployment selector is written from the pod template labels', () => {
  const deployment = (selector: string[]) =>
    lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 2', '  template:', '    metadata:', '      labels: {app: web, tier: front}', '    spec:', '      containers: [{name: web, image: nginx}]', ...selector);
  checkFix({
    files: { 'deploy.yaml': deployment([]) },
    code: 'missing-required-field',
    at: 'spec',
    expected: deployment(['  selector:', '    matchLabels:', '      app: web', '      tier: front']),
  });
});

test('missing-required-field: a required number gets its default; several missing fields can be added at once', () => {
  const service = (...ports: string[]) => lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  ports:', ...ports);
  checkFix({
    files: { 'svc.yaml': service('    - name: http', '      protocol: TCP') },
    code: 'missing-required-field',
    at: 'name: http',
    expected: service('    - name: http', '      protocol: TCP', '      port: 0'),
  });
  // A CertificateSigningRequest needs both request and signerName.
  const csr = (...spec: string[]) => lines('apiVersion: certificates.k8s.io/v1', 'kind: CertificateSigningRequest', 'metadata: {name: csr}', 'spec:', '  usages: [client auth]', ...spec);
  // The client sends both diagnostics (same range): one fix each, and the combined one once.
  const titles = offered({ 'csr.yaml': csr() }, 'missing-required-field', 'spec', { message: /"request"/ });
  assert.deepEqual(titles, ['*Add missing field "request"', 'Add all missing fields (request, signerName)', '*Add missing field "signerName"']);
  checkFix({
    files: { 'csr.yaml': csr() },
    code: 'missing-required-field',
    at: 'spec',
    message: /"signerName"/,
    title: 'Add all missing fields (request, signerName)',
    expected: csr('  request: ""', '  signerName: ""'),
  });
});

test('missing-required-field in a flow mapping: added inline', () => {
  checkFix({
    files: { 'pod.yaml': lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec: {containers: [{image: nginx}]}') },
    code: 'missing-required-field',
    at: '{image: nginx}',
    expected: lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec: {containers: [{image: nginx, name: ""}]}'),
  });
});
