import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, lines, ofCode, workspace } from './crossrefHelpers';

const sts = (serviceName?: string) =>
  lines(
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata: {name: db}',
    'spec:',
    ...(serviceName ? [`  serviceName: ${serviceName}`] : []),
    '  replicas: 3',
    '  selector: {matchLabels: {app: db}}',
    '  template:',
    '    metadata: {labels: {app: db}}',
    '    spec:',
    '      containers:',
    '        - name: db',
    '          image: postgres',
    '          volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]',
    '      volumes:',
    '        - name: claim',
    '          persistentVolumeClaim: {claimName: data-db-0}',
    '  volumeClaimTemplates:',
    '    - metadata: {name: data}',
    '      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
  );
const service = (selector: string, clusterIP = 'None', name = 'db') => lines('apiVersion: v1', 'kind: Service', `metadata: {name: ${name}}`, `spec: {clusterIP: ${clusterIP}, selector: ${selector}, ports: [{port: 5432}]}`);

test('sts-service-missing fires at serviceName with the nearest Service', () => {
  const ws = workspace({ 's.yaml': sts('db-headles'), 'svc.yaml': service('{app: db}', 'None', 'db-headless') });
  expectOne(ws.findings(), 'sts-service-missing', { severity: 'warning', text: 'db-headles', related: [['svc.yaml', 'name']], message: /governing Service "db-headles" not found; did you mean "db-headless"\?/ });
  assert.deepEqual(workspace({ 's.yaml': sts('db-headless'), 'svc.yaml': service('{app: db}', 'None', 'db-headless') }).findings(), []);
});

test('must not flag: a StatefulSet without serviceName (§5.1 #15), claim-template mounts (#16) and generated claims (#17)', () => {
  assert.deepEqual(workspace({ 's.yaml': sts(), 'svc.yaml': service('{app: db}') }).findings(), []);
});

test('sts-service-selector-mismatch fires at serviceName, related to the Service selector', () => {
  const ws = workspace({ 's.yaml': sts('db'), 'svc.yaml': service('{app: database}') });
  expectOne(ws.findings('s.yaml'), 'sts-service-selector-mismatch', { severity: 'warning', text: 'db', related: [['svc.yaml', 'selector']], message: /Service "db" selects app=database, which StatefulSet "db"'s pods do not carry/ });
});

test('sts-service-not-headless is Information only', () => {
  const found = workspace({ 's.yaml': sts('db'), 'svc.yaml': service('{app: db}', '10.0.0.10') }).findings();
  expectOne(found, 'sts-service-not-headless', { severity: 'information', text: 'db', related: [['svc.yaml', 'name']] });
  assert.deepEqual(ofCode(found, 'sts-service-missing'), []);
});
