import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCompose, lines } from './composeHelpers';

test('x- extension fields are accepted at the top level, in services and in nested objects', () => {
  const text = lines(
    'x-defaults: {anything: [1, 2]}',
    'services:',
    '  web:',
    '    image: nginx',
    '    x-owner: team-a',
    '    ports:',
    '      - target: 80',
    '        x-note: internal',
    'networks:',
    '  front: {x-tier: edge}',
  );
  assert.deepEqual(checkCompose(text), []);
});

test('anchors and << merge keys, single and in a list', () => {
  const text = lines(
    'x-common: &common',
    '  restart: always',
    '  environment: {TZ: UTC}',
    'x-logging: &logging',
    '  logging: {driver: json-file}',
    'services:',
    '  web:',
    '    <<: *common',
    '    image: nginx',
    '  worker:',
    '    <<: [*common, *logging]',
    '    image: worker',
  );
  assert.deepEqual(checkCompose(text), []);
});

test('an error inside an anchor merged into a service is reported once, with the service path', () => {
  const text = lines('x-common: &common', '  restart: sometimes', 'services:', '  web:', '    <<: *common', '    image: nginx');
  const found = checkCompose(text);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'invalid-value');
  assert.match(found[0]!.message, /^services\.web\.restart: string "sometimes"/);
  // Reported where the value is written: in the anchor, through the merge key.
  assert.equal(found[0]!.range[0], 1);
  assert.equal(found[0]!.text, 'sometimes');
});

test('!reset removes the attribute and !override replaces it: both are accepted', () => {
  const text = lines(
    'services:',
    '  web:',
    '    image: nginx',
    '    ports: !reset []',
    '    labels: !reset null',
    '    build: !reset',
    '    command: !override ["npm", "start"]',
    '    environment: !override',
    '      NODE_ENV: production',
  );
  assert.deepEqual(checkCompose(text), []);
});

test('!reset on a required attribute leaves it missing, as in Compose', () => {
  const text = lines('services:', '  web:', '    image: nginx', '    depends_on:', '      db:', '        condition: !reset service_started', '  db:', '    image: x');
  assert.deepEqual(checkCompose(text).map((f) => f.code), ['missing-required-field']);
});

test('!override values are still validated', () => {
  const found = checkCompose(lines('services:', '  web:', '    image: nginx', '    ports: !override "80:80"'));
  assert.deepEqual(found.map((f) => [f.code, f.text]), [['invalid-type', '"80:80"']]);
});

test('a Swarm stack file with deploy keys is valid Compose', () => {
  const text = lines(
    'services:',
    '  vote:',
    '    image: vote',
    '    deploy:',
    '      replicas: 2',
    '      update_config: {parallelism: 2, delay: 10s}',
    '      restart_policy: {condition: on-failure}',
    '      placement: {constraints: ["node.role == manager"]}',
    '      resources: {limits: {cpus: "0.5", memory: 50M}}',
  );
  assert.deepEqual(checkCompose(text), []);
});

test('deploy.restart_policy.condition typo', () => {
  const found = checkCompose(lines('services:', '  web:', '    image: nginx', '    deploy:', '      restart_policy: {condition: on-failur}'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.message, 'services.web.deploy.restart_policy.condition: string "on-failur" is not allowed; expected one of: none, on-failure, any. Did you mean "on-failure"?');
});

test('a Kubernetes document inside a compose-named file is not validated as Compose', () => {
  const text = lines('services:', '  web: {image: nginx}', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}');
  assert.deepEqual(checkCompose(text), []);
});

test('content-detected Compose files (any name) are validated too', () => {
  const found = checkCompose(lines('services:', '  web:', '    imagee: nginx'), 'file:///project/stack.yaml');
  assert.deepEqual(found.map((f) => f.code), ['unknown-field']);
});
