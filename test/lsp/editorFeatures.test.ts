import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover, SymbolInformation, TextEdit } from 'vscode-languageserver-protocol';
import { LspHarness } from './lspHarness';

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          imagePullPolicy: Always',
  '          imgae: nginx',
  '',
].join('\n');

let lsp: LspHarness;
const uri = 'file:///workspace/web.yaml';
before(async () => {
  lsp = new LspHarness();
  await lsp.initialize();
  await lsp.open(uri, DEPLOYMENT);
});
after(() => lsp.shutdown());

test('initialize advertises hover, quick fixes, outline, folding and workspace symbols', { timeout: 60_000 }, async () => {
  const fresh = new LspHarness();
  const { capabilities } = (await fresh.initialize()) as { capabilities: Record<string, unknown> };
  for (const provider of ['hoverProvider', 'codeActionProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'workspaceSymbolProvider']) assert.ok(capabilities[provider], provider);
  await fresh.shutdown();
});

test('hover on a field shows its type, description and the API reference link', { timeout: 60_000 }, async () => {
  const result = (await lsp.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 4 } })) as Hover;
  const markdown = (result.contents as { value: string }).value;
  assert.match(markdown, /spec\.replicas/);
  assert.match(markdown, /integer \(int32\)/);
  assert.match(markdown, /desired pods/i);
  assert.match(markdown, /https:\/\/kubernetes\.io\/docs\/reference\/kubernetes-api\/workload-resources\/deployment-v1\//);
  const enumHover = (await lsp.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 12 } })) as Hover;
  assert.match((enumHover.contents as { value: string }).value, /IfNotPresent/);
});

test('a quick fix renames an unknown field to the closest one, and the finding is gone', { timeout: 60_000 }, async () => {
  const diagnostics = (await lsp.diagnostics(uri)).filter((d: Diagnostic) => d.code === 'unknown-field');
  assert.equal(diagnostics.length, 1);
  const actions = (await lsp.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
  const preferred = actions.find((a) => a.isPreferred)!;
  assert.match(preferred.title, /image/);
  const edits = preferred.edit!.changes![uri] as TextEdit[];
  const lines = DEPLOYMENT.split('\n');
  for (const edit of edits) {
    const line = lines[edit.range.start.line]!;
    lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
  }
  const fixed = lines.join('\n');
  assert.match(fixed, /^ {10}image: nginx$/m);
  await lsp.change(uri, fixed);
  const after = await lsp.diagnostics(uri);
  assert.deepEqual(after, []);
  await lsp.change(uri, DEPLOYMENT);
});

test('outline, folding ranges and workspace symbols', { timeout: 60_000 }, async () => {
  const symbols = (await lsp.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
  assert.equal(symbols[0]!.name, 'Deployment web');
  assert.ok(JSON.stringify(symbols[0]!.children).includes('"name":"app"'), 'the container is a child');
  const folds = (await lsp.client.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
  assert.ok(folds.some((f) => f.startLine === 3), 'spec: folds');
  const found = (await lsp.client.sendRequest('workspace/symbol', { query: 'web' })) as SymbolInformation[];
  assert.ok(found.some((s) => s.name === 'Deployment web' && s.location.uri === uri), JSON.stringify(found));
});

test('completion offers schema keys at the cursor, enum values, and whole resources in an empty document', { timeout: 60_000 }, async () => {
  const edited = DEPLOYMENT.replace('          imgae: nginx\n', '          imgae: nginx\n          term\n');
  await lsp.change(uri, edited);
  const keys = (await lsp.client.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 13, character: 14 } })) as { items: Array<{ label: string }> };
  const labels = keys.items.map((i) => i.label);
  assert.ok(labels.includes('terminationMessagePath'), labels.join(', '));
  assert.ok(!labels.includes('imagePullPolicy'), 'a key already present is not offered again');
  const values = (await lsp.client.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 11, character: 27 } })) as { items: Array<{ label: string }> };
  assert.deepEqual(values.items.map((i) => i.label).filter((l) => ['Always', 'IfNotPresent', 'Never'].includes(l)).sort(), ['Always', 'IfNotPresent', 'Never']);
  const empty = 'file:///workspace/new.yaml';
  await lsp.open(empty, '');
  const templates = (await lsp.client.sendRequest('textDocument/completion', { textDocument: { uri: empty }, position: { line: 0, character: 0 } })) as { items: Array<{ label: string }> };
  const names = templates.items.map((i) => i.label).join('\n');
  for (const kind of ['Deployment', 'Service', 'Ingress', 'CronJob']) assert.match(names, new RegExp(kind), names);
  await lsp.change(uri, DEPLOYMENT);
});
