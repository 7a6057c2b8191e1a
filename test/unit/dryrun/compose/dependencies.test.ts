import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml } from '../../helpers';
import { decisions, deployed, up } from './composeUpHelpers';
import type { ComposeUpOptions } from '../../../../server/src/dryrun/compose/composeUp';

const C3 = yaml`
  services:
    db:
      image: postgres:16
      healthcheck:
        test: [CMD, pg_isready]
    migrate:
      image: app:1
      command: migrate
      depends_on:
        db: {condition: service_healthy}
    web:
      image: app:1
      depends_on:
        db: {condition: service_healthy}
        migrate: {condition: service_completed_successfully}
`;

/** The text with one replacement, which must apply. */
function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.split(from).join(to);
}

test('C3: fresh up creates db → migrate → web, then starts each after its conditions hold', () => {
  const { plan, next } = up(C3);
  assert.deepEqual(plan.startOrder, ['db', 'migrate', 'web']);
  assert.deepEqual(plan.errors, undefined);
  assert.deepEqual(plan.log, [
    'Network demo_default  Created',
    ...['db', 'migrate', 'web'].flatMap((s) => [`Container demo-${s}-1  Creating`, `Container demo-${s}-1  Created`]),
    'Container demo-db-1  Starting',
    'Container demo-db-1  Started',
    'Container demo-db-1  Waiting',
    'Container demo-db-1  Healthy',
    'Container demo-migrate-1  Starting',
    'Container demo-migrate-1  Started',
    'Container demo-db-1  Waiting',
    'Container demo-db-1  Healthy',
    'Container demo-migrate-1  Waiting',
    'Container demo-migrate-1  Exited',
    'Container demo-web-1  Starting',
    'Container demo-web-1  Started',
  ]);
  assert.deepEqual(plan.services.find((s) => s.name === 'migrate')?.waits, ['Container demo-db-1  Waiting', 'Container demo-db-1  Healthy']);
  assert.deepEqual(
    next.containers.map((c) => [c.name, c.state, c.exitCode, c.health]),
    [
      ['demo-db-1', 'running', undefined, 'healthy'],
      ['demo-migrate-1', 'exited', 0, undefined],
      ['demo-web-1', 'running', undefined, undefined],
    ],
  );
});

/** Runs `up` of a text and compares errors, warnings and which services ended up started. */
function check(text: string, options: ComposeUpOptions, expected: { errors?: string[]; warnings?: string[]; states: Record<string, string> }): void {
  const { plan, next } = up(text, undefined, options);
  assert.deepEqual(plan.errors, expected.errors);
  assert.deepEqual(plan.warnings, expected.warnings ?? []);
  assert.deepEqual(Object.fromEntries(next.containers.map((c) => [c.service, c.state])), expected.states);
}

test('C3 failure oracles: failed dependencies stop their dependents', () => {
  check(C3, { outcomes: { migrate: { exitCode: 1 } } }, {
    errors: ['service "migrate" didn\'t complete successfully: exit 1'],
    states: { db: 'running', migrate: 'exited', web: 'created' },
  });
  check(edit(C3, '    healthcheck:\n      test: [CMD, pg_isready]\n', ''), {}, {
    errors: ['dependency failed to start: container demo-db-1 has no healthcheck configured'],
    states: { db: 'running', migrate: 'created', web: 'created' },
  });
  check(C3, { outcomes: { db: { health: 'unhealthy' } } }, {
    errors: ['dependency failed to start: container demo-db-1 is unhealthy'],
    states: { db: 'running', migrate: 'created', web: 'created' },
  });
  const { plan } = up(C3, undefined, { outcomes: { migrate: { exitCode: 1 } } });
  const web = plan.services.find((s) => s.name === 'web')!;
  assert.equal(web.reason, 'new service: 1 container; not started: dependency migrate failed');
  assert.deepEqual(web.containers[0]?.progress, ['Container demo-web-1  Creating', 'Container demo-web-1  Created']);
  assert.deepEqual(web.waits, ['Container demo-db-1  Waiting', 'Container demo-db-1  Healthy', 'Container demo-migrate-1  Waiting', 'Container demo-migrate-1  Error']);
});

test('C3 with required: false: the failures become warnings and web starts', () => {
  const optional = edit(edit(C3, '{condition: service_healthy}', '{condition: service_healthy, required: false}'), '{condition: service_completed_successfully}', '{condition: service_completed_successfully, required: false}');
  check(optional, { outcomes: { migrate: { exitCode: 1 } } }, {
    warnings: ['optional dependency "migrate" didn\'t complete successfully: exit 1'],
    states: { db: 'running', migrate: 'exited', web: 'running' },
  });
  check(optional, { outcomes: { db: { health: 'unhealthy' } } }, {
    warnings: ['optional dependency "db" failed to start: container demo-db-1 is unhealthy', 'optional dependency "db" failed to start: container demo-db-1 is unhealthy'],
    states: { db: 'running', migrate: 'exited', web: 'running' },
  });
});

test('service_healthy on a one-shot service fails with its exit code', () => {
  const text = yaml`
    services:
      init:
        image: busybox
      app:
        image: app:1
        depends_on:
          init: {condition: service_healthy}
  `;
  check(text, { outcomes: { init: { exitCode: 0 } } }, { errors: ['dependency failed to start: container demo-init-1 exited (0)'], states: { app: 'created', init: 'exited' } });
  // An outcome can stand for a healthcheck baked into the image.
  check(text, { outcomes: { init: { health: 'healthy' } } }, { states: { app: 'running', init: 'running' } });
});

test('cycles are load errors', () => {
  const two = yaml`
    services:
      a: {image: x, depends_on: [b]}
      b: {image: x, depends_on: [a]}
      c: {image: x}
  `;
  const three = yaml`
    services:
      a: {image: x, depends_on: [b]}
      b: {image: x, depends_on: [c]}
      c: {image: x, links: [a]}
  `;
  for (const [text, error] of [[two, 'cycle found: a -> b -> a'], [three, 'cycle found: a -> b -> c -> a']] as const) {
    const { plan, next } = up(text);
    assert.deepEqual(plan.errors, [error]);
    assert.deepEqual(plan.startOrder, []);
    assert.deepEqual(next.containers, []);
  }
});

test('missing and profile-disabled dependencies', () => {
  const cases: [string, ComposeUpOptions, { errors?: string[]; warnings?: string[]; states: Record<string, string> }][] = [
    ['depends_on: [cache]', {}, { errors: ['service "web" depends on undefined service "cache": invalid compose project'], states: {} }],
    ['depends_on: {cache: {condition: service_started, required: false}}', {}, { warnings: ['web is missing dependency cache'], states: { db: 'running', web: 'running' } }],
    ['depends_on: [db]\n    network_mode: "service:vpn"', {}, { errors: ['service "web" depends on undefined service "vpn": invalid compose project'], states: {} }],
    ['depends_on: [db]\n  db:\n    image: postgres\n    profiles: [debug, tools]', {}, { errors: ['service db is required by web but is disabled. Can be enabled by profiles [debug tools]'], states: {} }],
    ['depends_on: [db]\n  db:\n    image: postgres\n    profiles: [debug]', { environment: { COMPOSE_PROFILES: 'debug' } }, { states: { db: 'running', web: 'running' } }],
    ['depends_on: {db: {condition: service_healthy, required: false}}\n  db:\n    image: postgres\n    profiles: [debug]', {}, { states: { web: 'running' } }],
  ];
  for (const [web, options, expected] of cases) {
    const text = `services:\n  web:\n    image: nginx\n    ${web}\n` + (web.includes('  db:') ? '' : '  db:\n    image: postgres\n');
    check(text, options, expected);
  }
});

test('start order: dependencies first, ties by name, implicit dependencies included', () => {
  const text = yaml`
    services:
      zeta: {image: x}
      alpha: {image: x, volumes_from: [zeta]}
      mid: {image: x, links: ["alpha:a"]}
      beta: {image: x, ipc: "service:mid"}
      gamma: {image: x}
  `;
  assert.deepEqual(up(text).plan.startOrder, ['gamma', 'zeta', 'alpha', 'mid', 'beta']);
});

test('restart: true stops dependents while their dependency is recreated and starts them again', () => {
  const text = yaml`
    services:
      db:
        image: postgres:16
      web:
        image: nginx
        depends_on:
          db: {condition: service_started, restart: true}
      worker:
        image: worker
        depends_on: [db]
  `;
  const { plan } = up(text.replace('postgres:16', 'postgres:17'), deployed(text));
  assert.deepEqual(decisions(plan), {
    db: { action: 'recreate', reason: 'image changed: postgres:16 → postgres:17', containers: { 'demo-db-1': ['recreate', 'Recreate', 'Recreated', 'Starting', 'Started'] } },
    web: {
      action: 'start',
      reason: 'restarted: db was recreated (depends_on restart: true)',
      containers: { 'demo-web-1': ['start', 'Stopping', 'Stopped', 'Starting', 'Started'] },
    },
    worker: { action: 'running', containers: { 'demo-worker-1': ['running', 'Running'] } },
  });
  assert.deepEqual(plan.log?.slice(0, 4), ['Container demo-web-1  Stopping', 'Container demo-web-1  Stopped', 'Container demo-db-1  Recreate', 'Container demo-db-1  Recreated']);
});

test('recreating a service recreates those sharing its namespace (network_mode: service:x)', () => {
  const text = yaml`
    services:
      vpn: {image: "vpn:1"}
      app: {image: app, network_mode: "service:vpn"}
  `;
  const result = decisions(up(text.replace('vpn:1', 'vpn:2'), deployed(text)).plan);
  assert.equal(result.vpn?.action, 'recreate');
  assert.equal(result.app?.action, 'recreate');
  assert.equal(result.app?.reason, 'configuration changed (config hash differs)');
});
