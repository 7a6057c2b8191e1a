import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkOne, dependencies, lines } from './crossrefHelpers';

const base = lines('services:', '  web:', '    image: nginx', '    depends_on: [cache]', '    ports: ["8080:80"]');
const override = lines('services:', '  cache:', '    image: redis', '  worker:', '    image: x', '    depends_on: [web]');

test('override pair: the base file sees services of compose.override.yaml', () => {
  assert.deepEqual(check({ 'compose.yaml': base, 'compose.override.yaml': override }), []);
});

test('override pair: a service of the override file may depend on one of the base file', () => {
  assert.deepEqual(check({ 'compose.yaml': base, 'compose.override.yaml': override }, 'compose.override.yaml'), []);
});

test('override pair: docker-compose.yml with docker-compose.override.yml, findings stay in their own file', () => {
  const files = {
    'docker-compose.yml': lines('services:', '  web:', '    image: nginx', '    networks: [front]'),
    'docker-compose.override.yml': lines('services:', '  web:', '    depends_on: [ghost]'),
  };
  assert.deepEqual(check(files, 'docker-compose.yml').map((f) => [f.code, f.text]), [['network-undefined', 'front']]);
  assert.deepEqual(check(files, 'docker-compose.override.yml').map((f) => [f.code, f.text]), [['depends-on-undefined', 'ghost']]);
});

test('override pair: did-you-mean points into the other file of the project', () => {
  const files = { 'compose.yaml': lines('services:', '  postgres:', '    image: postgres'), 'compose.override.yaml': lines('services:', '  web:', '    image: x', '    depends_on: [postgre]') };
  assert.deepEqual(check(files, 'compose.override.yaml'), [
    {
      code: 'depends-on-undefined', severity: 'error', line: 3, text: 'postgre',
      message: 'service "web" depends on undefined service "postgre"; did you mean "postgres"?',
      related: [{ file: 'compose.yaml', text: 'postgres', message: 'service "postgres" is declared here' }],
    },
  ]);
});

test('documents of one file are merged in order, and findings land in their own document', () => {
  const found = checkOne(lines('services:', '  db:', '    image: postgres', '---', 'services:', '  web:', '    image: x', '    depends_on: [db, cache]'));
  assert.deepEqual(found.map((f) => [f.line, f.text]), [[7, 'cache']]);
});

test('without the override file the reference is undefined', () => {
  assert.deepEqual(check({ 'compose.yaml': base }).map((f) => f.code), ['depends-on-undefined']);
});

test('override pair: the same key in both files is reported in each', () => {
  const files = {
    'compose.yaml': lines('services:', '  web:', '    image: nginx', '    networks: [front]'),
    'compose.override.yaml': lines('services:', '  web:', '    networks: [front]'),
  };
  assert.deepEqual(check(files).map((f) => [f.line, f.text]), [[3, 'front']]);
  assert.deepEqual(check(files, 'compose.override.yaml').map((f) => [f.line, f.text]), [[2, 'front']]);
});

test('!reset in the override file removes a dependency (and the finding in the base file)', () => {
  const files = {
    'compose.yaml': lines('services:', '  web:', '    image: nginx', '    depends_on: [ghost]'),
    'compose.override.yaml': lines('services:', '  web:', '    depends_on: !reset []'),
  };
  assert.deepEqual(check(files), []);
});

test('!override replaces ports: no conflict with the replaced binding', () => {
  const files = {
    'compose.yaml': lines('services:', '  web:', '    image: nginx', '    ports: ["8080:80"]', '  api:', '    image: x', '    ports: ["9090:80"]'),
    'compose.override.yaml': lines('services:', '  api:', '    ports: !override ["8080:80"]', '  web:', '    ports: !override ["8081:80"]'),
  };
  assert.deepEqual(check(files, 'compose.override.yaml'), []);
  // without !override the lists would be appended: 8080 twice
  const appended = { ...files, 'compose.override.yaml': lines('services:', '  api:', '    ports: ["8080:80"]') };
  assert.deepEqual(check(appended, 'compose.override.yaml').map((f) => [f.code, f.text]), [['published-port-conflict', '8080']]);
});

test('override: a volume entry with the same target replaces the base one (unicity by target)', () => {
  const files = {
    'compose.yaml': lines('services:', '  web:', '    image: nginx', '    volumes: ["./a:/work"]'),
    'compose.override.yaml': lines('services:', '  web:', '    volumes: ["./b:/work"]'),
  };
  assert.deepEqual(check(files), []);
  assert.deepEqual(check(files, 'compose.override.yaml'), []);
});

test('include: services, networks and volumes of included files are usable', () => {
  const files = {
    'compose.yaml': lines('include:', '  - infra/compose.yaml', '  - path: [db.yaml, db.override.yaml]', 'services:', '  web:', '    image: nginx', '    depends_on: [redis, db]', '    networks: [shared]', '    volumes: ["cache:/cache"]'),
    'infra/compose.yaml': lines('services:', '  redis:', '    image: redis', 'networks:', '  shared: {}', 'volumes:', '  cache: {}'),
    'db.yaml': lines('services:', '  db:', '    image: postgres'),
    'db.override.yaml': lines('services:', '  db:', '    environment: {A: b}'),
  };
  assert.deepEqual(check(files), []);
});

test('include: a missing included file is reported, and undefined names are then withheld', () => {
  const found = checkOne(lines('include:', '  - other/compose.yaml', 'services:', '  web:', '    image: nginx', '    depends_on: [redis]'));
  assert.deepEqual(found, [{ code: 'referenced-file-missing', severity: 'error', line: 1, text: 'other/compose.yaml', message: 'included file "other/compose.yaml" does not exist' }]);
});

test('include: an included file is checked as its own project, relative to its own folder', () => {
  const files = {
    'compose.yaml': lines('include: [infra/compose.yaml]', 'services:', '  web:', '    image: nginx'),
    'infra/compose.yaml': lines('services:', '  redis:', '    image: redis', '    depends_on: [web]', '    env_file: redis.env'),
    'infra/redis.env': 'A=b\n',
  };
  assert.deepEqual(check(files), []);
  assert.deepEqual(check(files, 'infra/compose.yaml').map((f) => [f.code, f.text]), [['depends-on-undefined', 'web']]);
});

test('include cycles stop without looping', () => {
  const files = {
    'compose.yaml': lines('include: [b.yaml]', 'services:', '  a:', '    image: x', '    depends_on: [b]'),
    'b.yaml': lines('include: [compose.yaml]', 'services:', '  b:', '    image: x'),
  };
  assert.deepEqual(check(files), []);
});

test('another file beside a standard project: the standard project\'s names satisfy its references', () => {
  const files = {
    'compose.yaml': lines('services:', '  db:', '    image: postgres', 'networks:', '  back: {}'),
    'compose.prod.yaml': lines('services:', '  web:', '    image: nginx', '    depends_on: [db]', '    networks: [back]', '    volumes: ["data:/d"]'),
  };
  assert.deepEqual(check(files, 'compose.prod.yaml').map((f) => [f.code, f.text]), [['volume-undefined', 'data']]);
});

test('composeDependencies: override candidates, includes, extends files and checked paths', () => {
  const files = {
    'compose.yaml': lines('include: [inc.yaml]', 'services:', '  web:', '    extends: {file: common.yml, service: app}', '    env_file: .env'),
    'inc.yaml': lines('services:', '  x:', '    image: x'),
    'common.yml': lines('services:', '  app:', '    image: nginx'),
  };
  assert.deepEqual(dependencies(files), [
    '.env', 'common.yml', 'compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml', 'inc.yaml',
  ]);
  assert.deepEqual(dependencies({ 'compose.override.yaml': lines('services: {}') }, 'compose.override.yaml'), ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']);
});

test('malformed input never throws and yields what it can', () => {
  const texts = [
    'services: [web, db]',
    'services:\n  web: null\n  db: "string"\n  api: 3',
    'services:\n  web:\n    depends_on: "db"\n    networks: 3\n    volumes: {a: b}\n    ports: null\n    links: {x: 1}\n    extends: [1]',
    'services:\n  web:\n    depends_on: [null, 3, {a: 1}]\n    volumes: [null, 3, ":", "::", "a::b", {type: volume}]\n    ports: [null, {}, "a:b:c:d", "99999999:1"]',
    'include: 3\nservices:\n  web:\n    image: x',
    'include: [{path: null}, {}]\nservices:\n  web:\n    image: x',
    'networks: [a]\nvolumes: 3\nsecrets: {s: null}\nservices:\n  web:\n    secrets: [s, {source: null}]\n    configs: [{}]',
    '- a\n- b',
    'just a string',
    '',
    'services:\n  web:\n    image: x\n  bad: [unclosed',
    'services:\n  web: &w\n    image: x\n    <<: *w',
  ];
  for (const text of texts) assert.doesNotThrow(() => checkOne(text), text);
  assert.deepEqual(checkOne(texts[6]!).map((f) => f.code), ['secret-without-source']);
});
