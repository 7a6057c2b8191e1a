import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkKubernetes, yaml } from '../helpers';

// Indentation of the extras must match: spec children at 2 spaces, container fields at 8.
const deployment = (containerExtra: string, specExtra = '') =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:' + specExtra,
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx:1.27' + containerExtra,
    '',
  ].join('\n');

test('a valid Deployment has no findings', () => {
  assert.deepEqual(checkKubernetes(deployment('')), []);
});

test('replicas of the wrong type: message names the path, expected type and the value', () => {
  const found = checkKubernetes(deployment('', '\n  replicas: three'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'invalid-type');
  assert.equal(found[0]!.message, 'spec.replicas: expected integer, got string "three"');
  assert.equal(found[0]!.text, 'three');
});

test('unknown field: error on the key with a did-you-mean suggestion', () => {
  const found = checkKubernetes(deployment('\n          imagePullPolcy: Always'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'unknown-field');
  assert.equal(found[0]!.text, 'imagePullPolcy');
  assert.match(found[0]!.message, /Unknown field "imagePullPolcy" in spec\.template\.spec\.containers\[0\]; did you mean "imagePullPolicy"\?/);
});

test('enum violation lists the valid values and suggests the closest', () => {
  const found = checkKubernetes(deployment('\n          imagePullPolicy: Sometimes'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'invalid-value');
  assert.equal(found[0]!.text, 'Sometimes');
  assert.match(found[0]!.message, /Always, IfNotPresent, Never/);
});

test('Service type ClusterIp: case typo suggests ClusterIP', () => {
  const found = checkKubernetes(yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      type: ClusterIp
      ports: [{port: 80}]
  `);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, 'ClusterIp');
  assert.match(found[0]!.message, /ClusterIP, ExternalName, LoadBalancer, NodePort|ClusterIP/);
  assert.match(found[0]!.message, /Did you mean "ClusterIP"\?/);
});

test('missing required field is reported on the parent key', () => {
  const found = checkKubernetes(yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      template:
        metadata: {labels: {app: web}}
        spec:
          containers: [{name: web, image: nginx}]
  `);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'missing-required-field');
  assert.equal(found[0]!.text, 'spec');
  assert.equal(found[0]!.message, 'spec: missing required field "selector"');
});

test('int-or-string accepts both and rejects a boolean with one readable message', () => {
  const svc = (port: string) => yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      selector: {app: web}
      ports:
        - port: 80
          targetPort: ${port}
  `;
  assert.deepEqual(checkKubernetes(svc('8080')), []);
  assert.deepEqual(checkKubernetes(svc('http')), []);
  const found = checkKubernetes(svc('true'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.message, 'spec.ports[0].targetPort: expected integer or string, got boolean true');
  assert.doesNotMatch(found[0]!.message, /multiple|oneOf|schemas/);
});

test('quantities: valid forms pass, "1Gb" is a format error on the value', () => {
  assert.deepEqual(checkKubernetes(deployment('\n          resources: {limits: {cpu: 500m, memory: 128Mi}, requests: {cpu: 0.25, memory: 1e3}}')), []);
  const found = checkKubernetes(deployment('\n          resources: {limits: {memory: 1Gb}}'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'invalid-format');
  assert.equal(found[0]!.text, '1Gb');
  assert.match(found[0]!.message, /quantity/);
});

test('int32 overflow is a format error', () => {
  const found = checkKubernetes(deployment('', '\n  replicas: 3000000000'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'invalid-format');
});

test('missing metadata.name is reported', () => {
  const found = checkKubernetes(yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {labels: {a: b}}
    data: {k: v}
  `);
  assert.deepEqual(found.map((f) => [f.code, f.text]), [['missing-name', 'metadata']]);
});

test('each --- document is validated on its own', () => {
  const found = checkKubernetes(yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
    data: {k: v}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: b}
    date: {k: v}
  `);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.line, 8);
  assert.match(found[0]!.message, /did you mean "data"/);
});

test('kind: List items are validated one by one', () => {
  const found = checkKubernetes(yaml`
    apiVersion: v1
    kind: List
    items:
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: ok}
      - apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {type: Cluster}
  `);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, 'Cluster');
  assert.match(found[0]!.message, /^items\[1\] spec\.type/);
});

test('YAML syntax errors and duplicate keys have precise ranges; other documents still validate', () => {
  const found = checkKubernetes(yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
    metadata: {name: b}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: s}
    spec: {type: Nope}
  `);
  const codes = found.map((f) => f.code).sort();
  assert.deepEqual(codes, ['duplicate-key', 'invalid-value']);
  const dup = found.find((f) => f.code === 'duplicate-key')!;
  assert.equal(dup.line, 3);
  assert.equal(dup.text, 'metadata');
});

test('Helm templates get no diagnostics', () => {
  const found = checkKubernetes(yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: {{ .Release.Name }}
    spec:
      replicas: {{ .Values.replicas }}
  `);
  assert.deepEqual(found, []);
});

test('anchors and merge keys are resolved before validation', () => {
  const found = checkKubernetes(yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
        - &base
          name: a
          image: busybox
          imagePullPolicy: IfNotPresent
        - <<: *base
          name: b
  `);
  assert.deepEqual(found, []);
});

test('unquoted yes/no/on/off are booleans to kubectl (YAML 1.1): a string field reports it with a hint', () => {
  const found = checkKubernetes(yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      nodeSelector: {gpu: yes}
      containers:
        - name: c
          image: busybox
          env:
            - {name: DEBUG, value: "on"}
            - {name: VERBOSE, value: off}
  `);
  assert.deepEqual(found.map((f) => [f.code, f.text]), [['invalid-type', 'yes'], ['invalid-type', 'off']]);
  assert.match(found[0]!.message, /nodeSelector\.gpu: expected string, got boolean true \(kubectl reads this unquoted value as a YAML 1\.1 boolean/);
  assert.match(found[1]!.message, /got boolean false/);
});

test('YAML 1.1 booleans where a boolean is expected are fine', () => {
  assert.deepEqual(checkKubernetes('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: yes\n  containers: [{name: c, image: b, stdin: on}]\n'), []);
});

test('every shipped version reads int-or-string ports and numeric quantities as the API server does (1.23 documents type them as strings)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: a}
    spec:
      selector: {app: a}
      ports: [{port: 80, targetPort: 8080}, {port: 81, targetPort: http}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers: [{name: a, image: a, resources: {requests: {cpu: 1, memory: 1Gb}}}]
  `;
  for (const version of ['1.23', '1.24', '1.35']) {
    assert.deepEqual(checkKubernetes(text, version).map((f) => [f.code, f.text]), [['invalid-format', '1Gb']], version);
  }
});
