import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { KubernetesSchemas, type KubernetesVersionSchemas } from '../../../server/src/schema/kubernetesSchemas';
import { ValidatorCache, validatorKey } from '../../../server/src/schema/validatorCache';
import { defaultValidatorCacheDir } from '../../../server/src/schema/validatorCacheDir';
import { compileComposeValidator } from '../../../server/src/schema/composeSchema';
import { findSchemasDir } from '../../../server/src/schema/schemaFiles';
import { isRecord } from '../../../server/src/documents/plainValues';
import { yamlFiles } from '../corpusFiles';
import { seededRandom } from '../seededMutations';

const corpus = resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-validator-cache-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function withCache(dir: string | undefined): KubernetesSchemas {
  const schemas = new KubernetesSchemas();
  schemas.useValidatorCache(dir);
  return schemas;
}

const DEPLOYMENT = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', bogus: 1 },
  spec: {
    replicas: 'three',
    selector: { matchLabels: { app: 'web' } },
    template: { spec: { containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'Sometimes', resources: { limits: { cpu: '1x' } }, ports: [{ containerPort: 99999999999 }] }] } },
  },
};

/** What validation reads of ajv's errors, with the schema objects compared by content. */
function errorsOf(validate: ValidateFunction, value: unknown): unknown[] {
  validate(value);
  return (validate.errors ?? []).map((e: ErrorObject) => ({ ...e, parentSchema: JSON.stringify(e.parentSchema), schema: JSON.stringify(e.schema) }));
}

test('a validator stored by one process is loaded by the next and reports exactly the same errors', () => {
  const dir = tempDir();
  const first = withCache(dir);
  const compiled = first.forVersion('1.30').validator('apps/v1', 'Deployment')!;
  assert.deepEqual(first.cache!.stats, { hits: 0, misses: 1, stored: 1 });
  assert.equal(readdirSync(join(dir)).filter((n) => n.startsWith('k8s-1.30-apps_v1-Deployment.')).length, 1);

  const second = withCache(dir);
  const loaded = second.forVersion('1.30').validator('apps/v1', 'Deployment')!;
  assert.deepEqual(second.cache!.stats, { hits: 1, misses: 0, stored: 0 });
  assert.notEqual(loaded, compiled);
  const errors = errorsOf(loaded, DEPLOYMENT);
  assert.equal(errors.length, 7, 'unknown field, type, enum, two formats and the quantity oneOf');
  assert.deepEqual(errors, errorsOf(compiled, DEPLOYMENT));
  assert.equal(second.compiledValidators(), 1);
});

test('another Kubernetes version or kind is a different entry', () => {
  const dir = tempDir();
  const schemas = withCache(dir);
  schemas.forVersion('1.30').validator('v1', 'ConfigMap');
  schemas.forVersion('1.35').validator('v1', 'ConfigMap');
  schemas.forVersion('1.35').validator('v1', 'Service');
  assert.deepEqual(readdirSync(dir).map((n) => n.replace(/\.[0-9a-f]{16}\.js$/, '')).sort(), ['k8s-1.30-v1-ConfigMap', 'k8s-1.35-v1-ConfigMap', 'k8s-1.35-v1-Service']);
});

// Every Kubernetes object of the corpus, as found and with seeded wrong types, unknown and
// missing fields: the loaded code must agree with the compiler error for error.
test('over the corpus and thousands of broken variants, loaded validators agree with compiled ones', () => {
  const objects: Array<Record<string, unknown>> = [];
  for (const file of yamlFiles(join(corpus, 'k8s'))) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const value = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
      if (isRecord(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string') objects.push(value);
    }
  }
  assert.ok(objects.length > 300, `${objects.length} corpus objects`);
  const dir = tempDir();
  const compiler = withCache(dir).forVersion('1.30');
  const compiled = objects.map((o) => compiler.validator(o.apiVersion as string, o.kind as string));
  const loader = withCache(dir);
  const loaded = objects.map((o) => loader.forVersion('1.30').validator(o.apiVersion as string, o.kind as string));
  assert.equal(loader.compiledValidators(), new Set(compiled.filter(Boolean)).size);
  assert.equal(loader.cache!.stats.misses, 0, 'every kind came from the cache');

  const random = seededRandom(7);
  let compared = 0;
  let withErrors = 0;
  objects.forEach((object, i) => {
    if (!compiled[i]) return;
    for (const variant of [object, ...Array.from({ length: 8 }, () => broken(object, random))]) {
      const expected = errorsOf(compiled[i]!, variant);
      assert.deepEqual(errorsOf(loaded[i]!, variant), expected, `${object.kind} ${JSON.stringify(variant).slice(0, 200)}`);
      compared++;
      if (expected.length) withErrors++;
    }
  });
  assert.ok(compared > 2500 && withErrors > 2000, `${compared} objects compared, ${withErrors} with errors`);
});

const WRONG_VALUES: unknown[] = ['three', 99999999999, -1, 1.5, true, null, {}, [], [1], { bogus: 1 }, 'Sometimes', '1x'];

/** A copy of `object` with one to three random edits: a wrong value, an unknown key, or a key removed. */
function broken(object: Record<string, unknown>, random: (n: number) => number): unknown {
  const copy = structuredClone(object);
  for (let m = 0; m <= random(3); m++) {
    let node: unknown = copy;
    for (let depth = 0; depth < 1 + random(8); depth++) {
      const keys = isRecord(node) ? Object.keys(node) : Array.isArray(node) ? node.map((_, i) => i) : [];
      const next = keys.length && (node as Record<string | number, unknown>)[keys[random(keys.length)]!];
      if (!isRecord(next) && !Array.isArray(next)) break;
      node = next;
    }
    const container = node as Record<string | number, unknown>;
    const keys = Object.keys(container);
    const action = random(4);
    const wrong = () => structuredClone(WRONG_VALUES[random(WRONG_VALUES.length)]);
    if (action === 0 || keys.length === 0) container[Array.isArray(container) ? 0 : `bogus${random(3)}`] = wrong();
    else if (action === 1) delete container[keys[random(keys.length)]!];
    else container[keys[random(keys.length)]!] = wrong();
  }
  return copy;
}

test('a truncated, corrupt or foreign entry is a miss: the validator is compiled again and the entry replaced', () => {
  const dir = tempDir();
  withCache(dir).forVersion('1.30').validator('v1', 'Service');
  const [name] = readdirSync(dir);
  const path = join(dir, name!);
  const whole = readFileSync(path, 'utf8');
  const damaged = [
    whole.slice(0, whole.length / 2), // the tail lost
    whole.replace('module.exports', 'module.exports = ;'), // not JavaScript
    whole.replace(/require\("[^"]+"\)/, 'require("left-pad")'), // needs a module the bundle lacks
    whole.replace(/^\/\/ [0-9a-f]+/, `// ${'0'.repeat(64)}`), // another key under this name
    '',
  ];
  for (const text of damaged) {
    writeFileSync(path, text);
    const schemas = withCache(dir);
    const validate = schemas.forVersion('1.30').validator('v1', 'Service')!;
    assert.equal(validate({ apiVersion: 'v1', kind: 'Service', spec: { type: 'ClusterIp' } }), false, 'the compiled replacement validates');
    assert.equal(schemas.cache!.stats.hits, 0);
    assert.equal(readFileSync(path, 'utf8'), whole, 'the entry is written again, whole');
  }
});

test('an entry of a changed schema is not loaded: stale entries of the same kind are removed', () => {
  const dir = tempDir();
  const stale = join(dir, 'k8s-1.30-v1-Service.0123456789abcdef.js');
  const otherKind = join(dir, 'k8s-1.30-v1-ServiceAccount.0123456789abcdef.js');
  writeFileSync(stale, '// 0123456789abcdef\nmodule.exports = () => true;\n// end 0123456789abcdef\n');
  writeFileSync(otherKind, 'kept');
  const schemas = withCache(dir);
  const validate = schemas.forVersion('1.30').validator('v1', 'Service')!;
  assert.equal(validate({ apiVersion: 'v1', kind: 'Service', spec: { type: 'ClusterIp' } }), false);
  const names = readdirSync(dir).sort();
  assert.equal(names.length, 2);
  assert.ok(!names.includes('k8s-1.30-v1-Service.0123456789abcdef.js'));
  assert.ok(names.includes('k8s-1.30-v1-ServiceAccount.0123456789abcdef.js'), 'a kind whose name starts the same is left alone');
});

test('a cache folder that cannot be written is no error: validators are compiled, storing stops', () => {
  const file = join(tempDir(), 'not-a-folder');
  writeFileSync(file, 'x');
  const schemas = withCache(join(file, 'validators'));
  const version: KubernetesVersionSchemas = schemas.forVersion('1.30');
  assert.equal(version.validator('v1', 'ConfigMap')!({ apiVersion: 'v1', kind: 'ConfigMap', data: { a: 1 } }), false);
  assert.equal(version.validator('v1', 'Secret')!({ apiVersion: 'v1', kind: 'Secret', stringData: { a: 'b' } }), true);
  assert.deepEqual(schemas.cache!.stats, { hits: 0, misses: 2, stored: 0 });
});

test('validatorsReady: false for a fresh process with an empty cache, true once compiled or cached', () => {
  const dir = tempDir();
  const fresh = withCache(dir);
  assert.equal(fresh.validatorsReady(), false);
  fresh.forVersion('1.30').validator('v1', 'ConfigMap');
  assert.equal(fresh.validatorsReady(), true, 'compiled in this process');
  assert.equal(withCache(dir).validatorsReady(), true, 'left in the cache by the process before');
  assert.equal(withCache(undefined).validatorsReady(), false, 'no cache, nothing compiled');
});

test('the key covers every part it is given, in order', () => {
  const key = validatorKey(['options', 'a', '{}']);
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.equal(validatorKey(['options', 'a', '{}']), key);
  assert.notEqual(validatorKey(['options', 'a', '{"type":"string"}']), key);
  assert.notEqual(validatorKey(['options', '{}', 'a']), key);
  assert.notEqual(validatorKey(['optionsa', '{}']), validatorKey(['options', 'a{}']), 'parts are delimited');
});

test('the cache folder: SHIPSHAPE_CACHE_DIR when set, empty turns it off, else the user cache folder', () => {
  assert.equal(defaultValidatorCacheDir({ SHIPSHAPE_CACHE_DIR: '/var/cache/ci' }), join('/var/cache/ci', 'validators'));
  assert.equal(defaultValidatorCacheDir({ SHIPSHAPE_CACHE_DIR: '' }), undefined);
  assert.equal(defaultValidatorCacheDir({ SHIPSHAPE_CACHE_DIR: '  ' }), undefined);
  const fallback = defaultValidatorCacheDir({});
  assert.ok(fallback && /shipshape/.test(fallback) && fallback.endsWith('validators'), fallback);
});

test('a cache used directly: load of a missing entry is a miss', () => {
  const cache = new ValidatorCache(tempDir());
  assert.equal(cache.load('k8s-1.30-v1-Pod', validatorKey(['x'])), undefined);
  assert.deepEqual(cache.stats, { hits: 0, misses: 1, stored: 0 });
});

test('the Compose validator is cached too: over the Compose corpus and broken variants, loaded code agrees with the compiler', () => {
  const values: Array<Record<string, unknown>> = [];
  for (const file of yamlFiles(join(corpus, 'compose'))) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { merge: true })) {
      const value = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
      if (isRecord(value) && isRecord(value.services)) values.push(value);
    }
  }
  assert.ok(values.length > 40, `${values.length} Compose files`);
  const dir = tempDir();
  const schemasDir = findSchemasDir();
  const compiled = compileComposeValidator(schemasDir).validate;
  const storing = new ValidatorCache(dir);
  compileComposeValidator(schemasDir, storing);
  assert.deepEqual(storing.stats, { hits: 0, misses: 1, stored: 1 });
  const loading = new ValidatorCache(dir);
  const loaded = compileComposeValidator(schemasDir, loading);
  assert.deepEqual(loading.stats, { hits: 1, misses: 0, stored: 0 });

  const random = seededRandom(11);
  let withErrors = 0;
  for (const value of values) {
    for (const variant of [value, ...Array.from({ length: 10 }, () => broken(value, random))]) {
      const expected = errorsOf(compiled, variant);
      assert.deepEqual(errorsOf(loaded.validate, variant), expected, JSON.stringify(variant).slice(0, 200));
      if (expected.length) withErrors++;
    }
  }
  assert.ok(withErrors > 300, `${withErrors} variants with errors`);
});
