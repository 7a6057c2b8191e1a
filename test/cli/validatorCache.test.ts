import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assertFinished, ensureCliBuilt, runCli, tempTree } from './harness';
import { BROKEN_DEPLOYMENT } from '../fixtures/brokenDeployment';

const tree = tempTree({
  'k8s/app.yaml': BROKEN_DEPLOYMENT,
});
before(() => ensureCliBuilt());
after(() => tree.remove());

const cacheRoot = join(tree.dir, 'cache');
const check = (env: NodeJS.ProcessEnv) => runCli(['check', '--k8s-version', '1.29', 'k8s'], tree.dir, { ...process.env, ...env });

test('check keeps compiled validators under SHIPSHAPE_CACHE_DIR and prints the same findings when it loads them', () => {
  const first = check({ SHIPSHAPE_CACHE_DIR: cacheRoot });
  assertFinished(first, [1]);
  assert.match(first.stdout, /k8s\/app\.yaml:5:\d+: error .*replicas: expected integer/);
  const folder = join(cacheRoot, 'validators');
  const entries = readdirSync(folder);
  assert.ok(entries.some((name) => name.startsWith('k8s-1.29-apps_v1-Deployment.')), entries.join(', '));
  const written = () => entries.map((name) => `${name} ${statSync(join(folder, name)).ino} ${statSync(join(folder, name)).mtimeMs}`);
  const before = written();

  const second = check({ SHIPSHAPE_CACHE_DIR: cacheRoot });
  assertFinished(second, [1]);
  assert.equal(second.stdout, first.stdout);
  assert.deepEqual(readdirSync(folder), entries);
  assert.deepEqual(written(), before, 'loaded, not written again');
});

test('an empty SHIPSHAPE_CACHE_DIR turns the cache off', () => {
  const off = join(tree.dir, 'off');
  const run = check({ SHIPSHAPE_CACHE_DIR: '', HOME: off, XDG_CACHE_HOME: off });
  assertFinished(run, [1]);
  assert.match(run.stdout, /replicas: expected integer/);
  assert.equal(existsSync(off), false, 'nothing written anywhere');
});
