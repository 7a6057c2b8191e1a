import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { parseManifestFile } from '../../server/src/documents/manifestFile';
import { parseManifestFileAsync } from '../../server/src/documents/parseAsync';
import { ParsePool } from '../../server/src/documents/parsePool';
import { ManifestValidator } from '../../server/src/validation/manifestValidator';
import { ManifestWorkspace } from '../../server/src/workspace/manifestWorkspace';
import { schemas } from './helpers';
import { KubernetesSchemas } from '../../server/src/schema/kubernetesSchemas';
import { compileValidatorsWhileParsing } from '../../server/src/schema/compileWhileParsing';

// The worker runs bundled JavaScript, as in the shipped server.
const dir = mkdtempSync(join(tmpdir(), 'shipshape-worker-'));
const script = join(dir, 'parseWorker.js');
buildSync({ entryPoints: [join(__dirname, '../../server/src/documents/parseWorker.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
const pool = new ParsePool(script);
after(() => {
  pool.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function bigFile(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const replicas = i === count - 3 ? '"three"' : '2'; // an error in the half the worker parses
    docs.push(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: app-${i}, labels: {app: app-${i}}}`,
        'spec:',
        `  replicas: ${replicas}`,
        `  selector: {matchLabels: {app: app-${i}}}`,
        '  template:',
        `    metadata: {labels: {app: app-${i}}}`,
        '    spec:',
        '      containers:',
        `        - name: app`,
        `          image: registry.example.com/app-${i}:1.0`,
        '          ports: [{containerPort: 8080, name: http}]',
        '          env: [{name: MODE, value: production}, {name: TOKEN, valueFrom: {secretKeyRef: {name: app-secret, key: token}}}]',
        '',
      ].join('\n'),
    );
  }
  docs.push('a: [unclosed\n'); // a syntax error at the very end
  return docs.join('---\n');
}

test('a large file parsed with the worker equals the synchronous parse, positions included', async () => {
  const text = bigFile(800);
  assert.ok(text.length > 300_000, `${text.length} chars: enough to engage the worker`);
  const sync = parseManifestFile('file:///big.yaml', text);
  const before = pool.parsedChunks;
  const shared = await parseManifestFileAsync('file:///big.yaml', text, undefined, pool);
  assert.ok(pool.parsedChunks - before > 300, 'the worker parsed about half of the chunks');
  assert.equal(shared.docs.length, sync.docs.length);
  assert.deepEqual(shared.docs.map((d) => d.value), sync.docs.map((d) => d.value));
  assert.deepEqual(shared.docs.map((d) => [d.start, d.end, d.flavor]), sync.docs.map((d) => [d.start, d.end, d.flavor]));
  assert.deepEqual(shared.diagnostics, sync.diagnostics);
  assert.equal(shared.diagnostics.length, 1);

  // Findings in worker-parsed documents are placed from the worker's position table (or a tree
  // composed on demand): schema and cross-reference findings land exactly where the sync parse puts them.
  const a = new ManifestValidator(schemas).validate(sync, { kubernetesVersion: '1.35' });
  const b = new ManifestValidator(schemas).validate(shared, { kubernetesVersion: '1.35' });
  assert.deepEqual(b, a);
  assert.deepEqual(b.map((d) => d.code).sort(), ['invalid-type', 'yaml-syntax']);
  const crossref = (file: typeof sync) => {
    const ws = new ManifestWorkspace(schemas);
    ws.update(file);
    return ws.diagnostics(file.uri, { kubernetesVersion: '1.35', rules: {} });
  };
  const fromSync = crossref(sync);
  assert.ok(fromSync.some((d) => d.code === 'secret-missing'), 'the fixture has cross-reference findings to place');
  assert.deepEqual(crossref(shared), fromSync);
});

test('the next parse reuses unchanged documents, and their trees move with the text', async () => {
  const text = bigFile(600);
  const first = await parseManifestFileAsync('file:///big.yaml', text, undefined, pool);
  const edited = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: added}\n---\n' + text;
  const second = await parseManifestFileAsync('file:///big.yaml', edited, first, pool);
  // Every chunk but the first is reused (the first now starts with a `---` marker of its own).
  const reused = second.chunks.filter((c) => first.chunks.includes(c)).length;
  assert.equal(reused, first.chunks.length - 1);
  const diagnostics = new ManifestValidator(schemas).validate(second, { kubernetesVersion: '1.35' });
  const fresh = new ManifestValidator(schemas).validate(parseManifestFile('file:///big.yaml', edited), { kubernetesVersion: '1.35' });
  assert.deepEqual(diagnostics, fresh);
});

test('work for this thread while the worker parses: handed the values this thread parsed, at its share; a failing one does not fail the parse', async () => {
  const text = bigFile(800);
  const sync = parseManifestFile('file:///big.yaml', text);
  const seen: unknown[][] = [];
  // A quarter on two equal threads, scaled by the speeds the pool has seen in the tests before.
  const expected = pool.balance.share(0.25);
  assert.ok(expected > 0.1 && expected < 0.4, `${expected}`);
  const withWork = await parseManifestFileAsync('file:///big.yaml', text, undefined, pool, () => ({ share: 0.25, work: (values) => void seen.push([...values]) }));
  assert.equal(seen.length, 1);
  // This thread parsed the first documents, that share of them (by characters), in order.
  const share = seen[0]!.length / sync.docs.length;
  assert.ok(Math.abs(share - expected) < 0.03, `this thread parsed ${seen[0]!.length} of ${sync.docs.length} documents, expected a share of ${expected.toFixed(2)}`);
  assert.deepEqual(seen[0], sync.docs.slice(0, seen[0]!.length).map((d) => d.value));
  assert.deepEqual(withWork.docs.map((d) => d.value), sync.docs.map((d) => d.value));
  const failing = await parseManifestFileAsync('file:///big.yaml', text, undefined, pool, () => ({ share: 0.4, work: () => Promise.reject(new Error('boom')) }));
  assert.deepEqual(failing.diagnostics, sync.diagnostics);
  assert.equal(failing.docs.length, sync.docs.length);
});

test('compileValidatorsWhileParsing: before any compile this thread takes less text; the work compiles the kinds it saw for the URI\'s version', async () => {
  const fresh = new KubernetesSchemas();
  const asked: string[] = [];
  const meanwhile = compileValidatorsWhileParsing(fresh, async (uri) => (asked.push(uri), '1.30'));
  const cold = meanwhile('file:///a.yaml');
  assert.ok(cold.share < 0.45, `cold share ${cold.share}`);
  await cold.work([{ apiVersion: 'apps/v1', kind: 'Deployment' }, { apiVersion: 'apps/v1', kind: 'Deployment' }, { apiVersion: 'v1', kind: 'Service' }, { apiVersion: 'example.com/v1', kind: 'Widget' }, 'not an object', null]);
  assert.deepEqual(asked, ['file:///a.yaml']);
  assert.equal(fresh.compiledValidators(), 2, 'Deployment and Service, once each; a kind with no built-in schema compiles nothing');
  assert.equal(fresh.forVersion('1.30').compiledCount, 2);
  assert.equal(meanwhile('file:///b.yaml').share, 0.5);
});

test('compileValidatorsWhileParsing: a fresh process takes its full share when the validator cache holds compiled validators', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'shipshape-share-'));
  try {
    const earlier = new KubernetesSchemas();
    earlier.useValidatorCache(folder);
    earlier.forVersion('1.30').validator('v1', 'ConfigMap');
    const fresh = new KubernetesSchemas();
    fresh.useValidatorCache(folder);
    const meanwhile = compileValidatorsWhileParsing(fresh, async () => '1.30');
    assert.equal(meanwhile('file:///a.yaml').share, 0.5);
    assert.equal(fresh.compiledValidators(), 0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a pool warmed ahead of need parses correctly when asked during its warm-up', async () => {
  const warmed = new ParsePool(script);
  try {
    warmed.warm();
    const text = bigFile(800);
    const sync = parseManifestFile('file:///big.yaml', text);
    const shared = await parseManifestFileAsync('file:///big.yaml', text, undefined, warmed);
    assert.ok(warmed.parsedChunks > 100, `${warmed.parsedChunks} chunks parsed by the worker`);
    assert.deepEqual(shared.docs.map((d) => d.value), sync.docs.map((d) => d.value));
    assert.deepEqual(shared.diagnostics, sync.diagnostics);
  } finally {
    warmed.dispose();
  }
});
