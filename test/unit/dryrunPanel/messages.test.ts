import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { invalidEnvironmentName, objectKey, parsePanelMessage, parsePersistedState, parseWebviewMessage } from '../../../client/src/dryrun/messages';

const fixturesDir = join(__dirname, '..', '..', 'e2e', 'panel', 'fixtures');
const fixture = (name: string) => JSON.parse(readFileSync(join(fixturesDir, `${name}.json`), 'utf8')) as Record<string, any>;

function result(plan: unknown, extra: Record<string, unknown> = {}) {
  return { plan, environment: 'default', environments: ['default'], stateFile: '.shipshape/state/default.yaml', files: 1, kubernetesVersion: '1.35', ...extra };
}
function planMessage(plan: unknown, extra: Record<string, unknown> = {}) {
  return { type: 'plan', target: { scope: 'file', uri: 'file:///w/web.yaml' }, result: result(plan, extra), canImportFromCluster: false };
}
/** A deep copy of a fixture plan with one change applied. */
function edited(name: string, edit: (plan: Record<string, any>) => void) {
  const plan = fixture(name);
  edit(plan);
  return plan;
}

function checkWebview(message: unknown, accepted: boolean) {
  assert.equal(parseWebviewMessage(message) !== undefined, accepted, JSON.stringify(message));
}
function checkPanel(message: unknown, accepted: boolean) {
  assert.equal(parsePanelMessage(message) !== undefined, accepted, JSON.stringify(message).slice(0, 300));
}

test('webview → extension: every defined message is accepted as sent', () => {
  const valid = [
    { type: 'ready' },
    { type: 'refresh' },
    { type: 'selectEnvironment', environment: 'staging' },
    { type: 'selectEnvironment', environment: 'prod-eu.1' },
    { type: 'newEnvironment' },
    { type: 'commit' },
    { type: 'import', from: 'file' },
    { type: 'import', from: 'cluster' },
    { type: 'reset' },
    { type: 'backupAndReset' },
    { type: 'reveal', source: { uri: 'file:///w/web.yaml', line: 23, character: 8 } },
  ];
  for (const message of valid) {
    checkWebview(message, true);
    assert.deepEqual(parseWebviewMessage(message), message);
  }
});

test('webview → extension: malformed messages are rejected', () => {
  for (const message of [
    undefined,
    null,
    'ready',
    ['ready'],
    {},
    { type: 'Ready' },
    { type: 'delete' },
    { type: 'ready', extra: true },
    { type: 'commit', target: { scope: 'workspace' } },
    { type: 'selectEnvironment' },
    { type: 'selectEnvironment', environment: '' },
    { type: 'selectEnvironment', environment: '../etc/passwd' },
    { type: 'selectEnvironment', environment: 'a/b' },
    { type: 'selectEnvironment', environment: 'prod.compose' },
    { type: 'selectEnvironment', environment: 'x'.repeat(64) },
    { type: 'selectEnvironment', environment: 7 },
    { type: 'import', from: 'http' },
    { type: 'import' },
    { type: 'reveal' },
    { type: 'reveal', source: { uri: 'file:///w/web.yaml', line: -1, character: 0 } },
    { type: 'reveal', source: { uri: 'file:///w/web.yaml', line: 1.5, character: 0 } },
    { type: 'reveal', source: { uri: 'file:///w/web.yaml', line: 1 } },
    { type: 'reveal', source: { uri: 42, line: 1, character: 0 } },
    { type: 'reveal', source: { uri: 'file:///w/web.yaml', line: 1, character: 0 }, command: 'x' },
  ]) {
    checkWebview(message, false);
  }
});

test('extension → webview: context, busy, status, error and plans of every fixture are accepted', () => {
  checkPanel({ type: 'context', target: { scope: 'workspace' }, environment: 'default' }, true);
  checkPanel({ type: 'context', target: { scope: 'folder', uri: 'file:///w/k8s' }, environment: 'staging' }, true);
  checkPanel({ type: 'busy', busy: true }, true);
  checkPanel({ type: 'status', ok: false, message: 'kubectl is not on PATH' }, true);
  checkPanel({ type: 'error', message: 'server not running' }, true);
  const fixtures = readdirSync(fixturesDir).filter((name) => name.endsWith('.json'));
  assert.ok(fixtures.length >= 6);
  for (const name of fixtures) checkPanel(planMessage(fixture(name.replace(/\.json$/, ''))), true);
  checkPanel(planMessage(fixture('rejected'), { stateError: 'cannot read it' }), true);
  // Fields the panel does not know yet are let through (the contract may grow optional fields).
  checkPanel(planMessage(edited('k5-rolling-update', (p) => (p.objects[0].futureField = { a: 1 }))), true);
  checkPanel(planMessage({ objects: [], rollouts: [{ kind: 'Job', namespace: 'default', name: 'migrate', summary: 'job.batch/migrate unchanged', steps: [] }], compose: [], pruneSkipped: false }), true);
});

test('extension → webview: plans that break the contract are rejected', () => {
  const broken: Array<[string, unknown]> = [
    ['unknown type', { type: 'plans' }],
    ['busy not boolean', { type: 'busy', busy: 'yes' }],
    ['status without ok', { type: 'status', message: 'x' }],
    ['context with a bad scope', { type: 'context', target: { scope: 'cluster' }, environment: 'default' }],
    ['no result', { type: 'plan', target: { scope: 'workspace' }, canImportFromCluster: false }],
    ['no canImportFromCluster', { type: 'plan', target: { scope: 'workspace' }, result: result(fixture('k5-rolling-update')) }],
    ['stateError not a string', planMessage(fixture('rejected'), { stateError: 3 })],
    ['files negative', planMessage(fixture('rejected'), { files: -1 })],
    ['environments not strings', planMessage(fixture('rejected'), { environments: [1] })],
    ['pruneSkipped missing', planMessage(edited('rejected', (p) => delete p.pruneSkipped))],
    ['unknown verdict', planMessage(edited('rejected', (p) => (p.objects[0].action = 'deleted')))],
    ['diff not a list', planMessage(edited('rejected', (p) => (p.objects[1].diff = {})))],
    ['diff path missing', planMessage(edited('rejected', (p) => delete p.objects[1].diff[0].path))],
    ['warnings not strings', planMessage(edited('rejected', (p) => (p.objects[1].warnings = [{}])))],
    ['source line negative', planMessage(edited('rejected', (p) => (p.objects[2].source.line = -2)))],
    ['namespace null', planMessage(edited('rejected', (p) => (p.objects[1].namespace = null)))],
    ['step count negative', planMessage(edited('k5-rolling-update', (p) => (p.rollouts[0].steps[0].new = -1)))],
    ['step count fractional', planMessage(edited('k5-rolling-update', (p) => (p.rollouts[0].steps[0].available = 2.5)))],
    ['events missing', planMessage(edited('k5-rolling-update', (p) => delete p.rollouts[0].steps[1].events))],
    ['unknown strategy', planMessage(edited('k9-recreate', (p) => (p.rollouts[0].strategy = 'BlueGreen')))],
    ['downtimeSteps missing', planMessage(edited('k9-recreate', (p) => delete p.rollouts[0].downtimeSteps))],
    ['unknown rollout kind', planMessage(edited('k5-rolling-update', (p) => (p.rollouts[0].kind = 'ReplicaSet')))],
    ['pod revision unknown', planMessage(edited('k20-statefulset', (p) => (p.rollouts[0].steps[0].pods[0].revision = 'old')))],
    ['pod ready missing', planMessage(edited('k20-statefulset', (p) => delete p.rollouts[1].steps[0].pods[2].ready))],
    ['node pods not strings', planMessage(edited('k23-daemonset', (p) => (p.rollouts[0].steps[0].nodes[0].pods = [1])))],
    ['job with steps', planMessage({ objects: [], rollouts: [{ kind: 'Job', namespace: 'd', name: 'j', summary: 's', steps: [{ t: 0 }] }], compose: [], pruneSkipped: false })],
    ['container action unknown', planMessage(edited('c3-compose', (p) => (p.compose[0].services[0].containers[0].action = 'pull')))],
    ['waits not strings', planMessage(edited('c3-compose', (p) => (p.compose[0].services[1].waits = [1])))],
    ['removed orphan malformed', planMessage(edited('c3-compose', (p) => delete p.compose[1].removedOrphans[0].progress))],
    ['log not a list', planMessage(edited('c3-compose', (p) => (p.compose[0].log = 'up')))],
    ['service action unknown', planMessage(edited('c3-compose', (p) => (p.compose[0].services[0].action = 'remove')))],
    ['startOrder missing', planMessage(edited('c3-compose', (p) => delete p.compose[0].startOrder))],
    ['errors not strings', planMessage(edited('c3-compose', (p) => (p.compose[1].errors = 'boom')))],
  ];
  for (const [what, message] of broken) assert.equal(parsePanelMessage(message), undefined, what);
});

test('persisted state: accepted when whole, rejected when any part is off', () => {
  const state = { version: 1, target: { scope: 'file', uri: 'file:///w/web.yaml' }, environment: 'default', expanded: ['apps/v1/Deployment/default/web'], scrollY: 120 };
  const view = { target: state.target, result: result(fixture('k5-rolling-update')), canImportFromCluster: true };
  for (const [value, accepted] of [
    [state, true],
    [{ ...state, view, focusedRow: 'v1/Service/default/web' }, true],
    [undefined, false],
    [{ ...state, version: 2 }, false],
    [{ ...state, scrollY: -4 }, false],
    [{ ...state, environment: '..' }, false],
    [{ ...state, expanded: 'all' }, false],
    [{ ...state, target: { scope: 'file', uri: 3 } }, false],
    [{ ...state, view: { ...view, result: { ...view.result, plan: {} } } }, false],
  ] as const) {
    assert.equal(parsePersistedState(value) !== undefined, accepted, JSON.stringify(value)?.slice(0, 200));
  }
});

test('environment names are file-name safe, as the state store requires', () => {
  for (const [name, ok] of [
    ['default', true],
    ['staging-eu_2', true],
    ['v1.2', true],
    ['', false],
    ['-x', false],
    ['.hidden', false],
    ['a..b', false],
    ['a/b', false],
    ['prod.compose', false],
    ['x'.repeat(63), true],
    ['x'.repeat(64), false],
    ['name with space', false],
  ] as const) {
    assert.equal(invalidEnvironmentName(name) === undefined, ok, name);
  }
});

test('objectKey tells apart kinds, groups, namespaces and cluster-scoped objects', () => {
  assert.equal(objectKey({ kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'default', name: 'web' }), 'apps/v1/Deployment/default/web');
  assert.equal(objectKey({ kind: 'Namespace', apiVersion: 'v1', name: 'shop' }), 'v1/Namespace//shop');
  assert.notEqual(objectKey({ kind: 'Service', apiVersion: 'v1', namespace: 'a', name: 'web' }), objectKey({ kind: 'Service', apiVersion: 'v1', namespace: 'b', name: 'web' }));
});
