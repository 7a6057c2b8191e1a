import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboveHint, expectOne, lines, ofCode, workspace } from './crossrefHelpers';

const deployment = (podSpec: string[], ns?: string) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    ...(ns ? [`  namespace: ${ns}`] : []),
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    ...podSpec.map((l) => `      ${l}`),
    '      containers: [{name: web, image: web}]',
  );
const sa = (name: string, extra: string[] = []) => lines('apiVersion: v1', 'kind: ServiceAccount', `metadata: {name: ${name}}`, ...extra);

test('serviceaccount-missing fires at serviceAccountName with the nearest ServiceAccount', () => {
  const ws = workspace({ 'd.yaml': deployment(['serviceAccountName: fronted']), 'sa.yaml': sa('frontend') });
  expectOne(ws.findings(), 'serviceaccount-missing', { severity: 'warning', text: 'fronted', related: [['sa.yaml', 'name']], message: /ServiceAccount "fronted" not found; did you mean "frontend"\?.*Pods of Deployment "web" are rejected/ });
  assert.deepEqual(workspace({ 'd.yaml': deployment(['serviceAccountName: frontend']), 'sa.yaml': sa('frontend') }).findings(), []);
});

test('must not flag: `default` or unset ServiceAccount (§5.1 #12), and a workspace with no ServiceAccounts only hints (§5.1 #28)', () => {
  assert.deepEqual(workspace({ 'd.yaml': deployment(['serviceAccountName: default']), 'sa.yaml': sa('other') }).findings(), []);
  assert.deepEqual(workspace({ 'd.yaml': deployment([]), 'sa.yaml': sa('other') }).findings(), []);
  assert.deepEqual(aboveHint(workspace({ 'd.yaml': deployment(['serviceAccountName: app']) }).findings()), []);
});

test('serviceaccount-field-conflict: the deprecated field disagrees', () => {
  const ws = workspace({ 'd.yaml': deployment(['serviceAccountName: app', 'serviceAccount: legacy']), 'sa.yaml': sa('app') });
  expectOne(ws.findings(), 'serviceaccount-field-conflict', { severity: 'warning', text: 'legacy', related: [['d.yaml', 'serviceAccountName']] });
  assert.deepEqual(workspace({ 'd.yaml': deployment(['serviceAccountName: app', 'serviceAccount: app']), 'sa.yaml': sa('app') }).findings(), []);
});

test('sa-token-secret-sa-missing at the annotation value', () => {
  const token = (name: string) => lines('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: token', '  annotations:', `    kubernetes.io/service-account.name: ${name}`, 'type: kubernetes.io/service-account-token');
  expectOne(workspace({ 's.yaml': token('bulder'), 'sa.yaml': sa('builder') }).findings(), 'sa-token-secret-sa-missing', { severity: 'warning', text: 'bulder', related: [['sa.yaml', 'name']] });
  assert.deepEqual(workspace({ 's.yaml': token('builder'), 'sa.yaml': sa('builder') }).findings(), []);
  assert.deepEqual(workspace({ 's.yaml': token('default'), 'sa.yaml': sa('builder') }).findings(), []);
});

test('imagepullsecret-missing: Warning when the workspace manages pull secrets, Hint otherwise; ServiceAccounts too', () => {
  const pull = lines('apiVersion: v1', 'kind: Secret', 'metadata: {name: regcred}', 'type: kubernetes.io/dockerconfigjson', 'data: {.dockerconfigjson: e30=}');
  const managed = workspace({ 'd.yaml': deployment(['imagePullSecrets: [{name: regcrd}]']), 's.yaml': pull });
  expectOne(managed.findings(), 'imagepullsecret-missing', { severity: 'warning', text: 'regcrd', related: [['s.yaml', 'name']] });
  const opaque = lines('apiVersion: v1', 'kind: Secret', 'metadata: {name: app}', 'type: Opaque');
  expectOne(workspace({ 'd.yaml': deployment(['imagePullSecrets: [{name: regcred}]']), 's.yaml': opaque }).findings(), 'imagepullsecret-missing', { severity: 'hint', text: 'regcred' });
  expectOne(workspace({ 'sa.yaml': sa('builder', ['imagePullSecrets: [{name: regcrd}]']), 's.yaml': pull }).findings(), 'imagepullsecret-missing', { severity: 'warning', text: 'regcrd' });
  assert.deepEqual(workspace({ 'd.yaml': deployment(['imagePullSecrets: [{name: regcred}]']), 's.yaml': pull }).findings(), []);
});

test('priorityclass-missing: Warning when the workspace defines PriorityClasses; built-ins are known (§2.4)', () => {
  const pc = lines('apiVersion: scheduling.k8s.io/v1', 'kind: PriorityClass', 'metadata: {name: high}', 'value: 1000');
  expectOne(workspace({ 'd.yaml': deployment(['priorityClassName: hgh']), 'pc.yaml': pc }).findings(), 'priorityclass-missing', { severity: 'warning', text: 'hgh', related: [['pc.yaml', 'name']] });
  assert.deepEqual(workspace({ 'd.yaml': deployment(['priorityClassName: high']), 'pc.yaml': pc }).findings(), []);
  assert.deepEqual(workspace({ 'd.yaml': deployment(['priorityClassName: system-cluster-critical']), 'pc.yaml': pc }).findings(), []);
});

test('must not flag: cluster-provided PriorityClass / RuntimeClass / StorageClass names stay Hints (§5.1 #24)', () => {
  const ws = workspace({
    'd.yaml': deployment(['priorityClassName: high', 'runtimeClassName: gvisor']),
    'pvc.yaml': lines('apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata: {name: data}', 'spec: {storageClassName: gp3, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}'),
  });
  const found = ws.findings();
  assert.deepEqual(aboveHint(found), []);
  assert.deepEqual(found.map((f) => f.code).sort(), ['priorityclass-missing', 'runtimeclass-missing', 'storageclass-missing']);
});

const claim = (name: string, extra = '') => lines('apiVersion: v1', 'kind: PersistentVolumeClaim', `metadata: {name: ${name}}`, `spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}${extra}}`);

test('pvc-missing fires at claimName with the nearest claim', () => {
  const ws = workspace({ 'd.yaml': deployment(['volumes: [{name: data, persistentVolumeClaim: {claimName: dta}}]']), 'pvc.yaml': claim('data') });
  expectOne(ws.findings(), 'pvc-missing', { severity: 'warning', text: 'dta', related: [['pvc.yaml', 'name']], message: /PersistentVolumeClaim "dta" not found; did you mean "data"\?/ });
  assert.deepEqual(workspace({ 'd.yaml': deployment(['volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]']), 'pvc.yaml': claim('data') }).findings(), []);
});

test('must not flag: claims generated by StatefulSet volumeClaimTemplates and ephemeral volumes (§5.1 #17)', () => {
  const sts = lines('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', '  selector: {matchLabels: {app: db}}', '  template: {metadata: {labels: {app: db}}, spec: {containers: [{name: db, image: db}]}}', '  volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce]}}]');
  const pod = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: scratch}', 'spec:', '  containers: [{name: c, image: c}]', '  volumes: [{name: cache, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce]}}}}]');
  const ws = workspace({
    'sts.yaml': sts,
    'pod.yaml': pod,
    'pvc.yaml': claim('other'),
    'd.yaml': deployment(['volumes: [{name: a, persistentVolumeClaim: {claimName: data-db-1}}, {name: b, persistentVolumeClaim: {claimName: scratch-cache}}]']),
  });
  assert.deepEqual(ofCode(ws.findings(), 'pvc-missing'), []);
});

test('pv-pvc-binding: volumeName → PV, claimRef → PVC, and a PV reserved for another claim', () => {
  const pv = (claimRef: string) => lines('apiVersion: v1', 'kind: PersistentVolume', 'metadata: {name: pv-1}', `spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], claimRef: ${claimRef}}`);
  expectOne(workspace({ 'pvc.yaml': claim('data', ', volumeName: pv-2'), 'pv.yaml': pv('{namespace: default, name: data}') }).findings(), 'pv-pvc-binding', { severity: 'warning', text: 'pv-2', related: [['pv.yaml', 'name']] });
  expectOne(workspace({ 'pvc.yaml': claim('data', ', volumeName: pv-1'), 'pv.yaml': pv('{namespace: default, name: dat}') }).findings('pv.yaml'), 'pv-pvc-binding', { severity: 'warning', text: 'dat' });
  expectOne(workspace({ 'pvc.yaml': claim('data', ', volumeName: pv-1'), 'pv.yaml': pv('{namespace: default, name: dat}') }).findings('pvc.yaml'), 'pv-pvc-binding', { severity: 'warning', text: 'pv-1', related: [['pv.yaml', 'claimRef']], message: /reserved for claim "default\/dat"/ });
  assert.deepEqual(workspace({ 'pvc.yaml': claim('data', ', volumeName: pv-1'), 'pv.yaml': pv('{namespace: default, name: data}') }).findings(), []);
});

test('must not flag: a PV claimRef into a namespace whose claims the workspace does not define (§5.1 #8) is a Hint', () => {
  const pv = lines('apiVersion: v1', 'kind: PersistentVolume', 'metadata: {name: pv-1}', 'spec: {capacity: {storage: 1Gi}, claimRef: {namespace: team-b, name: data}}');
  assert.deepEqual(aboveHint(workspace({ 'pv.yaml': pv, 'pvc.yaml': claim('data') }).findings()), []);
});
