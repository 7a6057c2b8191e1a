import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { assertFinished, runCli, runJson, tempTree } from './harness';

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: api}',
  'spec:',
  '  selector: {matchLabels: {app: api}}',
  '  template:',
  '    metadata: {labels: {app: api}}',
  '    spec:',
  '      containers:',
  '        - name: api',
  '          image: api:1.0',
  '          env:',
  '            - name: MODE',
  '              valueFrom: {configMapKeyRef: {name: api-config, key: mode}}',
  '',
].join('\n');
const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: api-config}\ndata: {MODE: prod}\n';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: apii}\n  ports: [{port: 80}]\n';

test('check over a folder is a workspace: cross-file findings with related locations', () => {
  const tree = tempTree({ 'k8s/deploy.yaml': DEPLOYMENT, 'k8s/config.yaml': CONFIG, 'k8s/svc.yaml': SERVICE });
  try {
    const { run, findings } = runJson(['k8s'], tree.dir);
    assertFinished(run, [0]);
    const summary = findings.map((f) => [f.file, f.code, f.severity, f.range.start.line, f.related.map((r) => r.file)]);
    assert.deepEqual(summary, [
      [join('k8s', 'deploy.yaml'), 'configmap-key-missing', 'warning', 13, [join('k8s', 'config.yaml')]],
      [join('k8s', 'svc.yaml'), 'service-selector-no-pods', 'warning', 4, [join('k8s', 'deploy.yaml')]],
    ]);
    assert.match(findings[0]!.message, /ConfigMap "api-config" has no key "mode"; it has: MODE/);

    const text = runCli(['check', 'k8s'], tree.dir);
    assert.match(text.stdout, /k8s[/\\]svc\.yaml:5:3: warning service-selector-no-pods Service "api" selects no pods/);
    assert.match(text.stdout, /related: Deployment "api" has pod labels app=api/);
  } finally {
    tree.remove();
  }
});

test('checking one file alone hints instead of warning: its targets may live elsewhere', () => {
  const tree = tempTree({ 'svc.yaml': SERVICE });
  try {
    const { findings } = runJson(['svc.yaml'], tree.dir);
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['service-selector-no-pods', 'hint']]);
  } finally {
    tree.remove();
  }
});
