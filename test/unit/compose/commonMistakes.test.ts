import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCompose, lines } from './composeHelpers';

test('a valid project has no findings', () => {
  const text = lines(
    'name: shop',
    'services:',
    '  web:',
    '    image: nginx:1.27',
    '    restart: unless-stopped',
    '    ports: ["8080:80", 443, {target: 80, published: "8081"}]',
    '    depends_on:',
    '      db: {condition: service_healthy}',
    '    deploy: {replicas: 2, mode: replicated}',
    '  db:',
    '    image: postgres:16',
    '    healthcheck: {test: ["CMD", "pg_isready"], interval: 10s, retries: 5}',
    'volumes:',
    '  data: {}',
  );
  assert.deepEqual(checkCompose(text), []);
});

test('unknown top-level key: error on the key, with a did-you-mean', () => {
  assert.deepEqual(checkCompose(lines('servics:', '  web:', '    image: nginx')), [
    { code: 'unknown-field', severity: 'error', message: 'Unknown top-level field "servics"; did you mean "services"?', range: [0, 0, 0, 7], text: 'servics' },
  ]);
});

test('unknown top-level key without a close match: says how extensions are spelled', () => {
  const [found] = checkCompose(lines('services: {}', 'custom: 1'));
  assert.equal(found!.message, 'Unknown top-level field "custom" (custom fields must start with "x-")');
  assert.deepEqual(found!.range, [1, 0, 1, 6]);
});

test('unknown service key: did-you-mean names the service path', () => {
  assert.deepEqual(checkCompose(lines('services:', '  web:', '    imagee: nginx')), [
    { code: 'unknown-field', severity: 'error', message: 'Unknown field "imagee" in services.web; did you mean "image"?', range: [2, 4, 2, 10], text: 'imagee' },
  ]);
});

test('ports as a string instead of a list', () => {
  assert.deepEqual(checkCompose(lines('services:', '  web:', '    image: nginx', '    ports: "8080:80"')), [
    { code: 'invalid-type', severity: 'error', message: 'services.web.ports: expected a list, got string "8080:80"', range: [3, 11, 3, 20], text: '"8080:80"' },
  ]);
});

test('a port entry of the wrong shape: one readable message instead of the oneOf noise', () => {
  const found = checkCompose(lines('services:', '  web:', '    image: nginx', '    ports:', '      - [8080, 80]'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.message, 'services.web.ports[0]: expected number, string or a mapping, got a list');
  assert.deepEqual(found[0]!.range, [4, 8, 4, 18]);
});

test('long-syntax port with an unknown key', () => {
  const found = checkCompose(lines('services:', '  web:', '    image: nginx', '    ports:', '      - target: 80', '        publised: 8080'));
  assert.deepEqual(found.map((f) => [f.message, f.text]), [['Unknown field "publised" in services.web.ports[0]; did you mean "published"?', 'publised']]);
});

test('depends_on condition typo: the enum with a suggestion, not the list-form alternative', () => {
  const text = lines('services:', '  web:', '    image: nginx', '    depends_on:', '      db:', '        condition: service_healty', '  db:', '    image: postgres');
  assert.deepEqual(checkCompose(text), [
    {
      code: 'invalid-value',
      severity: 'error',
      message:
        'services.web.depends_on.db.condition: string "service_healty" is not allowed; expected one of: service_started, service_healthy, service_completed_successfully. Did you mean "service_healthy"?',
      range: [5, 19, 5, 33],
      text: 'service_healty',
    },
  ]);
});

test('depends_on long form without condition', () => {
  const found = checkCompose(lines('services:', '  web:', '    image: nginx', '    depends_on:', '      db: {restart: true}', '  db:', '    image: postgres'));
  assert.deepEqual(found.map((f) => [f.code, f.message, f.text]), [['missing-required-field', 'services.web.depends_on.db: missing required field "condition"', 'db']]);
});

test('deploy.replicas: "two" is not an integer (Compose casts the string and fails)', () => {
  assert.deepEqual(checkCompose(lines('services:', '  web:', '    image: nginx', '    deploy:', '      replicas: "two"')), [
    { code: 'invalid-type', severity: 'error', message: 'services.web.deploy.replicas: expected integer, got string "two"', range: [4, 16, 4, 21], text: '"two"' },
  ]);
});

test('numeric and boolean strings that Compose can cast are fine', () => {
  const text = lines('services:', '  web:', '    image: nginx', '    scale: "3"', '    cpus: "0.5"', '    init: "true"', '    deploy: {replicas: "2"}');
  assert.deepEqual(checkCompose(text), []);
});

test('privileged: maybe is not a boolean', () => {
  const [found] = checkCompose(lines('services:', '  web:', '    image: nginx', '    privileged: maybe'));
  assert.equal(found!.message, 'services.web.privileged: expected boolean (true or false), got string "maybe"');
  assert.equal(found!.text, 'maybe');
});

test('YAML 1.1 booleans work in Compose but deserve a warning', () => {
  assert.deepEqual(checkCompose(lines('services:', '  web:', '    image: nginx', '    tty: yes')), [
    { code: 'yaml11-boolean', severity: 'warning', message: 'services.web.tty: "yes" for a boolean is not supported by YAML 1.2; write true', range: [3, 9, 3, 12], text: 'yes' },
  ]);
});

test('restart: sometimes lists the restart policies docker accepts', () => {
  assert.deepEqual(checkCompose(lines('services:', '  web:', '    image: nginx', '    restart: sometimes')), [
    {
      code: 'invalid-value',
      severity: 'error',
      message: 'services.web.restart: string "sometimes" is not allowed; expected one of: no, always, on-failure[:max-retries], unless-stopped.',
      range: [3, 13, 3, 22],
      text: 'sometimes',
    },
  ]);
});

test('restart typo gets a suggestion; on-failure with a retry count is valid', () => {
  const [found] = checkCompose(lines('services:', '  web:', '    image: nginx', '    restart: alway'));
  assert.match(found!.message, /Did you mean "always"\?$/);
  assert.deepEqual(checkCompose(lines('services:', '  web:', '    image: nginx', '    restart: on-failure:3')), []);
  assert.deepEqual(checkCompose(lines('services:', '  web:', '    image: nginx', '    restart: "no"')), []);
});

test('obsolete top-level version: a warning on the key, faded as unnecessary', () => {
  const found = checkCompose(lines('version: "3.8"', 'services:', '  web:', '    image: nginx'));
  assert.deepEqual(found, [
    { code: 'obsolete-version', severity: 'warning', message: 'The attribute "version" is obsolete: Compose ignores it; remove it to avoid confusion', range: [0, 0, 0, 7], text: 'version' },
  ]);
});

test('a Swarm stack file keeps its version without a warning', () => {
  assert.deepEqual(checkCompose(lines('version: "3.9"', 'services:', '  web:', '    image: nginx'), 'file:///project/docker-stack.yml'), []);
});

test('volume mount type typo', () => {
  const found = checkCompose(lines('services:', '  web:', '    image: nginx', '    volumes:', '      - type: bnd', '        source: .', '        target: /app'));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /^services\.web\.volumes\[0\]\.type: string "bnd" is not allowed; expected one of: bind, volume, tmpfs, cluster, npipe, image\. Did you mean "bind"\?$/);
  assert.equal(found[0]!.text, 'bnd');
});

test('several mistakes in one file are all reported', () => {
  const text = lines('services:', '  web:', '    imagee: nginx', '    restart: sometimes', '    deploy: {replicas: "two"}', 'networkss: {}');
  assert.deepEqual(checkCompose(text).map((f) => f.text).sort(), ['"two"', 'imagee', 'networkss', 'sometimes']);
});
