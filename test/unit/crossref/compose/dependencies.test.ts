import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOne, lines, only } from './crossrefHelpers';

test('depends-on-undefined: list form, on the item, with did-you-mean at the close name', () => {
  const found = checkOne(lines('services:', '  web:', '    image: nginx', '    depends_on: [dbb]', '  db:', '    image: postgres'));
  assert.deepEqual(found, [
    {
      code: 'depends-on-undefined', severity: 'error', line: 3, text: 'dbb',
      message: 'service "web" depends on undefined service "dbb"; did you mean "db"?',
      related: [{ file: 'compose.yaml', text: 'db', message: 'service "db" is declared here' }],
    },
  ]);
});

test('depends-on-undefined: map form, on the key; no related information without a close name', () => {
  const found = checkOne(lines('services:', '  web:', '    image: nginx', '    depends_on:', '      postgres:', '        condition: service_started'));
  assert.deepEqual(found, [
    { code: 'depends-on-undefined', severity: 'error', line: 4, text: 'postgres', message: 'service "web" depends on undefined service "postgres"' },
  ]);
});

test('depends-on-undefined: a declared dependency is fine, in either form', () => {
  assert.deepEqual(checkOne(lines('services:', '  web:', '    image: nginx', '    depends_on: [db]', '  api:', '    image: x', '    depends_on: {db: {condition: service_started}}', '  db:', '    image: postgres')), []);
});

test('depends-on-undefined: required: false does not excuse an unknown service', () => {
  const found = checkOne(lines('services:', '  web:', '    image: nginx', '    depends_on:', '      ghost: {condition: service_started, required: false}'));
  assert.deepEqual(found.map((f) => [f.code, f.text]), [['depends-on-undefined', 'ghost']]);
});

test('implicit-dependency-undefined: links, volumes_from and service: namespaces, on the service name only', () => {
  const found = checkOne(lines(
    'services:',
    '  web:',
    '    image: nginx',
    '    links: ["cache:redis"]',
    '    volumes_from: ["store:ro"]',
    '    network_mode: "service:vpn"',
    '    ipc: service:shm',
    '  other:',
    '    image: x',
  ));
  assert.deepEqual(found.map((f) => [f.text, f.message]), [
    ['cache', 'service "web" depends on unknown service "cache" (links)'],
    ['store', 'service "web" depends on unknown service "store" (volumes_from)'],
    ['vpn', "service \"vpn\" not found for network_mode 'service:vpn'"],
    ['shm', "service \"shm\" not found for ipc 'service:shm'"],
  ]);
  assert.ok(found.every((f) => f.code === 'implicit-dependency-undefined' && f.severity === 'error'));
});

test('implicit-dependency-undefined: did-you-mean points at the close service', () => {
  const [found] = checkOne(lines('services:', '  web:', '    image: nginx', '    links: [dbb]', '  db:', '    image: postgres'));
  assert.deepEqual(found!.related, [{ file: 'compose.yaml', text: 'db', message: 'service "db" is declared here' }]);
});

test('implicit-dependency-undefined: existing services, container: references and external_links are fine', () => {
  assert.deepEqual(checkOne(lines(
    'services:',
    '  web:',
    '    image: nginx',
    '    links: ["db:database"]',
    '    volumes_from: ["db:ro", "container:legacy"]',
    '    external_links: [outside]',
    '    ipc: "container:shm"',
    '  side:',
    '    image: x',
    '    network_mode: "service:db"',
    '  db:',
    '    image: postgres',
  )), []);
});

test('depends-on-cycle: every edge of the cycle, with the next edge as related information', () => {
  const found = checkOne(lines('services:', '  a:', '    image: x', '    depends_on: [b]', '  b:', '    image: x', '    links: [a]'));
  assert.deepEqual(found, [
    {
      code: 'depends-on-cycle', severity: 'error', line: 3, text: 'b', message: 'dependency cycle detected: a -> b -> a',
      related: [{ file: 'compose.yaml', text: 'a', message: '"b" depends on "a" here' }],
    },
    {
      code: 'depends-on-cycle', severity: 'error', line: 6, text: 'a', message: 'dependency cycle detected: b -> a -> b',
      related: [{ file: 'compose.yaml', text: 'b', message: '"a" depends on "b" here' }],
    },
  ]);
});

test('depends-on-cycle: a service depending on itself', () => {
  const found = checkOne(lines('services:', '  a:', '    image: x', '    depends_on: [a]'));
  assert.deepEqual(found.map((f) => [f.code, f.text, f.message]), [['depends-on-cycle', 'a', 'dependency cycle detected: a -> a']]);
});

test('depends-on-cycle: a chain without a way back is no cycle', () => {
  assert.deepEqual(checkOne(lines('services:', '  a:', '    image: x', '    depends_on: [b]', '  b:', '    image: x', '    depends_on: [c]', '  c:', '    image: x')), []);
});

test('service-healthy-without-healthcheck: an official image without a healthcheck is a Warning on the condition', () => {
  const found = checkOne(lines('services:', '  web:', '    image: nginx', '    depends_on:', '      db: {condition: service_healthy}', '  db:', '    image: postgres:16'));
  assert.deepEqual(found, [
    {
      code: 'service-healthy-without-healthcheck', severity: 'warning', line: 4, text: 'service_healthy',
      message: 'service "web" waits for "db" to be healthy, but "db" has no healthcheck and official images such as "postgres:16" define none: Compose fails with "container has no healthcheck configured"',
      related: [{ file: 'compose.yaml', text: 'db', message: 'service "db" is declared here without a healthcheck' }],
    },
  ]);
});

test('service-healthy-without-healthcheck: a disabled healthcheck is an Error', () => {
  const found = checkOne(lines('services:', '  web:', '    image: nginx', '    depends_on:', '      db: {condition: service_healthy}', '  db:', '    image: my/db', '    healthcheck: {disable: true}'));
  assert.deepEqual(found.map((f) => [f.severity, f.text, f.related?.[0]?.text]), [['error', 'service_healthy', 'true']]);
  const none = checkOne(lines('services:', '  web:', '    image: nginx', '    depends_on:', '      db: {condition: service_healthy}', '  db:', '    image: my/db', '    healthcheck: {test: ["NONE"]}'));
  assert.deepEqual(none.map((f) => f.severity), ['error']);
});

test('service-healthy-without-healthcheck: a declared healthcheck satisfies the condition', () => {
  assert.deepEqual(checkOne(lines('services:', '  web:', '    image: nginx', '    depends_on:', '      db: {condition: service_healthy}', '  db:', '    image: postgres', '    healthcheck: {test: ["CMD", "pg_isready"]}')), []);
});

test('completed-successfully-on-daemon: a Hint when the dependency restarts forever', () => {
  const found = checkOne(lines('services:', '  web:', '    image: nginx', '    depends_on:', '      migrate: {condition: service_completed_successfully}', '  migrate:', '    image: x', '    restart: always'));
  assert.deepEqual(found, [
    {
      code: 'completed-successfully-on-daemon', severity: 'hint', line: 4, text: 'service_completed_successfully',
      message: 'service "web" waits for "migrate" to complete, but "migrate" has restart: always, so it is restarted instead of staying completed',
      related: [{ file: 'compose.yaml', text: 'always', message: 'restart policy of "migrate"' }],
    },
  ]);
  assert.deepEqual(only('completed-successfully-on-daemon', checkOne(lines('services:', '  web:', '    image: nginx', '    depends_on:', '      migrate: {condition: service_completed_successfully}', '  migrate:', '    image: x', '    restart: on-failure'))), []);
});
