import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, lines, workspace } from './crossrefHelpers';

/** A Pod whose spec lines are given (indented under `spec:`). */
const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', ...spec.map((l) => `  ${l}`));
const findings = (text: string) => workspace({ 'pod.yaml': text }).findings();

test('volumemount-unknown-volume fires at the mount name, related to the pod volumes', () => {
  const found = findings(pod('containers:', '  - name: c', '    image: c', '    volumeMounts: [{name: confg, mountPath: /etc/app}]', 'volumes: [{name: config, emptyDir: {}}]'));
  expectOne(found, 'volumemount-unknown-volume', { severity: 'error', text: 'confg', related: [['pod.yaml', 'volumes']], message: /mounts volume "confg", but the pod has no such volume \(it has: config\)/ });
  assert.deepEqual(findings(pod('containers:', '  - name: c', '    image: c', '    volumeMounts: [{name: config, mountPath: /etc/app}]', 'volumes: [{name: config, emptyDir: {}}]')), []);
});

test('duplicate-volume-or-mountpath: a volume declared twice, a path mounted twice', () => {
  const volumes = findings(pod('containers: [{name: c, image: c}]', 'volumes: [{name: data, emptyDir: {}}, {name: data, emptyDir: {}}]'));
  const f = expectOne(volumes, 'duplicate-volume-or-mountpath', { severity: 'error', text: 'data', related: [['pod.yaml', 'name']] });
  assert.equal(f.related[0]!.line, f.line);
  const mounts = findings(pod('containers:', '  - name: c', '    image: c', '    volumeMounts:', '      - {name: a, mountPath: /data}', '      - {name: b, mountPath: /data}', 'volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]'));
  expectOne(mounts, 'duplicate-volume-or-mountpath', { severity: 'error', text: '/data', message: /mounts two volumes at \/data/ });
  assert.equal(ofLine(mounts), 9);
  assert.deepEqual(findings(pod('containers:', '  - name: c', '    image: c', '    volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}]', 'volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]')), []);
});

function ofLine(found: Array<{ line: number }>): number {
  return found[0]!.line;
}

test('duplicate-container-name across init and regular containers', () => {
  const found = findings(pod('initContainers: [{name: app, image: migrate}]', 'containers: [{name: app, image: app}]'));
  expectOne(found, 'duplicate-container-name', { severity: 'error', text: 'app', related: [['pod.yaml', 'name']] });
  assert.deepEqual(findings(pod('initContainers: [{name: migrate, image: migrate}]', 'containers: [{name: app, image: app}]')), []);
});

test('duplicate-env-var fires at the later name, related to the first', () => {
  const found = findings(pod('containers:', '  - name: c', '    image: c', '    env:', '      - {name: PORT, value: "8080"}', '      - {name: PORT, value: "9090"}'));
  const f = expectOne(found, 'duplicate-env-var', { severity: 'warning', text: 'PORT', related: [['pod.yaml', 'name']], message: /defines PORT twice/ });
  assert.equal(f.line, 9);
  assert.equal(f.related[0]!.line, 8);
});

test('must not flag: a later value that appends $(X) (§5.1 #22), nor env vs envFrom duplicates', () => {
  assert.deepEqual(findings(pod('containers:', '  - name: c', '    image: c', '    env:', '      - {name: PATH, value: /bin}', '      - {name: PATH, value: "$(PATH):/opt/bin"}')), []);
  assert.deepEqual(findings(pod('containers:', '  - name: c', '    image: c', '    envFrom: [{configMapRef: {name: kube-root-ca.crt}}]', '    env: [{name: PORT, value: "1"}]')), []);
});

test('duplicate-env-var still fires for exactly $(X), a value without $(X), and valueFrom (as the API server warns)', () => {
  for (const later of ['{name: PATH, value: "$(PATH)"}', '{name: PATH, value: "/usr/bin"}', '{name: PATH, value: ""}', '{name: PATH, valueFrom: {fieldRef: {fieldPath: metadata.name}}}']) {
    const found = findings(pod('containers:', '  - name: c', '    image: c', '    env:', '      - {name: PATH, value: /bin}', `      - ${later}`));
    expectOne(found, 'duplicate-env-var', { severity: 'warning', text: 'PATH' });
  }
});

test('env-dependent-var-undefined is a Hint for forward or unknown references; shell substitutions are left alone', () => {
  const found = findings(pod('containers:', '  - name: c', '    image: c', '    env:', '      - {name: URL, value: "http://$(HOST):80"}', '      - {name: HOST, value: db}'));
  expectOne(found, 'env-dependent-var-undefined', { severity: 'hint', text: '"http://$(HOST):80"', message: /\$\(HOST\) is not defined earlier/ });
  assert.deepEqual(findings(pod('containers:', '  - name: c', '    image: c', '    env: [{name: HOST, value: db}, {name: URL, value: "http://$(HOST):80"}]', '    args: ["echo $(hostname) $(HOST) $(REDIS_SERVICE_HOST)"]')), []);
});

test('probe-named-port-unknown fires at the probe port; numeric probe ports are never checked (§5.1 #21)', () => {
  const found = findings(pod('containers:', '  - name: c', '    image: c', '    ports: [{name: http, containerPort: 8080}]', '    readinessProbe: {httpGet: {path: /, port: htp}}', '    livenessProbe: {tcpSocket: {port: 9999}}'));
  expectOne(found, 'probe-named-port-unknown', { severity: 'error', text: 'htp', related: [['pod.yaml', 'ports']], message: /readinessProbe port "htp" is not a port name of container "c" \(it names: http\)/ });
  assert.deepEqual(findings(pod('containers:', '  - name: c', '    image: c', '    ports: [{name: http, containerPort: 8080}]', '    readinessProbe: {httpGet: {path: /, port: http}}', '    livenessProbe: {tcpSocket: {port: 9999}}')), []);
});

test('container-port-names: invalid IANA names and duplicates', () => {
  const found = findings(pod('containers:', '  - name: c', '    image: c', '    ports: [{name: http, containerPort: 80}, {name: http, containerPort: 81}, {name: Metrics_Port, containerPort: 9090}, {name: "8080", containerPort: 8080}]'));
  assert.deepEqual(found.map((f) => [f.code, f.severity, f.text]), [
    ['container-port-names', 'error', 'http'],
    ['container-port-names', 'error', 'Metrics_Port'],
    ['container-port-names', 'error', '"8080"'],
  ]);
  assert.deepEqual(findings(pod('containers:', '  - name: c', '    image: c', '    ports: [{name: http, containerPort: 80}, {name: grpc-web, containerPort: 81}]')), []);
});

test('hostport-conflict-in-pod: same protocol/hostIP/hostPort in two containers', () => {
  const found = findings(pod('containers:', '  - {name: a, image: a, ports: [{containerPort: 80, hostPort: 8080}]}', '  - {name: b, image: b, ports: [{containerPort: 81, hostPort: 8080}]}'));
  expectOne(found, 'hostport-conflict-in-pod', { severity: 'error', text: '8080', related: [['pod.yaml', 'hostPort']] });
  assert.deepEqual(findings(pod('containers:', '  - {name: a, image: a, ports: [{containerPort: 80, hostPort: 8080}]}', '  - {name: b, image: b, ports: [{containerPort: 81, hostPort: 8080, protocol: UDP}]}')), []);
});

test('resourcefieldref-container-unknown in env and downwardAPI volumes', () => {
  const found = findings(
    pod(
      'containers:',
      '  - name: app',
      '    image: app',
      '    env: [{name: MEM, valueFrom: {resourceFieldRef: {containerName: ap, resource: limits.memory}}}]',
      'volumes:',
      '  - name: info',
      '    downwardAPI: {items: [{path: cpu, resourceFieldRef: {containerName: sidecar, resource: limits.cpu}}]}',
    ),
  );
  assert.deepEqual(found.map((f) => [f.code, f.severity, f.text]), [
    ['resourcefieldref-container-unknown', 'error', 'ap'],
    ['resourcefieldref-container-unknown', 'error', 'sidecar'],
  ]);
  assert.deepEqual(findings(pod('containers:', '  - name: app', '    image: app', '    env: [{name: MEM, valueFrom: {resourceFieldRef: {containerName: app, resource: limits.memory}}}]')), []);
});
