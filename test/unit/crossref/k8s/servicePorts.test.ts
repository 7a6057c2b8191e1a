import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboveHint, expectOne, lines, ofCode, workspace } from './crossrefHelpers';

const deployment = (ports = '[{containerPort: 8080, name: http}, {containerPort: 9090, name: metrics}]') =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx',
    `          ports: ${ports}`,
  );
const service = (...ports: string[]) =>
  lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector: {app: web}', '  ports:', ...ports.map((p) => `    - ${p}`));

test('service-targetport-name-unknown fires at the targetPort, naming the declared ports and the nearest one', () => {
  const ws = workspace({ 'deploy.yaml': deployment(), 'svc.yaml': service('{name: http, port: 80, targetPort: htp}') });
  expectOne(ws.findings(), 'service-targetport-name-unknown', {
    severity: 'warning',
    text: 'htp',
    related: [['deploy.yaml', '{containerPort: 8080, name: http}']],
    message: /targetPort "htp" is not a port name of the pods Service "web" selects \(they declare http\/8080, metrics\/9090\); did you mean "http"\?/,
  });
});

test('the nearest legal variant: targetPort names a declared container port', () => {
  const ws = workspace({ 'deploy.yaml': deployment(), 'svc.yaml': service('{name: http, port: 80, targetPort: http}') });
  assert.deepEqual(ws.findings(), []);
});

test('service-targetport-name-unknown: the name exists with another protocol', () => {
  const ws = workspace({ 'deploy.yaml': deployment('[{containerPort: 53, name: dns, protocol: UDP}]'), 'svc.yaml': service('{name: dns, port: 53, targetPort: dns}') });
  expectOne(ws.findings(), 'service-targetport-name-unknown', { severity: 'warning', text: 'dns', message: /is a UDP port of the selected pods, but this Service port is TCP/ });
});

test('must not flag: named targetPort on a headless Service, or when the Service selects no pods (service-selector-no-pods reports that)', () => {
  const headless = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80, targetPort: nope}]}');
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'svc.yaml': headless }).findings(), []);
  const other = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: api}', 'spec: {selector: {app: api}, ports: [{port: 80, targetPort: nope}]}');
  assert.deepEqual(ofCode(workspace({ 'deploy.yaml': deployment(), 'svc.yaml': other }).findings(), 'service-targetport-name-unknown'), []);
});

test('must not flag: pods of two workloads mapping the name to different numbers', () => {
  const second = deployment('[{containerPort: 8081, name: http}]').replace(/web/g, 'web2').replace('{app: web2}}', '{app: web}}').replace('labels: {app: web2}', 'labels: {app: web}');
  const ws = workspace({ 'a.yaml': deployment('[{containerPort: 8080, name: http}]'), 'b.yaml': second, 'svc.yaml': service('{name: http, port: 80, targetPort: http}') });
  assert.deepEqual(ofCode(ws.findings(), 'service-targetport-name-unknown'), []);
});

test('service-targetport-number-undeclared is a Hint on the targetPort (or on port when it defaults)', () => {
  const explicit = workspace({ 'deploy.yaml': deployment(), 'svc.yaml': service('{name: http, port: 80, targetPort: 8000}') });
  expectOne(explicit.findings(), 'service-targetport-number-undeclared', { severity: 'hint', text: '8000', related: [['deploy.yaml', '{containerPort: 8080, name: http}']] });
  const defaulted = workspace({ 'deploy.yaml': deployment(), 'svc.yaml': service('{name: http, port: 80}') });
  expectOne(defaulted.findings(), 'service-targetport-number-undeclared', { severity: 'hint', text: '80', message: /port \(used as targetPort\) 80/ });
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'svc.yaml': service('{name: http, port: 80, targetPort: 8080}') }).findings(), []);
});

test('must not flag (§5.1 #21 spirit): numeric targetPort when the pods declare no ports at all', () => {
  const ws = workspace({ 'deploy.yaml': deployment('[]'), 'svc.yaml': service('{port: 80, targetPort: 8000}') });
  assert.deepEqual(ws.findings(), []);
});

test('service-port-names: several ports need unique names', () => {
  const unnamed = workspace({ 'deploy.yaml': deployment(), 'svc.yaml': service('{name: http, port: 80, targetPort: http}', '{port: 9090, targetPort: metrics}') });
  expectOne(unnamed.findings(), 'service-port-names', { severity: 'error', text: 'port', message: /has 2 ports, so each needs a name; port 9090 has none/ });
  const duplicate = workspace({ 'deploy.yaml': deployment(), 'svc.yaml': service('{name: http, port: 80, targetPort: http}', '{name: http, port: 9090, targetPort: metrics}') });
  expectOne(duplicate.findings(), 'service-port-names', { severity: 'error', text: 'http', message: /names two ports "http"/ });
  assert.equal(duplicate.findings()[0]!.line, 7);
  const ok = workspace({ 'deploy.yaml': deployment(), 'svc.yaml': service('{name: http, port: 80, targetPort: http}', '{name: metrics, port: 9090, targetPort: metrics}') });
  assert.deepEqual(ok.findings(), []);
  // A single port needs no name.
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'svc.yaml': service('{port: 80, targetPort: http}') }).findings(), []);
});

const selectorless = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: db}', 'spec:', '  ports: [{port: 5432}]');

test('selectorless-service-without-endpoints is a Hint on the spec; Endpoints or an EndpointSlice satisfy it (§5.1 #1, #2)', () => {
  expectOne(workspace({ 'svc.yaml': selectorless }).findings(), 'selectorless-service-without-endpoints', { severity: 'hint', text: 'spec' });
  const endpoints = lines('apiVersion: v1', 'kind: Endpoints', 'metadata: {name: db}', 'subsets: [{addresses: [{ip: 10.0.0.1}], ports: [{port: 5432}]}]');
  assert.deepEqual(workspace({ 'svc.yaml': selectorless, 'ep.yaml': endpoints }).findings(), []);
  const slice = lines('apiVersion: discovery.k8s.io/v1', 'kind: EndpointSlice', 'metadata: {name: db-1, labels: {kubernetes.io/service-name: db}}', 'addressType: IPv4', 'endpoints: [{addresses: [10.0.0.1]}]');
  assert.deepEqual(workspace({ 'svc.yaml': selectorless, 'slice.yaml': slice }).findings(), []);
});

test('must not flag: a selector-less Service without endpoints in the repo is never above Hint (§5.1 #2)', () => {
  assert.deepEqual(aboveHint(workspace({ 'svc.yaml': selectorless }).findings()), []);
});

test('orphan-endpoints: Endpoints without their Service, with the nearest Service as related', () => {
  const endpoints = lines('apiVersion: v1', 'kind: Endpoints', 'metadata: {name: dbx}', 'subsets: []');
  const ws = workspace({ 'svc.yaml': selectorless, 'ep.yaml': endpoints });
  expectOne(ws.findings('ep.yaml'), 'orphan-endpoints', { severity: 'warning', text: 'dbx', related: [['svc.yaml', 'name']], message: /Endpoints "dbx" belongs to no Service: Service "dbx" not found; did you mean "db"\?/ });
});

test('pod-subdomain-service-missing is a Hint; a headless Service of that name satisfies it', () => {
  const pod = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p, labels: {app: p}}', 'spec:', '  subdomain: cluster', '  containers: [{name: c, image: busybox}]');
  const headless = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: cluster}', 'spec: {clusterIP: None, selector: {app: p}}');
  const other = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: other}', 'spec: {clusterIP: None, selector: {app: p}}');
  expectOne(workspace({ 'pod.yaml': pod, 'svc.yaml': other }).findings(), 'pod-subdomain-service-missing', { severity: 'hint', text: 'cluster' });
  assert.deepEqual(workspace({ 'pod.yaml': pod, 'svc.yaml': headless }).findings(), []);
});
