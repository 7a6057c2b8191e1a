import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, workspace } from './crossrefHelpers';

const deployment = (labels: string, ns?: string) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    ...(ns ? [`  namespace: ${ns}`] : []),
    'spec:',
    `  selector: {matchLabels: ${labels}}`,
    '  template:',
    `    metadata: {labels: ${labels}}`,
    '    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80, name: http}]}]}',
  );
const service = (selector: string, extra: string[] = []) =>
  lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', ...extra, 'spec:', `  selector: ${selector}`, '  ports: [{port: 80, targetPort: http}]');

test('service-selector-no-pods fires at the selector with the nearest pod template as related', () => {
  const ws = workspace({ 'deploy.yaml': deployment('{app: web, tier: front}'), 'svc.yaml': service('{app: web, tier: back}') });
  const found = ws.findings('svc.yaml');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'service-selector-no-pods');
  assert.equal(found[0]!.severity, 'warning');
  assert.equal(found[0]!.text, 'selector');
  assert.match(found[0]!.message, /Service "web" selects no pods: no pod template has the labels app=web,tier=back/);
  assert.deepEqual(found[0]!.related.map((r) => [r.uri, r.text]), [['deploy.yaml', 'labels']]);
  assert.match(found[0]!.related[0]!.message, /Deployment "web" has pod labels app=web,tier=front/);
});

test('the nearest legal variant: the selector is a subset of the template labels', () => {
  const ws = workspace({ 'deploy.yaml': deployment('{app: web, tier: front}'), 'svc.yaml': service('{app: web}') });
  assert.deepEqual(ws.findings(), []);
});

test('must not flag: ExternalName, selector-less Services, runtime-injected labels', () => {
  const ws = workspace({
    'deploy.yaml': deployment('{app: web}'),
    'ext.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata: {name: db}', 'spec: {type: ExternalName, externalName: db.example.com, selector: {app: nothing}}'),
    'bare.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata: {name: ext}', 'spec: {ports: [{port: 5432}]}'),
    'pod0.yaml': service('{app: web, statefulset.kubernetes.io/pod-name: web-0}'),
  });
  // A selector-less Service may earn a Hint (its endpoints are someone else's), never more (§5.1 #1–3, #5).
  assert.deepEqual(ws.findings().filter((f) => f.severity !== 'hint'), []);
});

test('must not flag: unset namespace vs explicit default; different explicit namespaces do not match', () => {
  assert.deepEqual(workspace({ 'deploy.yaml': deployment('{app: web}'), 'svc.yaml': service('{app: web}', ['  namespace: default']) }).findings(), []);
  const split = workspace({ 'deploy.yaml': deployment('{app: web}', 'prod'), 'svc.yaml': service('{app: web}', ['  namespace: dev']) });
  const found = split.findings('svc.yaml');
  assert.deepEqual(found.map((f) => f.code), ['service-selector-no-pods']);
});

test('a partial workspace (no workloads at all in the namespace) only hints', () => {
  const found = workspace({ 'svc.yaml': service('{app: web}') }).findings();
  assert.deepEqual(found.map((f) => [f.code, f.severity]), [['service-selector-no-pods', 'hint']]);
});

test('editing a label in one file re-evaluates the Service in another, and only what it can affect', () => {
  const ws = workspace({
    'deploy.yaml': deployment('{app: web}'),
    'svc.yaml': service('{app: web}'),
    'cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: settings}', 'data: {a: b}'),
  });
  assert.deepEqual(ws.findings(), []);
  const before = ws.crossref.evaluations;
  const affected = ws.update('deploy.yaml', deployment('{app: web2}'));
  assert.deepEqual([...affected].sort(), ['file:///ws/svc.yaml']);
  assert.deepEqual(ws.findings().map((f) => [f.uri, f.code]), [['svc.yaml', 'service-selector-no-pods']]);
  // Re-evaluated: the edited Deployment and the Service; the ConfigMap came from cache.
  assert.equal(ws.crossref.evaluations - before, 2);
});
