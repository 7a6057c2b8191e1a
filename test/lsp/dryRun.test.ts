import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DryRunRequest, DryRunStateRequest } from '../../server/src/shared/protocol';
import { LspHarness } from './lspHarness';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: app, image: "nginx:1.25"}]}\n';

let lsp: LspHarness;
let root: string;
let uri: string;
before(async () => {
  root = mkdtempSync(join(tmpdir(), 'shipshape-lsp-dryrun-'));
  writeFileSync(join(root, 'web.yaml'), DEPLOYMENT);
  uri = pathToFileURL(join(root, 'web.yaml')).href;
  lsp = new LspHarness();
  const scanned = lsp.nextRefresh();
  await lsp.initialize(pathToFileURL(root).href);
  await scanned;
});
after(async () => {
  await lsp.shutdown();
  rmSync(root, { recursive: true, force: true });
});

const plan = (params: DryRunRequest.Params) => lsp.client.sendRequest(DryRunRequest.method, params) as Promise<DryRunRequest.Result>;
const changeState = (params: DryRunStateRequest.Params) => lsp.client.sendRequest(DryRunStateRequest.method, params) as Promise<DryRunStateRequest.Result>;

test('shipshape/dryRun plans the open buffer as edited; commit writes the state; the next plan is unchanged', { timeout: 60_000 }, async () => {
  await lsp.open(uri, DEPLOYMENT);
  const first = await plan({ target: { scope: 'file', uri } });
  assert.deepEqual(first.plan.objects.map((o) => o.message), ['deployment.apps/web created']);
  assert.deepEqual([first.environment, first.environments, first.stateFile, first.files], ['default', ['default'], '.shipshape/state/default.yaml', 1]);

  const commit = await changeState({ action: 'commit', target: { scope: 'file', uri } });
  assert.equal(commit.ok, true, commit.message);
  assert.match(readFileSync(join(root, '.shipshape', 'state', 'default.yaml'), 'utf8'), /kind: ReplicaSet/);

  // An unsaved edit in the editor is what gets planned, against the committed state.
  await lsp.change(uri, DEPLOYMENT.replace('nginx:1.25', 'nginx:1.27'));
  const edited = await plan({ target: { scope: 'workspace' } });
  assert.deepEqual(edited.plan.objects.map((o) => o.message), ['deployment.apps/web configured'], 'the state file itself is not planned');
  assert.equal(edited.plan.rollouts[0]?.kind, 'Deployment');
});

test('a broken state file is reported, never overwritten, and backed up on request', { timeout: 60_000 }, async () => {
  mkdirSync(join(root, '.shipshape', 'state'), { recursive: true });
  writeFileSync(join(root, '.shipshape', 'state', 'broken.yaml'), 'items: [\n');
  const result = await plan({ target: { scope: 'workspace' }, environment: 'broken' });
  assert.match(result.stateError ?? '', /cannot be read/);
  assert.ok(result.environments.includes('broken'));
  const refused = await changeState({ action: 'commit', environment: 'broken' });
  assert.equal(refused.ok, false);
  assert.equal(readFileSync(join(root, '.shipshape', 'state', 'broken.yaml'), 'utf8'), 'items: [\n');
  const reset = await changeState({ action: 'backupAndReset', environment: 'broken' });
  assert.equal(reset.ok, true);
  assert.ok(existsSync(join(root, '.shipshape', 'state', 'broken.yaml.bak')));
  assert.equal((await plan({ target: { scope: 'workspace' }, environment: 'broken' })).stateError, undefined);
});

test('an environment name that would escape the state folder is refused with a clear error', { timeout: 60_000 }, async () => {
  await assert.rejects(plan({ target: { scope: 'workspace' }, environment: '../../etc' }), /not a usable environment name/);
});
