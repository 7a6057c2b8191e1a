import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, offered } from './fixHelpers';

/** A Pod whose one container has these extra lines (written at the container's indentation). */
const pod = (...container: string[]) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', ...container.map((l) => `      ${l}`), ''].join('\n');

test('unknown-field: the closest field is the preferred fix; the rename keeps the value and comments', () => {
  checkFix({
    files: { 'pod.yaml': pod('imgae: nginx:1.27 # pinned') },
    code: 'unknown-field',
    at: 'imgae',
    expected: pod('image: nginx:1.27 # pinned'),
  });
});

test('unknown-field: candidates ranked by edit distance, the best preferred, removal last', () => {
  assert.deepEqual(offered({ 'pod.yaml': pod('image: x', 'port: 80') }, 'unknown-field', 'port'), [
    '*Change "port" to "ports"',
    'Remove unknown field "port"',
  ]);
  // "stdin" is two edits away, "tty" also two but sorts after it alphabetically.
  assert.deepEqual(offered({ 'pod.yaml': pod('image: x', 'std: true') }, 'unknown-field', 'std'), [
    '*Change "std" to "stdin"',
    'Change "std" to "tty"',
    'Remove unknown field "std"',
  ]);
});

test('unknown-field: fields too far away are not offered, only removal', () => {
  assert.deepEqual(offered({ 'pod.yaml': pod('image: x', 'flavour: vanilla') }, 'unknown-field', 'flavour'), ['Remove unknown field "flavour"']);
});

test('unknown-field: a field the map already has is not offered (renaming onto it would duplicate a key)', () => {
  const titles = offered({ 'pod.yaml': pod('image: x', 'imag: y') }, 'unknown-field', 'imag');
  assert.deepEqual(titles, ['Remove unknown field "imag"']);
});

test('unknown-field: a quoted key stays quoted', () => {
  checkFix({
    files: { 'pod.yaml': pod('image: x', '"imagePullPolcy": Always') },
    code: 'unknown-field',
    at: '"imagePullPolcy"',
    expected: pod('image: x', '"imagePullPolicy": Always'),
  });
});

test('unknown-field: removal takes the whole entry, nested lines included', () => {
  checkFix({
    files: { 'pod.yaml': pod('image: x', 'extra:', '  a: 1', '  b: 2', 'tty: true') },
    code: 'unknown-field',
    at: 'extra',
    title: 'Remove unknown field "extra"',
    expected: pod('image: x', 'tty: true'),
  });
});

test('unknown-field: the first entry of a list item is removed up to the next one', () => {
  const text = (first: string) => ['apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec:', '  containers:', `    - ${first}name: app`, '      image: x', ''].join('\n');
  checkFix({
    files: { 'pod.yaml': text('nme: a\n      ') },
    code: 'unknown-field',
    at: 'nme',
    title: 'Remove unknown field "nme"',
    expected: text(''),
  });
});

test('unknown-field: items of a kind: List are fixed in place', () => {
  const list = (field: string) =>
    ['apiVersion: v1', 'kind: List', 'items:', '  - apiVersion: v1', '    kind: ConfigMap', '    metadata: {name: a}', `    ${field}: {k: v}`, ''].join('\n');
  checkFix({ files: { 'list.yaml': list('dta') }, code: 'unknown-field', at: 'dta', expected: list('data') });
});

test('unknown-field in a flow mapping: the key is renamed inline', () => {
  const text = (field: string) => ['apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', `spec: {containers: [{name: app, ${field}: x}]}`, ''].join('\n');
  checkFix({ files: { 'pod.yaml': text('imgae') }, code: 'unknown-field', at: 'imgae', expected: text('image') });
});

test('unknown-field in a flow mapping: removal takes the entry and one comma', () => {
  const text = (entries: string) => ['apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', `spec: {containers: [{${entries}}]}`, ''].join('\n');
  checkFix({ files: { 'pod.yaml': text('name: app, bogus: 1, image: x') }, code: 'unknown-field', at: 'bogus', title: 'Remove unknown field "bogus"', expected: text('name: app, image: x') });
  checkFix({ files: { 'pod.yaml': text('name: app, image: x, bogus: 1') }, code: 'unknown-field', at: 'bogus', title: 'Remove unknown field "bogus"', expected: text('name: app, image: x') });
});

test('unknown-field in a Compose service: the closest service attribute', () => {
  const compose = (field: string) => ['services:', '  web:', '    image: nginx', `    ${field}: ["80:80"]`, ''].join('\n');
  checkFix({ files: { 'compose.yaml': compose('prots') }, code: 'unknown-field', at: 'prots', expected: compose('ports') });
});

test('unknown-field: a CRLF file keeps its line breaks', () => {
  const text = (field: string) => pod('image: x', `${field}: true`).replace(/\n/g, '\r\n');
  checkFix({ files: { 'pod.yaml': text('sdtin') }, code: 'unknown-field', at: 'sdtin', expected: text('stdin') });
});
