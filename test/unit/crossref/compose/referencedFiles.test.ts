import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkOne, lines } from './crossrefHelpers';

test('referenced-file-missing: env_file and label_file are Errors, build context and Dockerfile Warnings', () => {
  const found = checkOne(lines(
    'services:',
    '  web:',
    '    build:',
    '      context: ./web',
    '    env_file: [.env, {path: ./optional.env, required: false}, {path: ./must.env}]',
    '    label_file: ./labels',
    '  api:',
    '    build: {context: ./api, dockerfile: Dockerfile.dev}',
  ), ['api/Dockerfile']);
  assert.deepEqual(found.map((f) => [f.severity, f.text, f.message]), [
    ['warning', './web', 'build context "./web" does not exist'],
    ['error', '.env', 'env_file ".env" does not exist'],
    ['error', './must.env', 'env_file "./must.env" does not exist'],
    ['error', './labels', 'label_file "./labels" does not exist'],
    ['warning', 'Dockerfile.dev', 'Dockerfile "Dockerfile.dev" does not exist'],
  ]);
  assert.ok(found.every((f) => f.code === 'referenced-file-missing'));
});

test('referenced-file-missing: existing paths, remote contexts, inline Dockerfiles and home paths are fine', () => {
  const found = checkOne(lines(
    'services:',
    '  web:',
    '    build: ./web',
    '    env_file: .env',
    '  api:',
    '    build: {context: "https://github.com/docker/app.git#main", dockerfile: x}',
    '  inline:',
    '    build: {context: ., dockerfile_inline: "FROM alpine"}',
    '  home:',
    '    image: x',
    '    env_file: ~/secrets.env',
    '  dflt:',
    '    build: {dockerfile: web/Dockerfile}',
  ), ['web/Dockerfile', '.env']);
  assert.deepEqual(found, []);
});

test('referenced-file-missing: secret and config files, relative to the project folder', () => {
  const files = {
    'compose.yaml': lines('services:', '  web:', '    image: x', '    secrets: [a, b]', '    configs: [c]', 'secrets:', '  a: {file: ./a.txt}', '  b: {file: ./b.txt}', 'configs:', '  c: {file: conf/c.conf}'),
    'a.txt': 'x',
  };
  assert.deepEqual(check(files).map((f) => [f.severity, f.text, f.message]), [
    ['warning', './b.txt', 'secret file "./b.txt" does not exist'],
    ['warning', 'conf/c.conf', 'config file "conf/c.conf" does not exist'],
  ]);
});

test('referenced-file-missing: in an override file, paths resolve against the standard file\'s folder', () => {
  const files = {
    'compose.yaml': lines('services:', '  web:', '    image: x'),
    'compose.override.yaml': lines('services:', '  web:', '    env_file: [dev.env, missing.env]'),
    'dev.env': 'A=1',
  };
  assert.deepEqual(check(files, 'compose.override.yaml').map((f) => f.text), ['missing.env']);
});
