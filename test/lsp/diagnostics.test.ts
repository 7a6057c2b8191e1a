import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LspHarness } from './lspHarness';
import { BROKEN_DEPLOYMENT } from '../fixtures/brokenDeployment';


let lsp: LspHarness;
before(async () => {
  lsp = new LspHarness();
  await lsp.initialize();
});
after(() => lsp.shutdown());

test('initialize advertises pull diagnostics with inter-file dependencies', { timeout: 60_000 }, async () => {
  const fresh = new LspHarness();
  const result = (await fresh.initialize()) as { capabilities: { diagnosticProvider: { interFileDependencies: boolean } } };
  assert.equal(result.capabilities.diagnosticProvider.interFileDependencies, true);
  await fresh.shutdown();
});

test('open → pull → edit → pull: diagnostics follow the text', { timeout: 60_000 }, async () => {
  const uri = 'file:///workspace/web.yaml';
  await lsp.open(uri, BROKEN_DEPLOYMENT);
  const first = await lsp.diagnostics(uri);
  assert.deepEqual(first.map((d) => [d.code, d.range.start.line, d.range.start.character]).sort(), [
    ['invalid-type', 4, 12],
    ['invalid-value', 12, 27],
  ]);
  assert.ok(first.every((d) => d.source === 'shipshape'));
  await lsp.change(uri, BROKEN_DEPLOYMENT.replace('three', '3'));
  const second = await lsp.diagnostics(uri);
  assert.deepEqual(second.map((d) => d.code), ['invalid-value']);
  await lsp.change(uri, BROKEN_DEPLOYMENT.replace('three', '3').replace('Sometimes', 'Always'));
  assert.deepEqual(await lsp.diagnostics(uri), []);
});

test('shipshape.kubernetesVersion changes the verdict on a removed apiVersion, and triggers a refresh', { timeout: 60_000 }, async () => {
  const uri = 'file:///workspace/hpa.yaml';
  const hpa = [
    'apiVersion: autoscaling/v2beta2',
    'kind: HorizontalPodAutoscaler',
    'metadata: {name: web}',
    'spec:',
    '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
    '  maxReplicas: 3',
    '',
  ].join('\n');
  await lsp.open(uri, hpa);
  await lsp.changeSettings({ kubernetesVersion: '1.25' });
  const old = await lsp.diagnostics(uri);
  assert.deepEqual(old.map((d) => [d.code, d.severity]), [['deprecated-api-version', 2]]);
  const refreshesBefore = lsp.refreshes;
  await lsp.changeSettings({ kubernetesVersion: '1.35' });
  const now = await lsp.diagnostics(uri);
  assert.deepEqual(now.map((d) => [d.code, d.severity]), [['removed-api-version', 1]]);
  assert.match(String(now[0]!.message), /removed in 1\.26; use autoscaling\/v2/);
  assert.ok(lsp.refreshes > refreshesBefore, 'a settings change asks the client to pull again');
});

test('validation.enable=false and exclude globs silence a file', { timeout: 60_000 }, async () => {
  const uri = 'file:///workspace/generated/web.yaml';
  await lsp.open(uri, BROKEN_DEPLOYMENT);
  assert.equal((await lsp.diagnostics(uri)).length, 2);
  await lsp.changeSettings({ exclude: ['generated/**'] });
  assert.deepEqual(await lsp.diagnostics(uri), []);
  await lsp.changeSettings({ validation: { enable: false } });
  assert.deepEqual(await lsp.diagnostics('file:///workspace/web.yaml'), []);
  await lsp.changeSettings({});
  assert.equal((await lsp.diagnostics(uri)).length, 2);
});

test('a CRD opened in one file validates resources in another', { timeout: 60_000 }, async () => {
  const crdUri = 'file:///workspace/crd.yaml';
  const crUri = 'file:///workspace/widget.yaml';
  await lsp.open(crUri, 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: "big"}\n');
  assert.deepEqual(await lsp.diagnostics(crUri), []);
  const refreshed = lsp.nextRefresh();
  await lsp.open(
    crdUri,
    [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: widgets.example.com}',
      'spec:',
      '  group: example.com',
      '  scope: Namespaced',
      '  names: {kind: Widget, plural: widgets}',
      '  versions:',
      '    - name: v1',
      '      served: true',
      '      storage: true',
      '      schema:',
      '        openAPIV3Schema:',
      '          type: object',
      '          properties:',
      '            spec: {type: object, properties: {size: {type: integer}}}',
      '',
    ].join('\n'),
  );
  assert.deepEqual(await lsp.diagnostics(crdUri), []);
  const found = await lsp.diagnostics(crUri);
  assert.deepEqual(found.map((d) => d.code), ['invalid-type']);
  await refreshed; // the other open file is asked to pull again
  await lsp.close(crdUri);
  assert.deepEqual(await lsp.diagnostics(crUri), []);
});

test('a compose file is validated by its name', { timeout: 60_000 }, async () => {
  const uri = 'file:///workspace/compose.yaml';
  await lsp.open(uri, 'services:\n  web:\n    imagee: nginx\n', 'dockercompose');
  const found = await lsp.diagnostics(uri);
  assert.deepEqual(found.map((d) => d.code), ['unknown-field']);
});

test('garbage never kills the server', { timeout: 60_000 }, async () => {
  const uri = 'file:///workspace/garbage.yaml';
  await lsp.open(uri, '\u0000\u0001\u0002binary');
  const found = await lsp.diagnostics(uri);
  assert.deepEqual(found.map((d) => d.code), ['binary-file']);
  await lsp.change(uri, 'a: &a [*a, *a]\n' + 'x: ['.repeat(5000));
  await lsp.diagnostics(uri);
  await lsp.change(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n');
  assert.deepEqual(await lsp.diagnostics(uri), []);
});
