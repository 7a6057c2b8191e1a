import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboveHint, expectOne, lines, ofCode, workspace } from './crossrefHelpers';

const workload = (kind: string, name = 'web', extra: string[] = [], apiVersion = 'apps/v1') =>
  lines(
    `apiVersion: ${apiVersion}`,
    `kind: ${kind}`,
    `metadata: {name: ${name}}`,
    'spec:',
    ...extra,
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
    '    spec: {containers: [{name: app, image: app}]}',
  );
const hpa = (target: string, name = 'web', apiVersion = 'autoscaling/v2') =>
  lines(`apiVersion: ${apiVersion}`, 'kind: HorizontalPodAutoscaler', `metadata: {name: ${name}}`, 'spec:', '  scaleTargetRef:', ...target.split(',').map((kv) => `    ${kv.trim()}`), '  minReplicas: 2', '  maxReplicas: 5');

test('hpa-target-missing fires at scaleTargetRef.name with the nearest workload', () => {
  const ws = workspace({ 'd.yaml': workload('Deployment'), 'h.yaml': hpa('apiVersion: apps/v1, kind: Deployment, name: wen') });
  expectOne(ws.findings(), 'hpa-target-missing', { severity: 'warning', text: 'wen', related: [['d.yaml', 'name']], message: /scale target Deployment "wen" not found; did you mean "web"\?/ });
  assert.deepEqual(workspace({ 'd.yaml': workload('Deployment'), 'h.yaml': hpa('apiVersion: apps/v1, kind: Deployment, name: web') }).findings(), []);
});

test('hpa-target-missing: the right name in another API group', () => {
  const ws = workspace({ 'd.yaml': workload('Deployment'), 'h.yaml': hpa('apiVersion: example.com/v1, kind: Deployment, name: web') });
  expectOne(ws.findings(), 'hpa-target-missing', { severity: 'warning', text: 'example.com/v1', related: [['d.yaml', 'apiVersion']], message: /in API group "apps", but the reference names group "example.com"/ });
});

test('must not flag: another version of the same group, incl. extensions ≡ apps (§5.1 #18)', () => {
  assert.deepEqual(workspace({ 'd.yaml': workload('Deployment'), 'h.yaml': hpa('apiVersion: apps/v1beta2, kind: Deployment, name: web') }).findings(), []);
  assert.deepEqual(workspace({ 'd.yaml': workload('Deployment'), 'h.yaml': hpa('apiVersion: extensions/v1beta1, kind: Deployment, name: web') }).findings(), []);
});

test('must not flag: a CRD target (Argo Rollout) whose kind the workspace never defines (§5.1 #18)', () => {
  assert.deepEqual(workspace({ 'd.yaml': workload('Deployment'), 'h.yaml': hpa('apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web') }).findings(), []);
  // When the kind appears in the workspace, the reference is checked.
  const rollout = workload('Rollout', 'api', [], 'argoproj.io/v1alpha1');
  expectOne(workspace({ 'r.yaml': rollout, 'h.yaml': hpa('apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web') }).findings(), 'hpa-target-missing', { severity: 'warning', text: 'web' });
  assert.deepEqual(workspace({ 'r.yaml': workload('Rollout', 'web', [], 'argoproj.io/v1alpha1'), 'h.yaml': hpa('apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web') }).findings(), []);
});

test('hpa-target-not-scalable: a DaemonSet has no /scale', () => {
  const ws = workspace({ 'd.yaml': workload('DaemonSet'), 'h.yaml': hpa('apiVersion: apps/v1, kind: DaemonSet, name: web') });
  expectOne(ws.findings(), 'hpa-target-not-scalable', { severity: 'error', text: 'DaemonSet', message: /A DaemonSet has no \/scale subresource/ });
  assert.deepEqual(ofCode(workspace({ 'd.yaml': workload('StatefulSet'), 'h.yaml': hpa('apiVersion: apps/v1, kind: StatefulSet, name: web') }).findings(), 'hpa-target-not-scalable'), []);
});

test('replicas-set-with-hpa fires at the workload replicas, related to the HPA', () => {
  const ws = workspace({ 'd.yaml': workload('Deployment', 'web', ['  replicas: 3']), 'h.yaml': hpa('apiVersion: apps/v1, kind: Deployment, name: web') });
  expectOne(ws.findings(), 'replicas-set-with-hpa', { severity: 'warning', text: 'replicas', related: [['h.yaml', 'scaleTargetRef']], message: /sets replicas: 3, but HorizontalPodAutoscaler "web" scales it/ });
  assert.deepEqual(workspace({ 'd.yaml': workload('Deployment', 'web', ['  replicas: 3']) }).findings(), []);
});

test('multiple-autoscalers-same-pods: two HPAs, or an HPA and a KEDA ScaledObject, on one workload (§5.1 #30)', () => {
  const ws = workspace({ 'd.yaml': workload('Deployment'), 'a.yaml': hpa('apiVersion: apps/v1, kind: Deployment, name: web', 'web-cpu'), 'b.yaml': hpa('apiVersion: apps/v1, kind: Deployment, name: web', 'web-mem') });
  expectOne(ws.findings('a.yaml'), 'multiple-autoscalers-same-pods', { severity: 'warning', text: 'web', related: [['b.yaml', 'name']], message: /also scaled by HorizontalPodAutoscaler "web-mem".*AmbiguousSelector/ });
  expectOne(ws.findings('b.yaml'), 'multiple-autoscalers-same-pods', { severity: 'warning', text: 'web' });
  const keda = lines('apiVersion: keda.sh/v1alpha1', 'kind: ScaledObject', 'metadata: {name: web-queue}', 'spec:', '  scaleTargetRef: {name: web}', '  triggers: [{type: cpu, metadata: {value: "50"}}]');
  const mixed = workspace({ 'd.yaml': workload('Deployment'), 'a.yaml': hpa('apiVersion: apps/v1, kind: Deployment, name: web', 'web-cpu'), 'k.yaml': keda });
  expectOne(mixed.findings('k.yaml'), 'multiple-autoscalers-same-pods', { severity: 'warning', text: 'web', related: [['a.yaml', 'name']] });
});

test('the nearest legal variant: one autoscaler, repeated in an all-in-one file, and KEDA with its own keda-hpa-<name>', () => {
  const one = hpa('apiVersion: apps/v1, kind: Deployment, name: web');
  assert.deepEqual(workspace({ 'd.yaml': workload('Deployment'), 'h.yaml': one, 'all/h.yaml': one }).findings(), []);
  const keda = lines('apiVersion: keda.sh/v1alpha1', 'kind: ScaledObject', 'metadata: {name: web}', 'spec: {scaleTargetRef: {name: web}, triggers: []}');
  const owned = hpa('apiVersion: apps/v1, kind: Deployment, name: web', 'keda-hpa-web');
  assert.deepEqual(workspace({ 'd.yaml': workload('Deployment'), 'k.yaml': keda, 'h.yaml': owned }).findings(), []);
});

test('vpa-keda-target-missing: VPA targetRef and ScaledObject scaleTargetRef (default kind Deployment)', () => {
  const vpa = (name: string) => lines('apiVersion: autoscaling.k8s.io/v1', 'kind: VerticalPodAutoscaler', 'metadata: {name: web}', 'spec:', `  targetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}`);
  expectOne(workspace({ 'd.yaml': workload('Deployment'), 'v.yaml': vpa('wen') }).findings(), 'vpa-keda-target-missing', { severity: 'warning', text: 'wen', related: [['d.yaml', 'name']] });
  assert.deepEqual(workspace({ 'd.yaml': workload('Deployment'), 'v.yaml': vpa('web') }).findings(), []);
  const keda = (name: string) => lines('apiVersion: keda.sh/v1alpha1', 'kind: ScaledObject', 'metadata: {name: q}', 'spec:', `  scaleTargetRef: {name: ${name}}`);
  expectOne(workspace({ 'd.yaml': workload('Deployment'), 'k.yaml': keda('wen') }).findings(), 'vpa-keda-target-missing', { severity: 'warning', text: 'wen' });
  assert.deepEqual(workspace({ 'd.yaml': workload('Deployment'), 'k.yaml': keda('web') }).findings(), []);
});

test('must not flag: an HPA alone in the workspace only hints (§5.1 #28)', () => {
  assert.deepEqual(aboveHint(workspace({ 'h.yaml': hpa('apiVersion: apps/v1, kind: Deployment, name: web') }).findings()), []);
});
