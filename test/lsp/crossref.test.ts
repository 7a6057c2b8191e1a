import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspHarness } from './lspHarness';

const deployment = (app: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    `  selector: {matchLabels: {app: ${app}}}`,
    '  template:',
    `    metadata: {labels: {app: ${app}}}`,
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx',
    '          envFrom: [{configMapRef: {name: web-config}}]',
    '',
  ].join('\n');
const service = ['apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector: {app: web}', '  ports: [{port: 80}]', ''].join('\n');
const configMap = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: web-config}', 'data: {MODE: prod}', ''].join('\n');

let dir: string;
let lsp: LspHarness;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shipshape-ws-'));
  writeFileSync(join(dir, 'deploy.yaml'), deployment('web'));
  writeFileSync(join(dir, 'svc.yaml'), service);
  writeFileSync(join(dir, 'config.yaml'), configMap);
  lsp = new LspHarness();
  const scanned = lsp.nextRefresh();
  await lsp.initialize(pathToFileURL(dir).href);
  await scanned; // the workspace scan ends with a refresh
});
after(async () => {
  await lsp.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

test('files on disk are indexed at start: an open file resolves references to closed ones', { timeout: 60_000 }, async () => {
  await lsp.open(uri('svc.yaml'), service);
  assert.deepEqual(await lsp.diagnostics(uri('svc.yaml')), []);
  await lsp.open(uri('deploy.yaml'), deployment('web'));
  assert.deepEqual(await lsp.diagnostics(uri('deploy.yaml')), []);
});

test('editing a label in one file updates the diagnostic in another open file', { timeout: 60_000 }, async () => {
  const refreshed = lsp.nextRefresh();
  await lsp.change(uri('deploy.yaml'), deployment('web-v2'));
  assert.deepEqual(await lsp.diagnostics(uri('deploy.yaml')), []);
  await refreshed;
  const found = await lsp.diagnostics(uri('svc.yaml'));
  assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), [['service-selector-no-pods', 4]]);
  assert.equal(found[0]!.relatedInformation?.[0]?.location.uri, uri('deploy.yaml'));

  const back = lsp.nextRefresh();
  await lsp.change(uri('deploy.yaml'), deployment('web'));
  await lsp.diagnostics(uri('deploy.yaml'));
  await back;
  assert.deepEqual(await lsp.diagnostics(uri('svc.yaml')), []);
});

test('a reference to a name that exists nowhere is reported with the rule code; rule levels and suppressions apply', { timeout: 60_000 }, async () => {
  const broken = deployment('web').replace('web-config', 'web-confg');
  await lsp.change(uri('deploy.yaml'), broken);
  const found = await lsp.diagnostics(uri('deploy.yaml'));
  assert.deepEqual(found.map((d) => [d.code, d.severity]), [['configmap-missing', 2]]);
  assert.match(String(found[0]!.message), /ConfigMap "web-confg" not found; did you mean "web-config"\?/);

  await lsp.changeSettings({ rules: { 'configmap-missing': 'error' } });
  assert.deepEqual((await lsp.diagnostics(uri('deploy.yaml'))).map((d) => d.severity), [1]);
  await lsp.changeSettings({ rules: { 'configmap-missing': 'off' } });
  assert.deepEqual(await lsp.diagnostics(uri('deploy.yaml')), []);
  await lsp.changeSettings({});

  const suppressed = broken.replace('          envFrom', '          # shipshape-disable-next-line configmap-missing\n          envFrom');
  await lsp.change(uri('deploy.yaml'), suppressed);
  assert.deepEqual(await lsp.diagnostics(uri('deploy.yaml')), []);
});

test('known external objects declared in settings satisfy references', { timeout: 60_000 }, async () => {
  await lsp.change(uri('deploy.yaml'), deployment('web').replace('web-config', 'made-elsewhere'));
  assert.equal((await lsp.diagnostics(uri('deploy.yaml'))).length, 1);
  await lsp.changeSettings({ crossref: { knownObjects: ['ConfigMap/made-elsewhere'] } });
  assert.deepEqual(await lsp.diagnostics(uri('deploy.yaml')), []);
  await lsp.changeSettings({});
});

test('rename over LSP edits the ConfigMap and its references across files; definition jumps to it', { timeout: 60_000 }, async () => {
  await lsp.change(uri('deploy.yaml'), deployment('web'));
  const position = { line: 11, character: 45 }; // inside `web-config` of the configMapRef
  const definition = (await lsp.client.sendRequest('textDocument/definition', { textDocument: { uri: uri('deploy.yaml') }, position })) as Array<{ uri: string }>;
  assert.deepEqual(definition.map((l) => l.uri), [uri('config.yaml')]);
  const edit = (await lsp.client.sendRequest('textDocument/rename', { textDocument: { uri: uri('deploy.yaml') }, position, newName: 'api-config' })) as {
    changes: Record<string, Array<{ newText: string; range: { start: { line: number } } }>>;
  };
  assert.deepEqual(Object.keys(edit.changes).sort(), [uri('config.yaml'), uri('deploy.yaml')].sort());
  assert.deepEqual(edit.changes[uri('config.yaml')]!.map((e) => [e.range.start.line, e.newText]), [[2, 'api-config']]);
  const lenses = (await lsp.client.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('svc.yaml') } })) as Array<{ command: { title: string } }>;
  assert.deepEqual(lenses.map((l) => l.command.title), ['selects 1 pod template: Deployment web']);
});
