import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboveHint, expectOne, lines, ofCode, workspace } from './crossrefHelpers';

const deployment = (replicas?: number, name = 'web') =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: ${name}}`,
    'spec:',
    ...(replicas === undefined ? [] : [`  replicas: ${replicas}`]),
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
    `    spec: {containers: [{name: app, image: app}]}`,
  );
const pdb = (spec: string[], name = 'web', apiVersion = 'policy/v1') => lines(`apiVersion: ${apiVersion}`, 'kind: PodDisruptionBudget', `metadata: {name: ${name}}`, 'spec:', ...spec.map((l) => `  ${l}`));

test('pdb-selector-no-pods fires at the selector with the nearest pod template', () => {
  const ws = workspace({ 'deploy.yaml': deployment(3), 'pdb.yaml': pdb(['maxUnavailable: 1', 'selector:', '  matchLabels: {app: wbe}']) });
  expectOne(ws.findings(), 'pdb-selector-no-pods', { severity: 'warning', text: 'selector', message: /PodDisruptionBudget "web" selects no pods: no pod template matches app=wbe/ });
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(3), 'pdb.yaml': pdb(['maxUnavailable: 1', 'selector: {matchLabels: {app: web}}']) }).findings(), []);
});

test('pdb-selector-no-pods: no selector (policy/v1) and `{}` in policy/v1beta1 select nothing; `{}` in policy/v1 selects all', () => {
  expectOne(workspace({ 'deploy.yaml': deployment(3), 'pdb.yaml': pdb(['maxUnavailable: 1']) }).findings(), 'pdb-selector-no-pods', { severity: 'warning', text: 'spec', message: /has no selector/ });
  expectOne(workspace({ 'deploy.yaml': deployment(3), 'pdb.yaml': pdb(['maxUnavailable: 1', 'selector: {}'], 'web', 'policy/v1beta1') }).findings(), 'pdb-selector-no-pods', { severity: 'warning', text: 'selector', message: /policy\/v1beta1/ });
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(3), 'pdb.yaml': pdb(['maxUnavailable: 1', 'selector: {}']) }).findings(), []);
});

test('multiple-pdbs-same-pods fires on each budget, with the other budget and the pods as related', () => {
  const ws = workspace({
    'deploy.yaml': deployment(3),
    'a.yaml': pdb(['maxUnavailable: 1', 'selector: {matchLabels: {app: web}}'], 'web-a'),
    'b.yaml': pdb(['maxUnavailable: 1', 'selector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}'], 'web-b'),
  });
  expectOne(ws.findings('a.yaml'), 'multiple-pdbs-same-pods', { severity: 'warning', text: 'selector', related: [['b.yaml', 'selector'], ['deploy.yaml', 'labels']], message: /"web-a" and "web-b" both select the pods of Deployment "web"/ });
  expectOne(ws.findings('b.yaml'), 'multiple-pdbs-same-pods', { severity: 'warning', text: 'selector' });
});

test('the nearest legal variant: budgets over disjoint pods, and one budget repeated in two files', () => {
  const disjoint = workspace({
    'deploy.yaml': deployment(3),
    'api.yaml': deployment(3, 'api'),
    'a.yaml': pdb(['maxUnavailable: 1', 'selector: {matchLabels: {app: web}}'], 'web'),
    'b.yaml': pdb(['maxUnavailable: 1', 'selector: {matchLabels: {app: api}}'], 'api'),
  });
  assert.deepEqual(disjoint.findings(), []);
  const same = pdb(['maxUnavailable: 1', 'selector: {matchLabels: {app: web}}']);
  assert.deepEqual(ofCode(workspace({ 'deploy.yaml': deployment(3), 'a.yaml': same, 'all/b.yaml': same }).findings(), 'multiple-pdbs-same-pods'), []);
});

test('pdb-blocks-disruption: maxUnavailable 0, minAvailable 100%, and minAvailable ≥ replicas (percent rounds up)', () => {
  const sel = 'selector: {matchLabels: {app: web}}';
  expectOne(workspace({ 'd.yaml': deployment(3), 'p.yaml': pdb(['maxUnavailable: 0', sel]) }).findings(), 'pdb-blocks-disruption', { severity: 'warning', text: '0' });
  expectOne(workspace({ 'd.yaml': deployment(3), 'p.yaml': pdb(['maxUnavailable: 0%', sel]) }).findings(), 'pdb-blocks-disruption', { severity: 'warning', text: '0%' });
  expectOne(workspace({ 'd.yaml': deployment(3), 'p.yaml': pdb(['minAvailable: 100%', sel]) }).findings(), 'pdb-blocks-disruption', { severity: 'warning', text: '100%' });
  expectOne(workspace({ 'd.yaml': deployment(3), 'p.yaml': pdb(['minAvailable: 3', sel]) }).findings(), 'pdb-blocks-disruption', {
    severity: 'warning',
    text: '3',
    related: [['d.yaml', 'replicas']],
    message: /minAvailable: 3 with Deployment "web" at 3 replicas allows no voluntary disruption/,
  });
  // ceil(67% × 3) = 3.
  expectOne(workspace({ 'd.yaml': deployment(3), 'p.yaml': pdb(['minAvailable: 67%', sel]) }).findings(), 'pdb-blocks-disruption', { severity: 'warning', text: '67%' });
  // replicas unset: 1 replica.
  expectOne(workspace({ 'd.yaml': deployment(), 'p.yaml': pdb(['minAvailable: 1', sel]) }).findings(), 'pdb-blocks-disruption', { severity: 'warning', text: '1', related: [['d.yaml', 'name']] });
});

test('the nearest legal variants of pdb-blocks-disruption', () => {
  const sel = 'selector: {matchLabels: {app: web}}';
  assert.deepEqual(workspace({ 'd.yaml': deployment(3), 'p.yaml': pdb(['minAvailable: 2', sel]) }).findings(), []);
  assert.deepEqual(workspace({ 'd.yaml': deployment(3), 'p.yaml': pdb(['minAvailable: 66%', sel]) }).findings(), []);
  assert.deepEqual(workspace({ 'd.yaml': deployment(3), 'p.yaml': pdb(['maxUnavailable: 1', sel]) }).findings(), []);
});

test('pdb-blocks-disruption uses the HPA minReplicas when replicas is unset', () => {
  const sel = 'selector: {matchLabels: {app: web}}';
  const hpa = lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: web}', 'spec:', '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}', '  minReplicas: 3', '  maxReplicas: 10');
  assert.deepEqual(workspace({ 'd.yaml': deployment(), 'h.yaml': hpa, 'p.yaml': pdb(['minAvailable: 2', sel]) }).findings(), []);
  expectOne(workspace({ 'd.yaml': deployment(), 'h.yaml': hpa, 'p.yaml': pdb(['minAvailable: 3', sel]) }).findings(), 'pdb-blocks-disruption', { severity: 'warning', text: '3' });
});

test('must not flag: a budget over pods the workspace does not show stays a Hint (§5.1 #28)', () => {
  assert.deepEqual(aboveHint(workspace({ 'p.yaml': pdb(['minAvailable: 1', 'selector: {matchLabels: {app: web}}']) }).findings()), []);
});
