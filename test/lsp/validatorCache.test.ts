import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StatsRequest } from '../../server/src/shared/protocol';
import { LspHarness } from './lspHarness';

const folder = mkdtempSync(join(tmpdir(), 'shipshape-lsp-validators-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const URI = 'file:///workspace/app.yaml';
const TEXT = [
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata: {name: db}',
  'spec:',
  '  replicas: three',
  '  serviceName: db',
  '  selector: {matchLabels: {app: db}}',
  '  template:',
  '    metadata: {labels: {app: db}}',
  '    spec:',
  '      containers: [{name: db, image: postgres, imagePullPolicy: Sometimes}]',
  '',
].join('\n');

/** A server started with the validator folder the client names, the file's diagnostics, and its stats. */
async function session(): Promise<{ messages: string[]; stats: StatsRequest.Result }> {
  const lsp = new LspHarness();
  await lsp.initialize('file:///workspace', { validatorCacheDir: folder });
  await lsp.open(URI, TEXT);
  const messages = (await lsp.diagnostics(URI)).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);
  const stats = (await lsp.client.sendRequest(StatsRequest.method)) as StatsRequest.Result;
  await lsp.shutdown();
  return { messages, stats };
}

test('the server keeps compiled validators in the folder the client names; the next server loads them', async () => {
  const first = await session();
  assert.equal(first.stats.validatorCache?.folder, folder);
  assert.ok(first.stats.validatorCache!.stored >= 1, JSON.stringify(first.stats));
  assert.ok(readdirSync(folder).some((name) => name.startsWith('k8s-1.35-apps_v1-StatefulSet.')), readdirSync(folder).join(', '));
  assert.equal(first.messages.filter((m) => /replicas: expected integer|"Sometimes" is not allowed/.test(m)).length, 2, first.messages.join('\n'));

  const second = await session();
  assert.ok(second.stats.validatorCache!.hits >= 1, JSON.stringify(second.stats));
  assert.equal(second.stats.validatorCache!.stored, 0, 'nothing compiled again');
  assert.deepEqual(second.messages, first.messages);
});
