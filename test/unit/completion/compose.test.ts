import { test } from 'node:test';
import { check, type Expect, type Setup } from './completionHelpers';

/** compose.yaml with its override beside it: both declare names the project sees. */
const project = (services: string, rest = ''): string =>
  `services:\n  web:\n    image: nginx\n${services}\n  db:\n    image: postgres\n${rest}networks:\n  front: {}\n  back: {}\nvolumes:\n  db-data: {}\nsecrets:\n  api-key:\n    file: ./key.txt\nconfigs:\n  app-config:\n    file: ./app.conf\n`;

const setup: Setup = {
  name: 'compose.yaml',
  files: { 'compose.override.yaml': 'services:\n  cache:\n    image: redis\nnetworks:\n  debug: {}\n' },
};

interface Case {
  name: string;
  input: string;
  expect: Expect;
}

const cases: Case[] = [
  {
    name: 'service keys from the Compose schema, present ones left out',
    input: project('    $0'),
    expect: {
      has: ['build', 'ports', 'environment', 'depends_on', 'healthcheck', 'restart', 'networks'],
      not: ['image', 'services', 'x-anything'],
      insert: { depends_on: 'depends_on:\n      - $0', environment: 'environment:\n      $0', healthcheck: 'healthcheck:\n      $0', ports: 'ports:\n      - $0' },
    },
  },
  {
    name: 'everyday service keys rank first',
    input: project('    $0'),
    expect: { order: ['depends_on', 'cap_add'] },
  },
  {
    name: '`condition:` of a depends_on entry',
    input: project('    depends_on:\n      db:\n        condition: $0'),
    expect: { exactly: ['service_completed_successfully', 'service_healthy', 'service_started'] },
  },
  {
    name: 'keys of a depends_on entry',
    input: project('    depends_on:\n      db:\n        $0'),
    expect: { has: ['condition', 'required', 'restart'] },
  },
  {
    name: '`restart:` policies, `no` quoted so YAML keeps it a string',
    input: project('    restart: $0'),
    expect: { exactly: ['always', 'no', 'on-failure', 'unless-stopped'], insert: { no: '"no"' } },
  },
  {
    name: '`network_mode:` modes and `service:` of the other services',
    input: project('    network_mode: $0'),
    expect: { has: ['bridge', 'host', 'none', 'service:db', 'service:cache'], not: ['service:web'] },
  },
  {
    name: '`pull_policy:` words',
    input: project('    pull_policy: $0'),
    expect: { has: ['always', 'never', 'missing', 'build'] },
  },
  {
    name: 'booleans',
    input: project('    privileged: $0'),
    expect: { exactly: ['false', 'true'] },
  },
  {
    name: 'depends_on list items: the other services of the project, override file included',
    input: project('    depends_on:\n      - $0'),
    expect: { exactly: ['cache', 'db'] },
  },
  {
    name: 'depends_on items in a flow list',
    input: project('    depends_on: [db, $0]'),
    expect: { has: ['cache'], not: ['web'] },
  },
  {
    name: 'a line below `depends_on:` starts a list item',
    input: project('    depends_on:\n      $0'),
    expect: { has: ['db', 'cache'], insert: { db: '- db' } },
  },
  {
    name: 'depends_on written as a mapping: service names as keys',
    input: project('    depends_on:\n      db:\n        condition: service_healthy\n      $0'),
    expect: { exactly: ['cache'], insert: { cache: 'cache:\n        $0' } },
  },
  {
    name: '`links:` items',
    input: project('    links:\n      - $0'),
    expect: { exactly: ['cache', 'db'] },
  },
  {
    name: '`extends:` a service',
    input: project('    extends: $0'),
    expect: { exactly: ['cache', 'db'] },
  },
  {
    name: '`extends.service:`',
    input: project('    extends:\n      service: $0'),
    expect: { exactly: ['cache', 'db'] },
  },
  {
    name: 'service networks: the declared networks',
    input: project('    networks:\n      - $0'),
    expect: { exactly: ['back', 'debug', 'front'] },
  },
  {
    name: 'service networks as a mapping: network names as keys',
    input: project('    networks:\n      front:\n        aliases: [w]\n      $0'),
    expect: { exactly: ['back', 'debug'] },
  },
  {
    name: 'service volumes: declared volumes as `name:` prefixes, and the long-syntax keys',
    input: project('    volumes:\n      - $0'),
    expect: { has: ['db-data', 'type', 'source', 'target'], insert: { 'db-data': 'db-data:' } },
  },
  {
    name: 'long-syntax volume source',
    input: project('    volumes:\n      - type: volume\n        source: $0'),
    expect: { exactly: ['db-data'] },
  },
  {
    name: 'service secrets and configs',
    input: project('    secrets:\n      - $0\n    configs:\n      - source: app-config'),
    expect: { has: ['api-key', 'source', 'target'], not: ['app-config'] },
  },
  {
    name: 'long-syntax config source',
    input: project('    configs:\n      - source: $0'),
    expect: { exactly: ['app-config'] },
  },
  {
    name: 'healthcheck keys',
    input: project('    healthcheck:\n      $0'),
    expect: { has: ['test', 'interval', 'timeout', 'retries', 'start_period'] },
  },
  {
    name: 'top-level keys, present ones left out',
    input: `services:\n  web:\n    image: x\n$0\n`,
    expect: { has: ['networks', 'volumes', 'secrets', 'configs', 'name'], not: ['services'] },
  },
  {
    name: 'a half-typed service in a file that does not parse cleanly yet',
    input: 'services:\n  web:\n    image: nginx\n    depe$0\n  db:\n    image: postgres\n    ports: ["5432"\n',
    expect: { has: ['depends_on'], not: ['image'] },
  },
];

for (const c of cases) test(c.name, () => void check(c.input, c.expect, setup));
