import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOne, lines, only } from './crossrefHelpers';

const web = ['services:', '  web:', '    image: nginx'];

test('network-undefined: list and map forms, on the name, did-you-mean at the declaration', () => {
  const found = only('network-undefined', checkOne(lines(...web, '    networks: [frontend]', '  api:', '    image: x', '    networks:', '      backend: {aliases: [api]}', 'networks:', '  front-end: {}')));
  assert.deepEqual(found, [
    {
      code: 'network-undefined', severity: 'error', line: 3, text: 'frontend',
      message: 'service "web" refers to undefined network "frontend"; did you mean "front-end"?',
      related: [{ file: 'compose.yaml', text: 'front-end', message: 'network "front-end" is declared here' }],
    },
    { code: 'network-undefined', severity: 'error', line: 7, text: 'backend', message: 'service "api" refers to undefined network "backend"' },
  ]);
});

test('network-undefined: declared networks and the implicit default are fine', () => {
  assert.deepEqual(checkOne(lines(...web, '    networks: [front, default]', 'networks:', '  front:')), []);
});

test('network-mode-with-networks: on the networks key, related to network_mode', () => {
  const found = only('network-mode-with-networks', checkOne(lines(...web, '    network_mode: bridge', '    networks: [default]')));
  assert.deepEqual(found, [
    {
      code: 'network-mode-with-networks', severity: 'error', line: 4, text: 'networks',
      message: 'service "web" declares mutually exclusive \'network_mode\' and \'networks\'',
      related: [{ file: 'compose.yaml', text: 'network_mode', message: 'network_mode is set here' }],
    },
  ]);
  assert.deepEqual(checkOne(lines(...web, '    network_mode: bridge', '    networks: []')), []);
});

test('ports-with-host-network: a Warning on ports', () => {
  const found = checkOne(lines(...web, '    network_mode: host', '    ports: ["80:80"]'));
  assert.deepEqual(found, [
    {
      code: 'ports-with-host-network', severity: 'warning', line: 4, text: 'ports',
      message: 'service "web" publishes ports, but with network_mode: host it uses the host\'s network directly and published ports are discarded',
      related: [{ file: 'compose.yaml', text: 'host', message: 'network_mode: host is set here' }],
    },
  ]);
  assert.deepEqual(checkOne(lines(...web, '    network_mode: host', '    expose: ["80"]')), []);
});

test('static-ip-outside-subnet: an address outside the declared subnet', () => {
  const found = checkOne(lines(...web, '    networks:', '      front: {ipv4_address: 10.0.0.5}', 'networks:', '  front:', '    ipam:', '      config:', '        - subnet: 172.28.0.0/16'));
  assert.deepEqual(found, [
    {
      code: 'static-ip-outside-subnet', severity: 'warning', line: 4, text: '10.0.0.5',
      message: 'service "web" sets ipv4_address 10.0.0.5 on network "front", outside its IPv4 subnets (172.28.0.0/16)',
      related: [{ file: 'compose.yaml', text: '172.28.0.0/16', message: 'subnet of network "front"' }],
    },
  ]);
});

test('static-ip-outside-subnet: a network without a configured subnet', () => {
  const found = checkOne(lines(...web, '    networks:', '      front: {ipv6_address: "2001:db8::5"}', 'networks:', '  front: {}'));
  assert.deepEqual(found.map((f) => [f.text, f.message]), [
    ['"2001:db8::5"', 'service "web" sets ipv6_address 2001:db8::5 on network "front", which declares no IPv6 subnet in ipam.config: Docker accepts static addresses only on networks with a user-configured subnet'],
  ]);
});

test('static-ip-outside-subnet: addresses inside the subnet, and external networks, are fine', () => {
  assert.deepEqual(checkOne(lines(...web, '    networks:', '      front: {ipv4_address: 172.28.1.5, ipv6_address: "2001:db8::5"}', '      ext: {ipv4_address: 1.2.3.4}', 'networks:', '  front:', '    ipam:', '      config: [{subnet: 172.28.0.0/16}, {subnet: "2001:db8::/64"}]', '  ext: {external: true}')), []);
});

test('unused-network: a Hint on a declared network nobody uses; external ones are left alone', () => {
  const found = checkOne(lines(...web, 'networks:', '  spare: {}', '  outside: {external: true}'));
  assert.deepEqual(found, [{ code: 'unused-network', severity: 'hint', line: 4, text: 'spare', message: 'network "spare" is declared but no service uses it' }]);
  assert.deepEqual(checkOne(lines(...web, 'networks:', '  default: {driver: bridge}')), []);
});

test('volume-undefined: on the source part of a short-syntax string, with did-you-mean', () => {
  const found = only('volume-undefined', checkOne(lines(...web, '    volumes:', '      - "dbdata:/var/lib/data:ro"', 'volumes:', '  db-data:')));
  assert.deepEqual(found, [
    {
      code: 'volume-undefined', severity: 'error', line: 4, text: 'dbdata',
      message: 'service "web" refers to undefined volume "dbdata"; did you mean "db-data"?',
      related: [{ file: 'compose.yaml', text: 'db-data', message: 'volume "db-data" is declared here' }],
    },
  ]);
});

test('volume-undefined: long syntax, on the source value; interpolated defaults are classified after interpolation', () => {
  const found = checkOne(lines(...web, '    volumes:', '      - type: volume', '        source: logs', '        target: /logs', '      - "${VOL:-cache}:/cache"'));
  assert.deepEqual(found.map((f) => [f.text, f.message]), [
    ['logs', 'service "web" refers to undefined volume "logs"'],
    ['${VOL:-cache}', 'service "web" refers to undefined volume "cache"'],
  ]);
});

test('mount-target-conflict: the same target twice after path.Clean, tmpfs included', () => {
  const found = checkOne(lines(...web, '    tmpfs: /run', '    volumes:', '      - ./a:/data', '      - ./b:/data/', '      - ./c:/run'));
  assert.deepEqual(found, [
    {
      code: 'mount-target-conflict', severity: 'error', line: 6, text: './b:/data/',
      message: 'service "web": target /data already mounted as volume "./a:/data"',
      related: [{ file: 'compose.yaml', text: './a:/data', message: '/data is first mounted here' }],
    },
    {
      code: 'mount-target-conflict', severity: 'error', line: 7, text: './c:/run',
      message: 'service "web": target /run already mounted as tmpfs "/run"',
      related: [{ file: 'compose.yaml', text: '/run', message: '/run is first mounted here' }],
    },
  ]);
  assert.deepEqual(checkOne(lines(...web, '    tmpfs: /run', '    volumes: ["./a:/data", "./b:/data2"]')), []);
});

test('unused-volume: a Hint; a volume mounted by any service is used', () => {
  const found = checkOne(lines(...web, '    volumes: ["used:/u"]', 'volumes:', '  used:', '  spare:'));
  assert.deepEqual(found, [{ code: 'unused-volume', severity: 'hint', line: 6, text: 'spare', message: 'volume "spare" is declared but no service mounts it' }]);
});

test('secret-undefined and config-undefined: short and long syntax, build secrets', () => {
  const found = checkOne(lines(
    ...web,
    '    build: {context: ., secrets: [npmrc]}',
    '    secrets: [api_key, {source: db_pass, target: pw}]',
    '    configs: [{source: nginx_conf, target: /etc/nginx.conf}]',
    'secrets:',
    '  api-key: {file: ./k}',
    'configs:',
    '  other: {content: x}',
  ), ['k']);
  assert.deepEqual(found.map((f) => [f.code, f.text, f.message]), [
    ['secret-undefined', 'npmrc', 'service "web" refers to undefined build secret "npmrc"'],
    ['secret-undefined', 'api_key', 'service "web" refers to undefined secret "api_key"; did you mean "api-key"?'],
    ['secret-undefined', 'db_pass', 'service "web" refers to undefined secret "db_pass"'],
    ['config-undefined', 'nginx_conf', 'service "web" refers to undefined config "nginx_conf"'],
  ]);
  assert.deepEqual(found[1]!.related, [{ file: 'compose.yaml', text: 'api-key', message: 'secret "api-key" is declared here' }]);
  const declared = lines(...web, '    build: {context: ., secrets: [npmrc]}', '    secrets: [{source: api_key, target: k}]', '    configs: [conf]', 'secrets:', '  npmrc: {environment: NPMRC}', '  api_key: {environment: KEY}', 'configs:', '  conf: {content: x}');
  assert.deepEqual(checkOne(declared), []);
});

test('secret-without-source: a secret without file, environment or external', () => {
  const found = checkOne(lines(...web, '    secrets: [a, b, c, d]', 'secrets:', '  a: {name: x}', '  b: {environment: TOKEN}', '  c: {external: true}', '  d: {file: ./d}'), ['d']);
  assert.deepEqual(found, [{ code: 'secret-without-source', severity: 'error', line: 5, text: 'a', message: 'secret "a" must declare either "file" or "environment"' }]);
});

test('model-undefined: list and map forms', () => {
  const found = checkOne(lines(...web, '    models: [llm]', '  api:', '    image: x', '    models:', '      embed: {endpoint_var: URL}', 'models:', '  llama: {model: ai/llama}'));
  assert.deepEqual(found.map((f) => [f.code, f.text, f.message]), [
    ['model-undefined', 'llm', 'service "web" refers to undefined model "llm"'],
    ['model-undefined', 'embed', 'service "api" refers to undefined model "embed"'],
  ]);
  assert.deepEqual(checkOne(lines(...web, '    models: [llama]', 'models:', '  llama: {model: ai/llama}')), []);
});

test('additional-context-service: unknown and non-buildable services', () => {
  const found = checkOne(lines(
    'services:',
    '  app:',
    '    build:',
    '      context: .',
    '      additional_contexts:',
    '        base: service:bse',
    '        tools: service:db',
    '        img: docker-image://alpine',
    '  bse2:',
    '    build: .',
    '  db:',
    '    image: postgres',
  ));
  assert.deepEqual(found.map((f) => [f.code, f.text, f.message]), [
    ['additional-context-service', 'bse', 'service "app" declares unknown service "bse" as additional contexts base; did you mean "bse2"?'],
    ['additional-context-service', 'db', 'service "app" declares non-buildable service "db" as additional contexts tools'],
  ]);
  assert.deepEqual(found[1]!.related, [{ file: 'compose.yaml', text: 'db', message: 'service "db" has no build section' }]);
  assert.deepEqual(checkOne(lines('services:', '  app:', '    build:', '      context: .', '      additional_contexts: ["base=service:lib"]', '  lib:', '    build: ./lib'), ['lib']), []);
});
