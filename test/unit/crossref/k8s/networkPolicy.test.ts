import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboveHint, expectOne, lines, workspace } from './crossrefHelpers';

const deployment = (ns?: string) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    ...(ns ? [`  namespace: ${ns}`] : []),
    'spec:',
    '  selector: {matchLabels: {app: api}}',
    '  template:',
    '    metadata: {labels: {app: api, tier: backend}}',
    '    spec: {containers: [{name: api, image: api}]}',
  );
const policy = (podSelector: string, extra: string[] = []) =>
  lines('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: allow-api}', 'spec:', `  podSelector: ${podSelector}`, '  policyTypes: [Ingress]', ...extra);

test('netpol-podselector-no-pods fires at podSelector with the nearest pod template', () => {
  const ws = workspace({ 'deploy.yaml': deployment(), 'np.yaml': policy('{matchLabels: {app: apj}}') });
  expectOne(ws.findings(), 'netpol-podselector-no-pods', {
    severity: 'warning',
    text: 'podSelector',
    message: /NetworkPolicy "allow-api" selects no pods: no pod template matches app=apj/,
  });
  const withNearest = workspace({ 'deploy.yaml': deployment(), 'np.yaml': policy('{matchLabels: {app: api, tier: frontend}}') });
  expectOne(withNearest.findings(), 'netpol-podselector-no-pods', { severity: 'warning', text: 'podSelector', related: [['deploy.yaml', 'labels']] });
});

test('the nearest legal variants: matchLabels subset, and matchExpressions (NotIn satisfied by an absent key)', () => {
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'np.yaml': policy('{matchLabels: {app: api}}') }).findings(), []);
  const expr = policy('{matchExpressions: [{key: tier, operator: In, values: [backend]}, {key: canary, operator: NotIn, values: ["true"]}]}');
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'np.yaml': expr }).findings(), []);
  const miss = policy('{matchExpressions: [{key: tier, operator: In, values: [frontend]}]}');
  expectOne(workspace({ 'deploy.yaml': deployment(), 'np.yaml': miss }).findings(), 'netpol-podselector-no-pods', { severity: 'warning', text: 'podSelector', message: /tier in \(frontend\)/ });
});

test('must not flag: `podSelector: {}` default-deny, also in a namespace whose workloads live elsewhere (§5.1 #19)', () => {
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'np.yaml': policy('{}') }).findings(), []);
  const elsewhere = workspace({ 'deploy.yaml': deployment('prod'), 'np.yaml': policy('{}').replace('name: allow-api}', 'name: deny, namespace: staging}') });
  const found = elsewhere.findings();
  assert.deepEqual(aboveHint(found), []);
  expectOne(found, 'netpol-podselector-no-pods', { severity: 'hint', text: 'podSelector' });
});

test('must not flag: pods selected by runtime-injected labels (§5.1 #5)', () => {
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'np.yaml': policy('{matchLabels: {app: api, pod-template-hash: 5d8f7c}}') }).findings(), []);
});

test('must not flag: pods from an operator CRD in the namespace, or a workspace with no workloads, stay Hints (§5.1 #4, #28)', () => {
  const prometheus = lines('apiVersion: monitoring.coreos.com/v1', 'kind: Prometheus', 'metadata: {name: main}', 'spec: {replicas: 2}');
  assert.deepEqual(aboveHint(workspace({ 'deploy.yaml': deployment(), 'p.yaml': prometheus, 'np.yaml': policy('{matchLabels: {app.kubernetes.io/name: prometheus}}') }).findings()), []);
  assert.deepEqual(aboveHint(workspace({ 'np.yaml': policy('{matchLabels: {app: api}}') }).findings()), []);
});

test('netpol-peer-podselector-no-pods: a same-namespace peer that selects nothing is a Hint', () => {
  const np = policy('{matchLabels: {app: api}}', ['  ingress:', '    - from:', '        - podSelector: {matchLabels: {app: fronted}}']);
  expectOne(workspace({ 'deploy.yaml': deployment(), 'np.yaml': np }).findings(), 'netpol-peer-podselector-no-pods', { severity: 'hint', text: 'podSelector', message: /ingress peer selects no pods/ });
});

test('must not flag: peers with a namespaceSelector reaching other teams (§5.1 #20)', () => {
  const np = policy('{matchLabels: {app: api}}', ['  ingress:', '    - from:', '        - namespaceSelector: {matchLabels: {team: web}}', '          podSelector: {matchLabels: {app: frontend}}']);
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'np.yaml': np }).findings(), []);
});
