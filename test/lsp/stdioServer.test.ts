import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic, type Hover, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { ensureCliBuilt, repoRoot } from '../cli/harness';
import { BROKEN_DEPLOYMENT } from '../fixtures/brokenDeployment';

// The bundled server as other editors start it: `node server/out/server.js --stdio`.

const serverScript = join(repoRoot, 'server', 'out', 'server.js');
const TIMEOUT = { timeout: 60_000 };

before(() => ensureCliBuilt()); // one esbuild run makes the CLI and the server bundles

interface StdioServer {
  child: ChildProcessWithoutNullStreams;
  client: ProtocolConnection;
  exited: Promise<number | null>;
}

async function startStdioServer(): Promise<StdioServer> {
  const child = spawn(process.execPath, [serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const client = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('workspace/diagnostic/refresh', () => null);
  client.listen();
  const root = pathToFileURL(mkdtempSync(join(tmpdir(), 'shipshape-stdio-'))).href;
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'stdio' }],
    capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] } } },
  });
  await client.sendNotification('initialized', {});
  return { child, client, exited };
}


test('over --stdio the bundled server validates, answers hovers, and shuts down cleanly', TIMEOUT, async () => {
  const { client, exited } = await startStdioServer();
  const uri = 'file:///stdio/deployment.yaml';
  await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: BROKEN_DEPLOYMENT } });
  const report = (await client.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
  const replicas = report.items.find((d) => d.range.start.line === 4);
  assert.ok(replicas, `no diagnostic on spec.replicas: ${JSON.stringify(report.items)}`);
  assert.match(String(replicas.message), /expected integer/);
  const hover = (await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 4 } })) as Hover;
  assert.match(JSON.stringify(hover.contents), /desired pods/i); // the field's description
  await client.sendRequest('shutdown');
  await client.sendNotification('exit');
  assert.equal(await exited, 0);
  client.dispose();
});

test('over --stdio the server ends with its input: exit code 1 without shutdown, 0 after it', TIMEOUT, async () => {
  const abandoned = await startStdioServer();
  abandoned.child.stdin.end();
  assert.equal(await abandoned.exited, 1);
  abandoned.client.dispose();

  const shutDown = await startStdioServer();
  await shutDown.client.sendRequest('shutdown');
  shutDown.child.stdin.end();
  assert.equal(await shutDown.exited, 0);
  shutDown.client.dispose();
});
