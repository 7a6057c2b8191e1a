import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Plan } from '../../../server/src/shared/dryrunPlan';
import type { DryRunRequest, DryRunStateRequest, DryRunTarget } from '../../../server/src/shared/protocol';
import type { PanelMessage } from '../../../client/src/dryrun/messages';
import { PanelSession, REFRESH_DELAY_MS, type DryRunBackend, type PanelHost } from '../../../client/src/dryrun/panelSession';

const FILE_TARGET: DryRunTarget = { scope: 'file', uri: 'file:///w/k8s/web.yaml' };
const PLAN: Plan = {
  objects: [
    { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'default', name: 'web', action: 'configured', message: 'deployment.apps/web configured', diff: [], source: { uri: 'file:///w/k8s/other.yaml', line: 3, character: 0 } },
  ],
  rollouts: [],
  compose: [],
  pruneSkipped: false,
};

interface Options {
  target?: DryRunTarget;
  canImportFromCluster?: boolean;
  environmentAnswer?: string;
  confirmReset?: boolean;
  /** What importFromFile returns (undefined: the user cancelled the picker). */
  fileImport?: DryRunStateRequest.Result;
  planError?: string;
  stateError?: string;
  visible?: boolean;
}

/** A session over a fake backend and host; `posted` summarises what reached the webview, `calls` what reached the backend. */
function makeSession(options: Options = {}) {
  const posted: string[] = [];
  const calls: string[] = [];
  const logs: string[] = [];
  const titles: string[] = [];
  const backend: DryRunBackend = {
    async plan(target, environment) {
      calls.push(`plan ${target.scope} ${environment}`);
      if (options.planError) throw new Error(options.planError);
      return result(environment);
    },
    async changeState(params) {
      calls.push(`changeState ${JSON.stringify(params)}`);
      if (options.stateError) throw new Error(options.stateError);
      return { ok: true, message: `${params.action} done` };
    },
    async importFromFile(environment) {
      calls.push(`importFromFile ${environment}`);
      return options.fileImport;
    },
    async importFromCluster(environment) {
      calls.push(`importFromCluster ${environment}`);
      return { ok: true, message: 'Imported 12 objects' };
    },
    canImportFromCluster: () => options.canImportFromCluster ?? false,
    async revealSource(uri, line, character) {
      calls.push(`reveal ${uri}:${line}:${character}`);
    },
  };
  const host: PanelHost = {
    post: async (message) => {
      posted.push(summary(message));
      return true;
    },
    setTitle: (title) => titles.push(title),
    isVisible: () => options.visible ?? true,
    askEnvironmentName: async () => options.environmentAnswer,
    confirmReset: async () => options.confirmReset ?? false,
    log: (message) => logs.push(message),
  };
  const session = new PanelSession(backend, host, options.target ?? FILE_TARGET);
  return { session, posted, calls, logs, titles };
}

function result(environment: string): DryRunRequest.Result {
  return { plan: PLAN, environment, environments: ['default', environment], stateFile: `.shipshape/state/${environment}.yaml`, files: 1, kubernetesVersion: '1.35' };
}

function summary(message: PanelMessage): string {
  switch (message.type) {
    case 'context':
      return `context ${message.target.scope} ${message.environment}`;
    case 'plan':
      return `plan ${message.result.environment}${message.canImportFromCluster ? ' +cluster' : ''}`;
    case 'busy':
      return `busy ${message.busy}`;
    case 'status':
      return `status ${message.ok ? 'ok' : 'failed'}: ${message.message}`;
    case 'error':
      return `error: ${message.message}`;
  }
}

const PLANNED = (env = 'default', extra = '') => ['busy true', `plan ${env}${extra}`, 'busy false'];

/** Feeds the webview messages in order and compares what the webview and the backend got. */
async function check(messages: unknown[], expected: { posted: string[]; calls: string[] }, options: Options = {}) {
  const { session, posted, calls } = makeSession(options);
  for (const message of messages) await session.receive(message);
  assert.deepEqual({ posted, calls }, expected, JSON.stringify(messages));
}

test('ready: the context, then a plan against the default environment', async () => {
  await check([{ type: 'ready' }], { posted: ['context file default', ...PLANNED()], calls: ['plan file default'] });
  await check([{ type: 'ready' }], { posted: ['context file default', ...PLANNED('default', ' +cluster')], calls: ['plan file default'] }, { canImportFromCluster: true });
});

test('environments: switching plans against the chosen one; a new one is asked for and checked', async () => {
  await check([{ type: 'selectEnvironment', environment: 'staging' }], { posted: ['context file staging', ...PLANNED('staging')], calls: ['plan file staging'] });
  await check([{ type: 'newEnvironment' }], { posted: ['context file qa', ...PLANNED('qa')], calls: ['plan file qa'] }, { environmentAnswer: ' qa ' });
  await check([{ type: 'newEnvironment' }], { posted: [], calls: [] }, { environmentAnswer: undefined });
  await check([{ type: 'newEnvironment' }], { posted: [], calls: [] }, { environmentAnswer: '../etc' });
});

test('state changes report their outcome, then plan again; cancelled ones do nothing', async () => {
  const commit = `changeState ${JSON.stringify({ action: 'commit', environment: 'default', target: FILE_TARGET })}`;
  await check([{ type: 'commit' }], { posted: ['status ok: commit done', ...PLANNED()], calls: [commit, 'plan file default'] });
  await check([{ type: 'backupAndReset' }], { posted: ['status ok: backupAndReset done', ...PLANNED()], calls: ['changeState {"action":"backupAndReset","environment":"default"}', 'plan file default'] });
  await check([{ type: 'reset' }], { posted: [], calls: [] }, { confirmReset: false });
  await check([{ type: 'reset' }], { posted: ['status ok: reset done', ...PLANNED()], calls: ['changeState {"action":"reset","environment":"default"}', 'plan file default'] }, { confirmReset: true });
  await check([{ type: 'import', from: 'file' }], { posted: [], calls: ['importFromFile default'] }, { fileImport: undefined });
  await check([{ type: 'import', from: 'file' }], { posted: ['status ok: Imported 3 objects', ...PLANNED()], calls: ['importFromFile default', 'plan file default'] }, { fileImport: { ok: true, message: 'Imported 3 objects' } });
  await check([{ type: 'commit' }], { posted: ['status failed: disk full'], calls: [commit] }, { stateError: 'disk full' });
});

test('import from a cluster only when the backend says it can', async () => {
  await check([{ type: 'import', from: 'cluster' }], { posted: ['status failed: Importing from a cluster needs a trusted workspace and kubectl on PATH.'], calls: [] });
  await check([{ type: 'import', from: 'cluster' }], { posted: ['status ok: Imported 12 objects', ...PLANNED('default', ' +cluster')], calls: ['importFromCluster default', 'plan file default'] }, { canImportFromCluster: true });
});

test('reveal: files the plan came from or inside the target, nothing else', async () => {
  const reveal = (uri: string) => ({ type: 'reveal', source: { uri, line: 3, character: 2 } });
  await check([reveal('file:///w/k8s/web.yaml')], { posted: [], calls: ['reveal file:///w/k8s/web.yaml:3:2'] });
  await check([reveal('file:///etc/passwd')], { posted: [], calls: [] });
  // A workspace target covers every file, but only the plan's sources may be revealed.
  await check([reveal('file:///w/k8s/other.yaml')], { posted: [], calls: [] }, { target: { scope: 'workspace' } });
  await check([{ type: 'refresh' }, reveal('file:///w/k8s/other.yaml')], { posted: PLANNED(), calls: ['plan workspace default', 'reveal file:///w/k8s/other.yaml:3:2'] }, { target: { scope: 'workspace' } });
});

test('malformed messages are logged and dropped', async () => {
  const { session, posted, calls, logs } = makeSession();
  for (const message of [{ type: 'commit', now: true }, { type: 'selectEnvironment', environment: '/' }, 'refresh', null]) await session.receive(message);
  assert.deepEqual({ posted, calls }, { posted: [], calls: [] });
  assert.equal(logs.length, 4);
  assert.match(logs[0]!, /ignored a malformed message from the webview: \{"type":"commit","now":true\}/);
});

test('a failed plan shows the error; the title follows target and environment', async () => {
  await check([{ type: 'refresh' }], { posted: ['busy true', 'error: server not running', 'busy false'], calls: ['plan file default'] }, { planError: 'server not running' });
  const { session, titles } = makeSession();
  await session.receive({ type: 'selectEnvironment', environment: 'prod' });
  await session.retarget({ scope: 'folder', uri: 'file:///w/k8s' });
  assert.deepEqual(titles, ['Preview Apply: web.yaml (default)', 'Preview Apply: web.yaml (prod)', 'Preview Apply: web.yaml (prod)', 'Preview Apply: k8s/ (prod)', 'Preview Apply: k8s/ (prod)']);
});

test('only the newest plan is shown when answers arrive out of order', async () => {
  const posted: string[] = [];
  const pending: Array<(result: DryRunRequest.Result) => void> = [];
  const backend = {
    plan: () => new Promise<DryRunRequest.Result>((resolve) => pending.push(resolve)),
    canImportFromCluster: () => false,
  } as unknown as DryRunBackend;
  const host = { post: async (m: PanelMessage) => (posted.push(summary(m)), true), setTitle: () => undefined, isVisible: () => true, log: () => undefined } as unknown as PanelHost;
  const session = new PanelSession(backend, host, FILE_TARGET);
  const first = session.refresh();
  const second = session.refresh();
  pending[1]!(result('second'));
  await second;
  pending[0]!(result('first'));
  await first;
  assert.deepEqual(posted, ['busy true', 'busy true', 'plan second', 'busy false']);
});

test('edits re-plan once typing pauses, only for documents in the target and while the panel is visible', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { session, calls } = makeSession();
  session.documentChanged('file:///w/k8s/web.yaml');
  t.mock.timers.tick(REFRESH_DELAY_MS - 1);
  session.documentChanged('file:///w/k8s/web.yaml');
  t.mock.timers.tick(REFRESH_DELAY_MS - 1);
  session.documentChanged('file:///w/k8s/db.yaml'); // not in the target: no effect on the pending refresh
  assert.deepEqual(calls, []);
  t.mock.timers.tick(1);
  assert.deepEqual(calls, ['plan file default']);

  const hidden = makeSession({ visible: false });
  hidden.session.documentChanged('file:///w/k8s/web.yaml');
  t.mock.timers.tick(REFRESH_DELAY_MS * 2);
  assert.deepEqual(hidden.calls, []);

  const disposed = makeSession();
  disposed.session.documentChanged('file:///w/k8s/web.yaml');
  disposed.session.dispose();
  t.mock.timers.tick(REFRESH_DELAY_MS * 2);
  assert.deepEqual(disposed.calls, []);
});
