import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkKubernetes, yaml } from '../helpers';

const ingressV1beta1 = yaml`
  apiVersion: extensions/v1beta1
  kind: Ingress
  metadata: {name: web}
  spec:
    backend: {serviceName: web, servicePort: 80}
`;

test('an apiVersion removed before 1.23 is an error naming the removal and the replacement', () => {
  const found = checkKubernetes(ingressV1beta1, '1.35');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'removed-api-version');
  assert.equal(found[0]!.text, 'extensions/v1beta1');
  assert.equal(found[0]!.message, 'extensions/v1beta1 Ingress was removed in 1.22; use networking.k8s.io/v1.');
});

const cronJobBeta = yaml`
  apiVersion: batch/v1beta1
  kind: CronJob
  metadata: {name: nightly}
  spec:
    schedule: "0 3 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers: [{name: job, image: busybox}]
`;

test('the chosen Kubernetes version changes the verdict: batch/v1beta1 CronJob', () => {
  const in123 = checkKubernetes(cronJobBeta, '1.23');
  assert.deepEqual(in123.map((f) => [f.code, f.severity]), [['deprecated-api-version', 2]]);
  assert.match(in123[0]!.message, /removed in 1\.25; use batch\/v1/);
  const in125 = checkKubernetes(cronJobBeta, '1.25');
  assert.deepEqual(in125.map((f) => [f.code, f.severity]), [['removed-api-version', 1]]);
  assert.equal(in125[0]!.message, 'batch/v1beta1 CronJob was removed in 1.25; use batch/v1.');
});

test('a kind not yet served in an older version says when it was added', () => {
  const found = checkKubernetes(
    yaml`
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingAdmissionPolicy
      metadata: {name: p}
      spec: {}
    `,
    '1.23',
  );
  assert.equal(found[0]!.code, 'unavailable-api-version');
  assert.match(found[0]!.message, /added in 1\.30/);
});

test('a typo in a built-in kind is an error with a suggestion', () => {
  const found = checkKubernetes(yaml`
    apiVersion: apps/v1
    kind: Deploymnet
    metadata: {name: web}
  `);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'unknown-kind');
  assert.equal(found[0]!.text, 'Deploymnet');
  assert.match(found[0]!.message, /did you mean "Deployment"/);
});

test('an unknown version of a built-in group says how the kind is served', () => {
  const found = checkKubernetes(yaml`
    apiVersion: apps/v2
    kind: Deployment
    metadata: {name: web}
  `);
  assert.equal(found[0]!.code, 'unknown-api-version');
  assert.match(found[0]!.message, /Deployment is served as apps\/v1/);
});

test('custom resources without a CRD are not errors', () => {
  const found = checkKubernetes(yaml`
    apiVersion: networking.istio.io/v1beta1
    kind: VirtualService
    metadata: {name: web}
    spec: {hosts: ["*"], anything: [1, 2]}
  `);
  assert.deepEqual(found, []);
});
