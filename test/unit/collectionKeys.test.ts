import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedChunk, parseFileWith, parseManifestFile, type ManifestFile } from '../../server/src/documents/manifestFile';
import { complete } from '../../server/src/completion/complete';
import { SchemaNavigator } from '../../server/src/schema/schemaNavigator';
import { checkKubernetes, describe, schemas, warningsDuring, yaml } from './helpers';

// Valid YAML that Kubernetes and Compose refuse: their documents are JSON objects, keyed by strings.
const configMap = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings
  data:
    ? [a, b]
    : joined
    plain: value
`;

const collectionKeys = (file: ManifestFile) => file.diagnostics.filter((d) => d.code === 'collection-key').map((d) => describe(file, d));

test('a list used as a key in a Kubernetes document is an error on that key, and the rest is still validated', () => {
  const found = checkKubernetes(configMap + 'extra: 1\n');
  const keys = found.filter((f) => f.code === 'collection-key');
  assert.equal(keys.length, 1);
  assert.equal(keys[0]!.text, '[a, b]');
  assert.equal(keys[0]!.line, 5);
  assert.equal(keys[0]!.severity, 1);
  assert.match(keys[0]!.message, /key is a list/);
  assert.ok(found.some((f) => f.code === 'unknown-field' && f.text === 'extra'), JSON.stringify(found));
});

test('a map used as a key in a flow mapping is reported as a map', () => {
  const file = parseManifestFile('file:///ws/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata: {{x: 1}: y}\n');
  const keys = collectionKeys(file);
  assert.deepEqual(keys.map((k) => [k.text, k.line]), [['{x: 1}', 3]]);
  assert.match(keys[0]!.message, /key is a map/);
});

test('Compose files get the same finding', () => {
  const file = parseManifestFile('file:///ws/compose.yaml', 'services:\n  web:\n    image: nginx\n    labels:\n      ? [tier, web]\n      : front\n');
  assert.equal(file.flavor, 'compose');
  assert.deepEqual(collectionKeys(file).map((k) => k.text), ['[tier, web]']);
});

test('other YAML may use collection keys: no finding there', () => {
  const file = parseManifestFile('file:///ws/matrix.yaml', 'matrix:\n  ? [linux, x64]\n  : fast\n');
  assert.equal(file.docs[0]!.flavor, 'other');
  assert.deepEqual(collectionKeys(file), []);
});

test('the finding is the same whichever way the file is parsed (syntax tree, position tables, from the worker)', () => {
  const text = `apiVersion: v1\nkind: Namespace\nmetadata: {name: first}\n---\n${configMap}`;
  const results = [ParsedChunk.parse, ParsedChunk.parseLean, ParsedChunk.parseAsInWorker].map((parse) => collectionKeys(parseFileWith('file:///ws/two.yaml', text, parse)));
  assert.equal(results[0]!.length, 1);
  assert.deepEqual(results[1], results[0]);
  assert.deepEqual(results[2], results[0]);
});

test('completion in a document with a collection key prints no warning (stderr is the editor\'s output channel)', () => {
  const version = schemas.forVersion('1.35');
  const text = configMap + '  pl';
  const warnings = warningsDuring(() => assert.ok(Array.isArray(complete({ text, offset: text.length, navigator: new SchemaNavigator(version), version }).items)));
  assert.deepEqual(warnings, []);
});
