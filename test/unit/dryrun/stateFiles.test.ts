import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseKubeState, serializeKubeState } from '../../../server/src/dryrun/state/kubeState';
import { backUp, environmentFiles, invalidEnvironmentName, listEnvironments, readStateText, writeAtomic } from '../../../server/src/dryrun/state/stateStore';
import { parseSelectorText, selectorTextMatches } from '../../../server/src/dryrun/k8s/labelSelectorText';
import { yaml } from '../helpers';

const KUBECTL_LIST = yaml`
  apiVersion: v1
  items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: shop
    spec:
      replicas: 3
  - apiVersion: v1
    kind: Namespace
    metadata:
      name: shop
  kind: List
  metadata:
    resourceVersion: ""
`;

describe('state file format (kubectl get -o yaml)', () => {
  test('a kubectl List is read item by item', () => {
    const read = parseKubeState(KUBECTL_LIST);
    assert.ok('objects' in read);
    assert.deepEqual(read.objects.map((o) => `${o.kind}/${(o.metadata as { name: string }).name}`), ['Deployment/web', 'Namespace/shop']);
  });

  test('a --- stream and nested *List kinds are read too; an empty file is an empty cluster', () => {
    const read = parseKubeState('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ServiceList\nitems:\n- {apiVersion: v1, kind: Service, metadata: {name: b}}\n');
    assert.ok('objects' in read);
    assert.deepEqual(read.objects.map((o) => o.kind), ['ConfigMap', 'Service']);
    assert.deepEqual(parseKubeState(''), { objects: [] });
  });

  for (const [name, text, message] of [
    ['broken YAML', 'items: [\n', /YAML error in document 1/],
    ['a scalar', 'hello\n', /document 1 is not a mapping/],
    ['an object without kind', 'apiVersion: v1\nmetadata: {name: x}\n', /has no apiVersion or kind/],
    ['an item without a name', 'kind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {}}\n', /item 1 \(ConfigMap\) has no metadata.name/],
  ] as const) {
    test(`${name} is reported, not thrown`, () => {
      const read = parseKubeState(text);
      assert.ok('error' in read, JSON.stringify(read));
      assert.match(read.error, message);
    });
  }

  test('serialising sorts namespaces first and is stable, and reads back the same objects', () => {
    const read = parseKubeState(KUBECTL_LIST);
    assert.ok('objects' in read);
    const text = serializeKubeState(read.objects);
    assert.equal(serializeKubeState([...read.objects].reverse()), text);
    assert.match(text, /^apiVersion: v1\nitems:\n {2}- apiVersion: v1\n {4}kind: Namespace/);
    const again = parseKubeState(text);
    assert.ok('objects' in again);
    assert.deepEqual(again.objects.map((o) => o.kind), ['Namespace', 'Deployment']);
  });
});

describe('state store', () => {
  test('environments are listed from the files, the default always; writes are atomic and backups never overwrite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-state-'));
    try {
      assert.deepEqual(listEnvironments(join(dir, 'missing')), ['default']);
      const staging = environmentFiles(dir, 'staging');
      writeAtomic(staging.kube, 'kind: List\nitems: []\n');
      writeAtomic(staging.compose, 'projects: []\n');
      writeFileSync(join(dir, 'notes.txt'), 'x');
      assert.deepEqual(listEnvironments(dir), ['default', 'staging']);
      assert.deepEqual(readStateText(staging.kube), { text: 'kind: List\nitems: []\n' });
      assert.deepEqual(readStateText(join(dir, 'nope.yaml')), {});
      assert.equal(readdirSync(dir).filter((f) => f.endsWith('.tmp')).length, 0);

      assert.equal(backUp(staging.kube), `${staging.kube}.bak`);
      writeAtomic(staging.kube, 'second');
      assert.equal(backUp(staging.kube), `${staging.kube}.bak.1`);
      assert.equal(readFileSync(`${staging.kube}.bak`, 'utf8'), 'kind: List\nitems: []\n');
      assert.equal(readFileSync(`${staging.kube}.bak.1`, 'utf8'), 'second');
      assert.equal(backUp(staging.kube), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('environment names that would escape the folder or clash with Compose files are refused', () => {
    for (const bad of ['../x', 'a/b', '', '.hidden', 'x.compose', 'a..b']) assert.ok(invalidEnvironmentName(bad), bad);
    for (const good of ['default', 'staging-eu', 'prod.v2', 'k8s_1']) assert.equal(invalidEnvironmentName(good), undefined, good);
  });
});

describe('-l label selectors', () => {
  const cases: Array<[string, Record<string, string>, boolean]> = [
    ['app=web', { app: 'web' }, true],
    ['app==web', { app: 'api' }, false],
    ['app!=web', {}, true],
    ['app=web,tier=front', { app: 'web' }, false],
    ['env in (prod, staging)', { env: 'staging' }, true],
    ['env notin (prod)', { env: 'prod' }, false],
    ['managed', { managed: '' }, true],
    ['!legacy', { legacy: 'yes' }, false],
  ];
  for (const [selector, labels, expected] of cases) {
    test(`${selector} on ${JSON.stringify(labels)} → ${expected}`, () => {
      const parsed = parseSelectorText(selector);
      assert.ok('requirements' in parsed, JSON.stringify(parsed));
      assert.equal(selectorTextMatches(parsed.requirements, labels), expected);
    });
  }
  test('invalid selectors say why', () => {
    for (const text of ['app=we b', '-x=1', 'app=-bad', 'env in (a']) {
      const parsed = parseSelectorText(text);
      assert.ok('error' in parsed, text);
      assert.match(parsed.error, /\S/);
    }
  });
});
