import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { LspHarness } from './lspHarness';

const compose = ['services:', '  web:', '    image: nginx', '    depends_on: [db]', '    links: ["db:database"]', '    volumes: ["data:/var/lib/web"]', 'volumes:', '  data: {}', ''].join('\n');
const override = ['services:', '  db:', '    image: postgres:16', '    volumes: ["data:/var/lib/postgresql/data"]', ''].join('\n');
const deployment = (app: string) =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', `  selector: {matchLabels: {app: ${app}}}`, '  template:', `    metadata: {labels: {app: ${app}}}`, '    spec: {containers: [{name: web, image: nginx}]}', ''].join('\n');
const service = (app: string) => ['apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', `  selector: {app: ${app}}`, '  ports: [{port: 80}]', ''].join('\n');
const worker = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: worker}', 'spec:', '  selector: {matchLabels: {app: worker}}', '  template:', '    metadata: {labels: {app: worker}}', '    spec: {containers: [{name: w, image: busybox}]}', ''].join('\n');
const workerService = ['apiVersion: v1', 'kind: Service', 'metadata: {name: worker}', 'spec:', '  selector: {app: worker}', '  ports: [{port: 80}]', ''].join('\n');

let dir: string;
let lsp: LspHarness;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shipshape-nav-'));
  writeFileSync(join(dir, 'compose.yaml'), compose);
  writeFileSync(join(dir, 'compose.override.yaml'), override);
  writeFileSync(join(dir, 'deploy.yaml'), deployment('web'));
  writeFileSync(join(dir, 'svc.yaml'), service('web'));
  writeFileSync(join(dir, 'worker.yaml'), worker);
  writeFileSync(join(dir, 'worker-svc.yaml'), workerService);
  lsp = new LspHarness();
  const scanned = lsp.nextRefresh();
  await lsp.initialize(pathToFileURL(dir).href);
  await scanned;
});
after(async () => {
  await lsp.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

/** Each file's edits as [line, character, newText], sorted. */
function edits(edit: WorkspaceEdit | null): Record<string, Array<[number, number, string]>> {
  const out: Record<string, Array<[number, number, string]>> = {};
  for (const [u, list] of Object.entries(edit?.changes ?? {})) {
    out[u.slice(u.lastIndexOf('/') + 1)] = list.map((e): [number, number, string] => [e.range.start.line, e.range.start.character, e.newText]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }
  return out;
}

test('rename of a compose service over LSP edits compose.yaml and compose.override.yaml in one WorkspaceEdit', { timeout: 60_000 }, async () => {
  await lsp.open(uri('compose.yaml'), compose, 'dockercompose');
  const position = { line: 3, character: 18 };
  const range = (await lsp.client.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri('compose.yaml') }, position })) as Range;
  assert.deepEqual(range, { start: { line: 3, character: 17 }, end: { line: 3, character: 19 } });
  const edit = (await lsp.client.sendRequest('textDocument/rename', { textDocument: { uri: uri('compose.yaml') }, position, newName: 'postgres' })) as WorkspaceEdit;
  assert.deepEqual(edits(edit), {
    'compose.yaml': [[3, 17, 'postgres'], [4, 13, 'postgres']],
    'compose.override.yaml': [[1, 2, 'postgres']],
  });
  // A volume: only the source part of the short syntax, in both files.
  const volume = (await lsp.client.sendRequest('textDocument/rename', { textDocument: { uri: uri('compose.yaml') }, position: { line: 7, character: 3 }, newName: 'shared' })) as WorkspaceEdit;
  assert.deepEqual(edits(volume), { 'compose.yaml': [[5, 15, 'shared'], [7, 2, 'shared']], 'compose.override.yaml': [[3, 15, 'shared']] });
});

test('rename of a label value over LSP edits the selector and the pod template in two files, not the unrelated app', { timeout: 60_000 }, async () => {
  await lsp.open(uri('svc.yaml'), service('web'));
  const position = { line: 4, character: 19 };
  const range = (await lsp.client.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri('svc.yaml') }, position })) as Range;
  assert.deepEqual(range, { start: { line: 4, character: 18 }, end: { line: 4, character: 21 } });
  const edit = (await lsp.client.sendRequest('textDocument/rename', { textDocument: { uri: uri('svc.yaml') }, position, newName: 'storefront' })) as WorkspaceEdit;
  assert.deepEqual(edits(edit), { 'svc.yaml': [[4, 18, 'storefront']], 'deploy.yaml': [[4, 32, 'storefront'], [6, 29, 'storefront']] });
  const key = (await lsp.client.sendRequest('textDocument/rename', { textDocument: { uri: uri('svc.yaml') }, position: { line: 4, character: 14 }, newName: 'app.kubernetes.io/name' })) as WorkspaceEdit;
  assert.deepEqual(Object.keys(edits(key)).sort(), ['deploy.yaml', 'svc.yaml']);
});

test('a file deleted from disk leaves the index, and the other open file is re-checked (no stale diagnostic)', { timeout: 60_000 }, async () => {
  await lsp.open(uri('worker-svc.yaml'), workerService);
  assert.deepEqual(await lsp.diagnostics(uri('worker-svc.yaml')), []);
  const before = (await lsp.client.sendRequest('shipshape/stats')) as { objects: number };
  unlinkSync(join(dir, 'worker.yaml'));
  const refreshed = lsp.nextRefresh();
  await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('worker.yaml'), type: 3 }] });
  await refreshed;
  const found = await lsp.diagnostics(uri('worker-svc.yaml'));
  assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), [['service-selector-no-pods', 4]]);
  const after = (await lsp.client.sendRequest('shipshape/stats')) as { objects: number };
  assert.equal(after.objects, before.objects - 1);
  // Navigation no longer offers the deleted template.
  const definition = await lsp.client.sendRequest('textDocument/definition', { textDocument: { uri: uri('worker-svc.yaml') }, position: { line: 4, character: 14 } });
  assert.deepEqual(definition, []);
});
