import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboveHint, expectOne, lines, workspace } from './crossrefHelpers';

// §5.1 cases that cut across the rules (the rule-specific ones sit beside each rule's tests).

const sa = lines('apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: other}');
const hpa = lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: web}', 'spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, maxReplicas: 3}');
const deployment = (name: string) => lines('apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: ${name}}`, 'spec:', `  selector: {matchLabels: {app: ${name}}}`, `  template: {metadata: {labels: {app: ${name}}}, spec: {containers: [{name: app, image: app}]}}`);

test('must not flag: Jobs and CronJobs without spec.selector (§5.1 #25)', () => {
  const job = lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: migrate}', 'spec: {template: {metadata: {labels: {app: web}}, spec: {restartPolicy: Never, containers: [{name: m, image: m}]}}}');
  const cron = lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: nightly}', 'spec: {schedule: "0 0 * * *", jobTemplate: {spec: {template: {metadata: {labels: {app: web}}, spec: {restartPolicy: Never, containers: [{name: n, image: n}]}}}}}');
  assert.deepEqual(workspace({ 'd.yaml': deployment('web'), 'job.yaml': job, 'cron.yaml': cron }).findings(), []);
});

test('must not flag: objects inside `kind: List` are indexed and satisfy references (§5.1 #26)', () => {
  const list = lines('apiVersion: v1', 'kind: List', 'items:', '  - {apiVersion: v1, kind: ServiceAccount, metadata: {name: runner}}', '  - {apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {serviceAccountName: runner, containers: [{name: app, image: app}]}}}}');
  assert.deepEqual(workspace({ 'list.yaml': list, 'sa.yaml': sa, 'h.yaml': hpa }).findings(), []);
  // And a broken reference inside a List item is found at its exact place.
  const broken = list.replace('serviceAccountName: runner', 'serviceAccountName: runer');
  expectOne(workspace({ 'list.yaml': broken, 'sa.yaml': sa }).findings(), 'serviceaccount-missing', { severity: 'warning', text: 'runer', related: [['list.yaml', 'name']] });
});

test('must not flag: a file that failed to parse might hold the target, so misses are only Hints (§5.1 #27)', () => {
  const ws = workspace({ 'h.yaml': hpa, 'd.yaml': deployment('api'), 'broken.yaml': 'kind: Deployment\nmetadata: {name: web\nspec: [\n' });
  assert.deepEqual(aboveHint(ws.findings()), []);
  // Control: without the broken file the miss is a Warning.
  expectOne(workspace({ 'h.yaml': hpa, 'd.yaml': deployment('api') }).findings(), 'hpa-target-missing', { severity: 'warning', text: 'web' });
});

test('must not flag: Helm templates are not indexed and make misses Hints (§5.1 #11)', () => {
  const chart = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ .Release.Name }}', 'spec:', '  replicas: {{ .Values.replicas }}');
  const ws = workspace({ 'h.yaml': hpa, 'd.yaml': deployment('api'), 'templates/deploy.yaml': chart });
  assert.deepEqual(aboveHint(ws.findings()), []);
});

test('must not flag: a single file opened alone — references into kinds the workspace lacks are Hints (§5.1 #28)', () => {
  const app = lines(
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata: {name: db}',
    'spec:',
    '  serviceName: db',
    '  selector: {matchLabels: {app: db}}',
    '  template:',
    '    metadata: {labels: {app: db}}',
    '    spec:',
    '      serviceAccountName: db',
    '      priorityClassName: high',
    '      imagePullSecrets: [{name: regcred}]',
    '      containers: [{name: db, image: db}]',
    '      volumes: [{name: extra, persistentVolumeClaim: {claimName: shared}}]',
  );
  assert.deepEqual(aboveHint(workspace({ 'sts.yaml': app }).findings()), []);
});
