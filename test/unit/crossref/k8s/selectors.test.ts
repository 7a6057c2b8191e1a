import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, lines, ofCode, workspace } from './crossrefHelpers';

const deployment = (name: string, selector: string, labels: string, ns?: string) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...(ns ? [`  namespace: ${ns}`] : []),
    'spec:',
    `  selector: ${selector}`,
    '  template:',
    `    metadata: {labels: ${labels}}`,
    '    spec: {containers: [{name: app, image: app}]}',
  );

test('invalid-label-selector: unknown operator, values arity, bad keys and values — each at the offending node', () => {
  const np = lines(
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata: {name: np}',
    'spec:',
    '  podSelector:',
    '    matchLabels: {"bad key!": x, app: "-web"}',
    '    matchExpressions:',
    '      - {key: tier, operator: Equals, values: [a]}',
    '      - {key: tier, operator: In, values: []}',
    '      - {key: tier, operator: Exists, values: [a]}',
  );
  const found = ofCode(workspace({ 'np.yaml': np }).findings(), 'invalid-label-selector');
  assert.deepEqual(
    found.map((f) => [f.severity, f.text]),
    [
      ['error', '"bad key!"'],
      ['error', '"-web"'],
      ['error', 'Equals'],
      ['error', 'values'],
      ['error', 'values'],
    ],
  );
  assert.match(found[2]!.message, /Unknown operator "Equals": use In, NotIn, Exists or DoesNotExist/);
  assert.match(found[3]!.message, /Operator In needs at least one value/);
  assert.equal(found[3]!.line, 8);
  assert.match(found[4]!.message, /Operator Exists takes no values/);
  assert.equal(found[4]!.line, 9);
});

test('invalid-label-selector checks Service map selectors and pod affinity selectors too', () => {
  const svc = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec: {selector: {app: "web app"}, ports: [{port: 80}]}');
  expectOne(workspace({ 's.yaml': svc }).findings(), 'invalid-label-selector', { severity: 'error', text: '"web app"' });
  const affinity = deployment('web', '{matchLabels: {app: web}}', '{app: web}').replace(
    "    spec: {containers: [{name: app, image: app}]}",
    "    spec:\n      containers: [{name: app, image: app}]\n      affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, labelSelector: {matchExpressions: [{key: app, operator: NotIn}]}}]}}",
  );
  expectOne(workspace({ 'd.yaml': affinity }).findings(), 'invalid-label-selector', { severity: 'error', text: 'NotIn' });
});

test('the nearest legal variant: a valid prefixed key, empty value, and every operator used correctly', () => {
  const np = lines(
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata: {name: np}',
    'spec:',
    '  podSelector:',
    '    matchLabels: {app.kubernetes.io/name: web, empty: ""}',
    '    matchExpressions: [{key: tier, operator: NotIn, values: [a]}, {key: canary, operator: DoesNotExist}]',
  );
  assert.deepEqual(ofCode(workspace({ 'np.yaml': np }).findings(), 'invalid-label-selector'), []);
});

test('overlapping-controller-selectors: two Deployments that select each other\'s pods', () => {
  const ws = workspace({ 'a.yaml': deployment('web', '{matchLabels: {app: shop}}', '{app: shop, tier: web}'), 'b.yaml': deployment('api', '{matchLabels: {app: shop}}', '{app: shop, tier: api}') });
  expectOne(ws.findings('a.yaml'), 'overlapping-controller-selectors', { severity: 'warning', text: 'selector', related: [['b.yaml', 'labels']], message: /Deployment "web" and Deployment "api" select each other's pods/ });
  expectOne(ws.findings('b.yaml'), 'overlapping-controller-selectors', { severity: 'warning', text: 'selector' });
});

test('the nearest legal variant: a canary pair with disjoint selectors sharing a Service label (not confused with Service selection)', () => {
  const stable = deployment('web', '{matchLabels: {app: web, track: stable}}', '{app: web, track: stable}');
  const canary = deployment('web-canary', '{matchLabels: {app: web, track: canary}}', '{app: web, track: canary}');
  const svc = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec: {selector: {app: web}, ports: [{port: 80}]}');
  assert.deepEqual(workspace({ 'a.yaml': stable, 'b.yaml': canary, 's.yaml': svc }).findings(), []);
});

test('must not flag: the same Deployment repeated in an all-in-one file, or in different namespaces (§5.1 #10)', () => {
  const web = deployment('web', '{matchLabels: {app: web}}', '{app: web}');
  assert.deepEqual(workspace({ 'web.yaml': web, 'all-in-one/all.yaml': web }).findings(), []);
  const other = deployment('web2', '{matchLabels: {app: web}}', '{app: web}', 'prod');
  assert.deepEqual(workspace({ 'web.yaml': deployment('web', '{matchLabels: {app: web}}', '{app: web}', 'dev'), 'b.yaml': other }).findings(), []);
});

test('overlapping-controller-selectors is only a Hint for alternative versions: same name (legacy RC beside its Deployment) or unrelated directories', () => {
  const rc = lines('apiVersion: v1', 'kind: ReplicationController', 'metadata: {name: web}', 'spec:', '  template:', '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: app, image: app}]}');
  const found = workspace({ 'web.yaml': deployment('web', '{matchLabels: {app: web}}', '{app: web}'), 'legacy/rc.yaml': rc }).findings();
  expectOne(found.filter((f) => f.uri === 'web.yaml'), 'overlapping-controller-selectors', { severity: 'hint', text: 'selector' });
  // An RC without selector defaults to its template labels: the finding sits on those labels.
  expectOne(found.filter((f) => f.uri === 'legacy/rc.yaml'), 'overlapping-controller-selectors', { severity: 'hint', text: 'labels' });
  const unrelated = workspace({ 'a/web.yaml': deployment('web', '{matchLabels: {app: web}}', '{app: web}'), 'b/api.yaml': deployment('api', '{matchLabels: {app: web}}', '{app: web}') });
  expectOne(unrelated.findings('a/web.yaml'), 'overlapping-controller-selectors', { severity: 'hint', text: 'selector' });
});

test('workload-selector-template-mismatch also covers map selectors of ReplicationControllers and DeploymentConfigs', () => {
  const dc = (selector: string) => lines('apiVersion: apps.openshift.io/v1', 'kind: DeploymentConfig', 'metadata: {name: web}', 'spec:', `  selector: ${selector}`, '  template:', '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: app, image: app}]}');
  expectOne(workspace({ 'dc.yaml': dc('{app: api}') }).findings(), 'workload-selector-template-mismatch', { severity: 'error', text: 'selector' });
  assert.deepEqual(workspace({ 'dc.yaml': dc('{app: web}') }).findings(), []);
});
