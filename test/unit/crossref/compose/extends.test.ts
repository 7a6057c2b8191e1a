import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkOne, lines } from './crossrefHelpers';

test('extends-target-missing: a base service missing from the same file, with did-you-mean', () => {
  const found = checkOne(lines('services:', '  web:', '    extends: bse', '  base:', '    image: nginx'));
  assert.deepEqual(found, [
    {
      code: 'extends-target-missing', severity: 'error', line: 2, text: 'bse',
      message: 'cannot extend service "web": service "bse" not found in this file; did you mean "base"?',
      related: [{ file: 'compose.yaml', text: 'base', message: 'service "base" is declared here' }],
    },
  ]);
});

test('extends-target-missing: a base service missing from the extended file', () => {
  const found = check({
    'compose.yaml': lines('services:', '  web:', '    extends:', '      file: common.yml', '      service: webapp'),
    'common.yml': lines('services:', '  web-app:', '    image: nginx'),
  });
  assert.deepEqual(found, [
    {
      code: 'extends-target-missing', severity: 'error', line: 4, text: 'webapp',
      message: 'cannot extend service "web": service "webapp" not found in "common.yml"; did you mean "web-app"?',
      related: [{ file: 'common.yml', text: 'web-app', message: 'service "web-app" is declared here' }],
    },
  ]);
});

test('extends-target-missing: the extended file does not exist', () => {
  const found = checkOne(lines('services:', '  web:', '    extends:', '      file: ./common.yml', '      service: webapp'));
  assert.deepEqual(found.map((f) => [f.code, f.text, f.message]), [['extends-target-missing', './common.yml', 'cannot extend service "web": file "./common.yml" not found']]);
});

test('extends-target-missing: services extending each other in a circle', () => {
  const found = checkOne(lines('services:', '  a:', '    image: x', '    extends: b', '  b:', '    extends: a'));
  assert.deepEqual(found.map((f) => [f.code, f.text, f.message]), [['extends-target-missing', 'extends', 'circular reference with extends: b -> a -> b']]);
});

test('extends: a base in the same file or in another file is fine, and its settings count', () => {
  const found = check({
    'compose.yaml': lines(
      'services:',
      '  web:',
      '    extends: {file: common.yml, service: webapp}',
      '    depends_on:',
      '      db: {condition: service_healthy}',
      '  db:',
      '    extends: base-db',
      '  base-db:',
      '    image: postgres',
      '    healthcheck: {test: ["CMD", "pg_isready"]}',
    ),
    'common.yml': lines('services:', '  webapp:', '    image: nginx'),
  });
  assert.deepEqual(found, []);
});

test('extends-dangling-resources: a network the extended service uses is not declared here', () => {
  const found = check({
    'compose.yaml': lines('services:', '  web:', '    extends:', '      file: common.yml', '      service: webapp'),
    'common.yml': lines('services:', '  webapp:', '    image: nginx', '    networks: [backend]', 'networks:', '  backend: {}'),
  });
  assert.deepEqual(found, [
    {
      code: 'extends-dangling-resources', severity: 'warning', line: 2, text: 'extends',
      message: 'service "web" extends "webapp" from common.yml, which uses network "backend": it is not declared in this project (Compose does not import the resources of an extended service)',
      related: [{ file: 'common.yml', text: 'backend', message: 'service "web" refers to undefined network "backend"' }],
    },
  ]);
});

test('extends-dangling-resources: declaring the resource in the extending project satisfies it', () => {
  const found = check({
    'compose.yaml': lines('services:', '  web:', '    extends: {file: common.yml, service: webapp}', '  db:', '    image: postgres', 'networks:', '  backend: {}'),
    'common.yml': lines('services:', '  webapp:', '    image: nginx', '    networks: [backend]', '    depends_on: [db]'),
  });
  assert.deepEqual(found, []);
});

test('extends in the same file: the base\'s undefined reference is reported once, for the base', () => {
  const found = checkOne(lines('services:', '  base:', '    image: nginx', '    networks: [front]', '  web:', '    extends: base'));
  assert.deepEqual(found.map((f) => [f.code, f.text, f.message]), [['network-undefined', 'front', 'service "base" refers to undefined network "front"']]);
});

test('extends: !reset in the extending service removes the base\'s dependency', () => {
  const found = check({
    'compose.yaml': lines('services:', '  web:', '    extends: {file: common.yml, service: webapp}', '    depends_on: !reset []'),
    'common.yml': lines('services:', '  webapp:', '    image: nginx', '    depends_on: [db]', '  db:', '    image: postgres'),
  });
  assert.deepEqual(found, []);
});
