import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOne, lines, only } from './crossrefHelpers';

test('dependency-disabled-by-profile: an always-on service needing a gated one is an Error', () => {
  const found = checkOne(lines('services:', '  web:', '    image: x', '    depends_on: [db]', '  db:', '    image: postgres', '    profiles: [debug]'));
  assert.deepEqual(found, [
    {
      code: 'dependency-disabled-by-profile', severity: 'error', line: 3, text: 'db',
      message: 'service "db" is required by "web" but is disabled. Can be enabled by profiles [debug]: "web" runs without a profile, so a plain "docker compose up" fails',
      related: [{ file: 'compose.yaml', text: '[debug]', message: 'profiles of "db"' }],
    },
  ]);
});

test('dependency-disabled-by-profile: the spec\'s zot/bar example is a Warning; baz/bar is fine', () => {
  const found = checkOne(lines(
    'services:',
    '  bar:',
    '    image: bar',
    '    profiles: [test]',
    '  baz:',
    '    image: baz',
    '    depends_on: [bar]',
    '    profiles: [test]',
    '  zot:',
    '    image: zot',
    '    depends_on: [bar]',
    '    profiles: [debug]',
  ));
  assert.deepEqual(found.map((f) => [f.code, f.severity, f.line, f.message]), [
    ['dependency-disabled-by-profile', 'warning', 10, 'service "bar" is required by "zot" but is disabled. Can be enabled by profiles [test]: with profile "debug" active, "zot" runs but "bar" does not'],
  ]);
});

test('profile-ref-via-links-extends: links and service: namespaces follow the same rule (Warning)', () => {
  const found = checkOne(lines('services:', '  web:', '    image: x', '    links: [db]', '    network_mode: "service:vpn"', '  db:', '    image: x', '    profiles: [p]', '  vpn:', '    image: x', '    profiles: [p]'));
  assert.deepEqual(found.map((f) => [f.code, f.severity, f.text]), [
    ['profile-ref-via-links-extends', 'warning', 'db'],
    ['profile-ref-via-links-extends', 'warning', 'vpn'],
  ]);
  const shared = lines('services:', '  web:', '    image: x', '    links: [db]', '    profiles: [p]', '  db:', '    image: x', '    profiles: [p, q]');
  assert.deepEqual(checkOne(shared), []);
});

test('compose-duplicate-container-name: Error on both services, Hint when their profiles never run together', () => {
  const found = checkOne(lines('services:', '  a:', '    image: x', '    container_name: app', '  b:', '    image: x', '    container_name: app'));
  assert.deepEqual(found, [
    {
      code: 'compose-duplicate-container-name', severity: 'error', line: 3, text: 'app',
      message: 'container name "app" is also used by service "b": container names must be unique',
      related: [{ file: 'compose.yaml', text: 'app', message: 'container_name of service "b"' }],
    },
    {
      code: 'compose-duplicate-container-name', severity: 'error', line: 6, text: 'app',
      message: 'container name "app" is also used by service "a": container names must be unique',
      related: [{ file: 'compose.yaml', text: 'app', message: 'container_name of service "a"' }],
    },
  ]);
  const exclusive = checkOne(lines('services:', '  a:', '    image: x', '    container_name: app', '    profiles: [x]', '  b:', '    image: x', '    container_name: app', '    profiles: [y]'));
  assert.deepEqual(exclusive.map((f) => f.severity), ['hint', 'hint']);
  assert.deepEqual(checkOne(lines('services:', '  a:', '    image: x', '    container_name: app-a', '  b:', '    image: x', '    container_name: app-b')), []);
});

test('container-name-with-scale: container_name with replicas > 1', () => {
  const found = checkOne(lines('services:', '  web:', '    image: x', '    container_name: web', '    deploy: {replicas: 3}'));
  assert.deepEqual(found, [
    {
      code: 'container-name-with-scale', severity: 'error', line: 3, text: 'web',
      message: 'service "web" can\'t set container_name and deploy.replicas as container name must be unique',
      related: [{ file: 'compose.yaml', text: '3', message: 'deploy.replicas: 3' }],
    },
  ]);
  assert.deepEqual(checkOne(lines('services:', '  web:', '    image: x', '    container_name: web', '    scale: 1')), []);
});

test('published-port-conflict: same host port across services, on the host-port characters', () => {
  const found = checkOne(lines('services:', '  a:', '    image: x', '    ports: ["127.0.0.1:8080:80"]', '  b:', '    image: x', '    ports:', '      - target: 81', '        published: "8080"'));
  assert.deepEqual(found, [
    {
      code: 'published-port-conflict', severity: 'warning', line: 3, text: '8080',
      message: 'host port 8080/tcp is also published by service "b": the second container fails with "port is already allocated"',
      related: [{ file: 'compose.yaml', text: '"8080"', message: 'port 8080 published by service "b"' }],
    },
    {
      code: 'published-port-conflict', severity: 'warning', line: 8, text: '"8080"',
      message: 'host port 8080/tcp is also published by service "a": the second container fails with "port is already allocated"',
      related: [{ file: 'compose.yaml', text: '8080', message: 'port 8080 published by service "a"' }],
    },
  ]);
});

test('published-port-conflict: overlapping ranges and a duplicate inside one service', () => {
  const found = checkOne(lines('services:', '  a:', '    image: x', '    ports: ["8000-8010:8000-8010", "9000:90", "9000:91"]', '  b:', '    image: x', '    ports: ["8005:80"]'));
  assert.deepEqual(found.map((f) => [f.text, f.message.split(':')[0]]), [
    ['8000-8010', 'host port 8005/tcp is also published by service "b"'],
    ['9000', 'host port 9000/tcp is also published by another binding of this service'],
    ['9000', 'host port 9000/tcp is also published by another binding of this service'],
    ['8005', 'host port 8005/tcp is also published by service "a"'],
  ]);
});

test('fixed-port-with-replicas: a fixed host port with scale > 1; a host range is fine', () => {
  const found = checkOne(lines('services:', '  web:', '    image: x', '    scale: 2', '    ports: ["8080:80", "9000-9005:90", "3000"]'));
  assert.deepEqual(found, [
    {
      code: 'fixed-port-with-replicas', severity: 'warning', line: 4, text: '8080',
      message: 'service "web" publishes host port 8080 with scale 2: only one replica can bind it; publish a range or only the container port',
      related: [{ file: 'compose.yaml', text: '2', message: 'scale: 2' }],
    },
  ]);
});

test('shared-network-alias: a Hint on each use', () => {
  const found = checkOne(lines('services:', '  a:', '    image: x', '    networks:', '      back: {aliases: [db]}', '  b:', '    image: x', '    networks:', '      back: {aliases: [db]}', 'networks:', '  back: {}'));
  assert.deepEqual(found.map((f) => [f.code, f.severity, f.line, f.related?.[0]?.text]), [
    ['shared-network-alias', 'hint', 4, 'db'],
    ['shared-network-alias', 'hint', 8, 'db'],
  ]);
  assert.equal(found[0]!.message, 'alias "db" on network "back" is also used by service "b": which container the name resolves to is not guaranteed');
  assert.deepEqual(checkOne(lines('services:', '  a:', '    image: x', '    networks:', '      back: {aliases: [db]}', '  b:', '    image: x', '    networks:', '      front: {aliases: [db]}', 'networks:', '  back: {}', '  front: {}')), []);
});

test('link-without-shared-network: a Hint when the services share no network', () => {
  const text = lines('services:', '  web:', '    image: x', '    links: [db]', '    networks: [front]', '  db:', '    image: x', '    networks: [back]', 'networks:', '  front: {}', '  back: {}');
  assert.deepEqual(only('link-without-shared-network', checkOne(text)).map((f) => [f.severity, f.text, f.message]), [
    ['hint', 'db', 'service "web" links to "db", but they share no network, so the link can\'t reach it'],
  ]);
  assert.deepEqual(checkOne(lines('services:', '  web:', '    image: x', '    links: [db]', '  db:', '    image: x')), []);
});
