import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { validateComposeDocument } from '../../../server/src/validation/compose/composeValidation';
import { checkCompose, lines } from './composeHelpers';

const TOP_LEVEL = 'A Compose file must be a mapping of top-level keys (services, networks, volumes, …), got';

test('a scalar document', () => {
  assert.deepEqual(checkCompose('42\n'), [
    { code: 'invalid-type', severity: 'error', message: `${TOP_LEVEL} number 42`, range: [0, 0, 0, 2], text: '42' },
  ]);
  assert.equal(checkCompose('hello\n')[0]!.message, `${TOP_LEVEL} string "hello"`);
});

test('a list document: reported on its first line only', () => {
  assert.deepEqual(checkCompose(lines('- web', '- db')), [
    { code: 'invalid-type', severity: 'error', message: `${TOP_LEVEL} a list`, range: [0, 0, 0, 5], text: '- web' },
  ]);
});

test('an empty document after ---: a warning, since Compose refuses an empty project', () => {
  const found = checkCompose('---\n# nothing yet\n');
  assert.deepEqual(found.map((f) => [f.code, f.severity, f.message, f.text]), [
    ['empty-compose-file', 'warning', 'Empty Compose file: Compose expects top-level keys such as "services:"', '---'],
  ]);
  assert.deepEqual(checkCompose('!reset\n').map((f) => [f.code, f.range]), [['empty-compose-file', [0, 0, 0, 6]]]);
});

test('an empty or comment-only file has no documents and no findings', () => {
  assert.deepEqual(checkCompose(''), []);
  assert.deepEqual(checkCompose('# just a comment\n'), []);
});

test('services: null', () => {
  assert.deepEqual(checkCompose('services: null\n'), [
    { code: 'invalid-type', severity: 'error', message: 'services: expected a mapping, got null', range: [0, 10, 0, 14], text: 'null' },
  ]);
});

test('services: with nothing after it: on the key, not an empty range', () => {
  assert.deepEqual(checkCompose('services:\n'), [
    { code: 'invalid-type', severity: 'error', message: 'services: expected a mapping, got null', range: [0, 0, 0, 8], text: 'services' },
  ]);
});

test('a service that is a string', () => {
  assert.deepEqual(checkCompose(lines('services:', '  web: nginx')), [
    { code: 'invalid-type', severity: 'error', message: 'services.web: expected a mapping, got string "nginx"', range: [1, 7, 1, 12], text: 'nginx' },
  ]);
});

test('a service with no body', () => {
  assert.deepEqual(checkCompose(lines('services:', '  web:')), [
    { code: 'invalid-type', severity: 'error', message: 'services.web: expected a mapping, got null', range: [1, 2, 1, 5], text: 'web' },
  ]);
});

test('services as a list', () => {
  const found = checkCompose(lines('services:', '  - web', '  - db'));
  assert.deepEqual(found.map((f) => [f.message, f.text]), [['services: expected a mapping, got a list', 'services']]);
});

test('odd keys and values: numbers as keys, __proto__, nested nulls', () => {
  const text = lines('services:', '  1:', '    image: 2', '  __proto__:', '    image: nginx', '  web:', '    environment:', '      A: null', '    ports: [null]');
  const found = checkCompose(text);
  assert.ok(found.every((f) => f.code !== 'internal-error'), JSON.stringify(found));
  assert.deepEqual(found.map((f) => [f.message, f.text]), [
    ['services[1].image: expected string, got integer 2', '2'],
    ['services.web.ports[0]: expected number, string or a mapping, got null', 'null'],
  ]);
});

test('broken YAML: syntax errors come from the parser, validation still does not throw', () => {
  const found = checkCompose(lines('services:', '  web:', '    image: [nginx', '    ports: "80'));
  assert.ok(found.length > 0);
  assert.ok(found.every((f) => f.code !== 'internal-error'), JSON.stringify(found));
});

test('duplicate keys and deep nesting do not throw', () => {
  const deep = `services:\n  web:\n    x-deep: ${'['.repeat(300)}${']'.repeat(300)}\n`;
  assert.doesNotThrow(() => checkCompose(deep));
  assert.doesNotThrow(() => checkCompose(lines('services:', '  web: {image: a}', '  web: {image: b}')));
});

test('a document whose value could not be converted is skipped without findings of its own', () => {
  // An alias bomb: the document cannot be converted within the alias limit, so its value is undefined.
  const levels = ['x-0: &a0 [z, z, z, z, z, z, z, z, z]'];
  for (let i = 1; i < 9; i++) levels.push(`x-${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  const file = parseManifestFile('file:///p/compose.yaml', lines(...levels, 'services:', '  web: {image: a}'));
  const doc = file.docs[0]!;
  assert.equal(doc.value, undefined);
  assert.deepEqual(validateComposeDocument(file, doc), []);
});

test('random shapes never throw', () => {
  const shapes = ['[]', '{}', 'null', '~', '"$"', '${', 'services: {web: []}', 'services: {web: {ports: {a: 1}}}', 'volumes: [a]', 'services: {web: {deploy: 3}}', '!reset', 'services: !reset', 'services: {web: !override}'];
  for (const shape of shapes) {
    const found = checkCompose(`${shape}\n`);
    assert.ok(found.every((f) => f.code !== 'internal-error'), `${shape}: ${JSON.stringify(found)}`);
  }
});
