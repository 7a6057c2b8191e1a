import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkOne, lines } from './crossrefHelpers';

// crossref-rules.md §5.2: Compose cases that must not be flagged.

test('§5.2 #1: networks: [default] without a top-level declaration', () => {
  assert.deepEqual(checkOne(lines('services:', '  web:', '    image: x', '    networks: [default]', '  api:', '    image: x', '    networks:', '      default: {aliases: [api]}')), []);
});

test('§5.2 #2: bind mounts, home and Windows paths, pipes, interpolated bind sources', () => {
  assert.deepEqual(checkOne(lines(
    'services:',
    '  web:',
    '    image: x',
    '    volumes:',
    '      - ./data:/data',
    '      - ../shared:/shared:ro',
    '      - /var/run/docker.sock:/var/run/docker.sock',
    '      - ~/.ssh:/root/.ssh',
    '      - C:\\data:/windata',
    '      - \\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine',
    '      - ${DATA_DIR:-./data}:/data2',
    '      - type: bind',
    '        source: ./conf',
    '        target: /conf',
  )), []);
});

test('§5.2 #3: anonymous volumes, long syntax without source, tmpfs and image mounts', () => {
  assert.deepEqual(checkOne(lines(
    'services:',
    '  web:',
    '    image: x',
    '    volumes:',
    '      - /data',
    '      - type: volume',
    '        target: /cache',
    '      - type: tmpfs',
    '        target: /tmp',
    '      - type: image',
    '        source: alpine:3.20',
    '        target: /img',
  )), []);
});

test('§5.2 #4: external networks, volumes, secrets and configs', () => {
  assert.deepEqual(checkOne(lines(
    'services:',
    '  web:',
    '    image: x',
    '    networks: [proxy]',
    '    volumes: ["certs:/certs"]',
    '    secrets: [token]',
    '    configs: [site]',
    'networks:',
    '  proxy: {external: true}',
    '  other-project: {external: true}',
    'volumes:',
    '  certs: {external: true}',
    'secrets:',
    '  token: {external: true}',
    'configs:',
    '  site: {external: true}',
  )), []);
});

test('§5.2 #5: container: references and external_links', () => {
  assert.deepEqual(checkOne(lines('services:', '  web:', '    image: x', '    network_mode: "container:vpn"', '    volumes_from: ["container:data:ro"]', '    external_links: ["legacy_db_1:db"]', '    pid: "container:monitor"')), []);
});

test('§5.2 #6: references satisfied by the override file, by a file beside the standard one, and by includes', () => {
  assert.deepEqual(check({ 'compose.yaml': lines('services:', '  web:', '    image: x', '    depends_on: [db]'), 'compose.override.yml': lines('services:', '  db:', '    image: postgres') }), []);
  assert.deepEqual(check({ 'compose.yaml': lines('services:', '  db:', '    image: postgres'), 'compose.ci.yaml': lines('services:', '  test:', '    image: x', '    depends_on: [db]') }, 'compose.ci.yaml'), []);
  assert.deepEqual(check({ 'compose.yaml': lines('include: [db/compose.yaml]', 'services:', '  web:', '    image: x', '    depends_on: [db]', '    volumes: ["pg:/pg"]'), 'db/compose.yaml': lines('services:', '  db:', '    image: postgres', '    volumes: ["pg:/var/lib/postgresql/data"]', 'volumes:', '  pg: {}') }), []);
});

test('§5.2 #7: !reset and !override in an override file remove or replace a dependency or port', () => {
  const files = {
    'compose.yaml': lines('services:', '  web:', '    image: x', '    depends_on: [gone]', '    ports: ["80:80"]', '  api:', '    image: x', '    ports: ["80:80"]'),
    'compose.override.yaml': lines('services:', '  web:', '    depends_on: !reset null', '    ports: !reset []', '  api:', '    ports: !override ["8080:80"]'),
  };
  assert.deepEqual(check(files), []);
  assert.deepEqual(check(files, 'compose.override.yaml'), []);
});

test('§5.2 #8: depends_on with required: false on a service disabled by profiles', () => {
  assert.deepEqual(checkOne(lines('services:', '  web:', '    image: x', '    depends_on:', '      debugger: {condition: service_started, required: false}', '  debugger:', '    image: x', '    profiles: [debug]')), []);
});

test('§5.2 #9: service_healthy on a service whose image may define HEALTHCHECK: nothing above a Hint', () => {
  const found = checkOne(lines('services:', '  web:', '    image: x', '    depends_on:', '      api: {condition: service_healthy}', '      built: {condition: service_healthy}', '  api:', '    image: ghcr.io/acme/api:1.2', '  built:', '    build: .'));
  assert.deepEqual(found.map((f) => f.severity), ['hint', 'hint']);
});

test('§5.2 #10: the same published port in exclusive profiles, on different host IPs, or with different protocols', () => {
  assert.deepEqual(checkOne(lines(
    'services:',
    '  dev:',
    '    image: x',
    '    profiles: [dev]',
    '    ports: ["8080:80"]',
    '  prod:',
    '    image: x',
    '    profiles: [prod]',
    '    ports: ["8080:80"]',
    '  v4:',
    '    image: x',
    '    ports: ["127.0.0.1:9000:80", "[::1]:9000:80"]',
    '  v4b:',
    '    image: x',
    '    ports: ["127.0.0.2:9000:80"]',
    '  dns:',
    '    image: x',
    '    ports: ["8388:8388/tcp", "8388:8388/udp"]',
  )), []);
});

test('§5.2 #11: container-only ports and expose', () => {
  assert.deepEqual(checkOne(lines('services:', '  a:', '    image: x', '    ports: ["3000", 3000, {target: 3000}]', '    expose: ["3000"]', '  b:', '    image: x', '    scale: 3', '    ports: ["3000", "127.0.0.1::3000"]')), []);
});

test('§5.2 #12: $$VAR in command and healthcheck', () => {
  assert.deepEqual(checkOne(lines('services:', '  web:', '    image: x', '    command: ["sh", "-c", "echo $$HOME"]', '    healthcheck: {test: ["CMD-SHELL", "test -n $$PORT"]}')), []);
});

test('§5.2 #13: variables supplied at runtime are unknown, never judged', () => {
  assert.deepEqual(checkOne(lines(
    'services:',
    '  web:',
    '    image: x',
    '    volumes: ["${DATA_VOLUME}:/data"]',
    '    ports: ["${PORT}:80"]',
    '    networks: ["${NET}"]',
    '    env_file: ${ENV_FILE}',
    '    container_name: ${NAME}',
    '  api:',
    '    image: x',
    '    ports: ["${PORT}:80"]',
    '    container_name: ${NAME}',
    '    depends_on: ["${DEP}"]',
  )), []);
});

test('§5.2 #14: anchors, merge keys and x- extension fields are expanded first', () => {
  assert.deepEqual(checkOne(lines(
    'x-common: &common',
    '  image: x',
    '  networks: [back]',
    '  depends_on: [db]',
    'services:',
    '  web:',
    '    <<: *common',
    '  api:',
    '    <<: *common',
    '    ports: ["8080:80"]',
    '  db:',
    '    image: postgres',
    '    networks: [back]',
    'networks:',
    '  back: {}',
  )), []);
});

test('§5.2 #15: links with aliases and volumes_from with a mode', () => {
  assert.deepEqual(checkOne(lines('services:', '  web:', '    image: x', '    links: ["db:database"]', '    volumes_from: ["store:ro", "db:rw"]', '  db:', '    image: postgres', '  store:', '    image: busybox')), []);
});
