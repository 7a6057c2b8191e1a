import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml } from '../../helpers';
import { decisions, deployed, up } from './composeUpHelpers';
import { composeUp } from '../../../../server/src/dryrun/compose/composeUp';
import type { ComposeUpOptions } from '../../../../server/src/dryrun/compose/composeUp';
import type { ComposeProjectState } from '../../../../server/src/dryrun/compose/composeState';

const C1 = yaml`
  services:
    db:
      image: postgres:16
    web:
      image: nginx:1.25
      depends_on: [db]
`;

const NEW = ['create', 'Creating', 'Created', 'Starting', 'Started'];
const RUNNING = ['running', 'Running'];
const REMOVED = ['remove', 'Stopping', 'Stopped', 'Removing', 'Removed'];

/** Runs `up` of `after` against the state `before` left (or `state`) and compares the decisions. */
function check(before: string | ComposeProjectState | undefined, after: string, expected: ReturnType<typeof decisions>, options?: ComposeUpOptions): void {
  const state = typeof before === 'string' ? deployed(before, options) : before;
  const { plan } = up(after, state, options);
  assert.deepEqual(plan.errors, undefined);
  assert.deepEqual(decisions(plan), expected);
}

test('first up creates the default network and every container, dependencies first', () => {
  const { plan, next } = up(C1);
  assert.deepEqual(plan.resources, ['Network demo_default  Created']);
  assert.deepEqual(plan.startOrder, ['db', 'web']);
  assert.deepEqual(decisions(plan), {
    db: { action: 'create', reason: 'new service: 1 container', containers: { 'demo-db-1': NEW } },
    web: { action: 'create', reason: 'new service: 1 container', containers: { 'demo-web-1': NEW } },
  });
  assert.deepEqual(
    next.containers.map((c) => [c.name, c.service, c.number, c.state, c.image]),
    [
      ['demo-db-1', 'db', 1, 'running', 'postgres:16'],
      ['demo-web-1', 'web', 1, 'running', 'nginx:1.25'],
    ],
  );
  assert.deepEqual(next.networks, ['demo_default']);
  assert.match(next.containers[0]!.configHash, /^[0-9a-f]{64}$/);
});

test('C1: an image change recreates only that service, after its dependency', () => {
  const { plan } = up(C1.replace('nginx:1.25', 'nginx:1.27'), deployed(C1));
  assert.deepEqual(decisions(plan), {
    db: { action: 'running', containers: { 'demo-db-1': RUNNING } },
    web: { action: 'recreate', reason: 'image changed: nginx:1.25 → nginx:1.27', containers: { 'demo-web-1': ['recreate', 'Recreate', 'Recreated', 'Starting', 'Started'] } },
  });
  assert.deepEqual(plan.log, [
    'Container demo-db-1  Running',
    'Container demo-web-1  Recreate',
    'Container demo-web-1  Recreated',
    'Container demo-web-1  Starting',
    'Container demo-web-1  Started',
  ]);
  assert.equal(plan.resources, undefined);
  assert.deepEqual(plan.warnings, []);
});

test('C1: up of the same file again changes nothing', () => {
  const state = deployed(C1);
  const { plan, next } = up(C1, state);
  assert.deepEqual(decisions(plan), {
    db: { action: 'running', containers: { 'demo-db-1': RUNNING } },
    web: { action: 'running', containers: { 'demo-web-1': RUNNING } },
  });
  assert.deepEqual(next, state);
});

const WEB = (extra: string) => yaml`
  services:
    web:
      image: nginx:1.25
${extra}
`;

test('C5: scaling up keeps web-1 and numbers new containers after the highest', () => {
  check(WEB('      deploy: {replicas: 1}'), WEB('      deploy: {replicas: 3}'), {
    web: { action: 'scale', reason: 'scaled 1 → 3', containers: { 'demo-web-1': RUNNING, 'demo-web-2': NEW, 'demo-web-3': NEW } },
  });
  check(WEB(''), WEB('      scale: 2'), { web: { action: 'scale', reason: 'scaled 1 → 2', containers: { 'demo-web-1': RUNNING, 'demo-web-2': NEW } } });
});

test('C5: scaling down removes the highest numbers first', () => {
  const { plan, next } = up(WEB('      deploy: {replicas: 1}'), deployed(WEB('      deploy: {replicas: 3}')));
  assert.deepEqual(decisions(plan), {
    web: { action: 'scale', reason: 'scaled 3 → 1', containers: { 'demo-web-1': RUNNING, 'demo-web-3': REMOVED, 'demo-web-2': REMOVED } },
  });
  assert.deepEqual(next.containers.map((c) => c.name), ['demo-web-1']);
});

test('C5: scaling down removes obsolete containers first', () => {
  const state = deployed(WEB('      scale: 3'));
  state.containers[0]!.configHash = 'stale';
  check(state, WEB('      scale: 2'), {
    web: { action: 'scale', reason: 'scaled 3 → 2', containers: { 'demo-web-2': RUNNING, 'demo-web-3': RUNNING, 'demo-web-1': REMOVED } },
  });
});

test('C5: scale 0 removes every container and starts nothing', () => {
  check(WEB(''), WEB('      scale: 0'), { web: { action: 'scale', reason: 'scaled 1 → 0', containers: { 'demo-web-1': REMOVED } } });
});

test('C5: conflicting scale settings and container_name with scale are load errors that change nothing', () => {
  const cases: [string, string][] = [
    [WEB('      scale: 2\n      deploy: {replicas: 3}'), "services.web: can't set distinct values on 'scale' and 'deploy.replicas': invalid compose project"],
    [
      WEB('      container_name: web\n      deploy: {replicas: 2}'),
      'The "web" service is using the custom container name "web". Docker requires each container to have a unique name. Remove the custom name to scale the service',
    ],
  ];
  const state = deployed(WEB(''));
  for (const [text, error] of cases) {
    const { plan, next } = up(text, state);
    assert.deepEqual(plan.errors, [error]);
    assert.deepEqual(plan.services, []);
    assert.deepEqual(next, state);
  }
  assert.equal(up(WEB('      scale: 2\n      deploy: {replicas: 2}')).plan.errors, undefined);
});

const BASE = yaml`
  services:
    db:
      image: postgres:16
    web:
      image: nginx:1.25
      ports: ["8080:80"]
      configs: [app]
  configs:
    app:
      content: v1
`;

/** BASE with one replacement, which must apply. */
function edit(from: string, to: string): string {
  assert.ok(BASE.includes(from), from);
  return BASE.replace(from, to);
}

/** BASE with one more line in the web service. */
function add(line: string): string {
  return edit('    configs: [app]', `    configs: [app]\n    ${line}`);
}

test('C7: edits that do not recreate', () => {
  const edits: [string, string, ComposeUpOptions?][] = [
    ['depends_on', add('depends_on: [db]')],
    ['profiles', add('profiles: [front]'), { environment: { COMPOSE_PROFILES: 'front' } }],
    ['pull_policy', add('pull_policy: always')],
    ['deploy.replicas', add('deploy: {replicas: 1}')],
    ['scale', add('scale: 1')],
    ['build', add('build: ./web')],
    ['configs content', edit('content: v1', 'content: v2')],
    ['ports in long syntax', edit('ports: ["8080:80"]', 'ports: [{target: 80, published: 8080}]')],
  ];
  const state = deployed(BASE);
  for (const [what, text, options] of edits) {
    const { plan } = up(text, state, options);
    assert.deepEqual(decisions(plan), { db: { action: 'running', containers: { 'demo-db-1': RUNNING } }, web: { action: 'running', containers: { 'demo-web-1': RUNNING } } }, what);
  }
});

test('edits that recreate: environment, ports, command, labels, networks, healthcheck', () => {
  const edits: [string, string][] = [
    ['environment', add('environment: [MODE=prod]')],
    ['ports', edit('8080:80', '8081:80')],
    ['command', add('command: nginx -g "daemon off;"')],
    ['labels', add('labels: [team=web]')],
    ['networks', add('networks: [front]') + 'networks:\n  front: {}\n'],
    ['healthcheck', add('healthcheck: {test: [CMD, true]}')],
  ];
  const state = deployed(BASE);
  for (const [what, text] of edits) {
    const result = decisions(up(text, state).plan);
    assert.equal(result.web?.action, 'recreate', what);
    assert.equal(result.web?.reason, 'configuration changed (config hash differs)', what);
    assert.equal(result.db?.action, 'running', what);
  }
});

test('--force-recreate recreates everything; --no-recreate keeps diverged containers', () => {
  const recreate = ['recreate', 'Recreate', 'Recreated', 'Starting', 'Started'];
  check(C1, C1, {
    db: { action: 'recreate', reason: '--force-recreate', containers: { 'demo-db-1': recreate } },
    web: { action: 'recreate', reason: '--force-recreate', containers: { 'demo-web-1': recreate } },
  }, { forceRecreate: true });
  check(C1, C1.replace('nginx:1.25', 'nginx:1.27'), {
    db: { action: 'running', containers: { 'demo-db-1': RUNNING } },
    web: { action: 'running', containers: { 'demo-web-1': RUNNING } },
  }, { noRecreate: true });
});

const WITH_OLD = C1 + '  old:\n    image: busybox\n';

test('orphans are reported with Compose\'s warning and kept', () => {
  const { plan, next } = up(C1, deployed(WITH_OLD));
  assert.deepEqual(plan.orphans, ['demo-old-1']);
  assert.deepEqual(plan.warnings, [
    'Found orphan containers ([demo-old-1]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.',
  ]);
  assert.equal(plan.removedOrphans, undefined);
  assert.ok(next.containers.some((c) => c.name === 'demo-old-1' && c.state === 'running'));
});

test('--remove-orphans stops and removes them, finished one-off containers included', () => {
  const state = deployed(WITH_OLD);
  state.containers.push({ name: 'demo-web-run-1a2b', service: 'web', number: 1, state: 'exited', exitCode: 0, image: 'nginx:1.25', configHash: 'x', oneOff: true });
  state.containers.push({ name: 'demo-web-run-3c4d', service: 'web', number: 2, state: 'running', image: 'nginx:1.25', configHash: 'x', oneOff: true });
  const { plan, next } = up(C1, state, { removeOrphans: true });
  assert.deepEqual(plan.orphans, ['demo-old-1', 'demo-web-run-1a2b']);
  assert.deepEqual(plan.warnings, []);
  assert.deepEqual(
    plan.removedOrphans?.map((c) => [c.name, c.action, ...c.progress]),
    ['demo-old-1', 'demo-web-run-1a2b'].map((n) => [n, 'remove', ...['Stopping', 'Stopped', 'Removing', 'Removed'].map((w) => `Container ${n}  ${w}`)]),
  );
  assert.deepEqual(next.containers.map((c) => c.name), ['demo-db-1', 'demo-web-1', 'demo-web-run-3c4d']);
});

test('containers of profile-disabled services are neither orphans nor touched', () => {
  const state = deployed(WITH_OLD);
  const { plan, next } = up(WITH_OLD.replace('    image: busybox', '    image: busybox\n    profiles: [debug]'), state);
  assert.deepEqual(plan.orphans, []);
  assert.deepEqual(Object.keys(decisions(plan)), ['db', 'web']);
  assert.deepEqual(next.containers, state.containers);
});

test('exited containers are started again; a new named volume is created', () => {
  const state = deployed(C1);
  state.containers[1]!.state = 'exited';
  state.containers[1]!.exitCode = 137;
  const { plan, next } = up(C1, state);
  assert.deepEqual(decisions(plan).web, { action: 'start', reason: '1 container not running', containers: { 'demo-web-1': ['start', 'Starting', 'Started'] } });
  assert.deepEqual([next.containers[1]?.state, next.containers[1]?.exitCode], ['running', undefined]);
  const withVolume = up(C1 + '    volumes: ["data:/data", "./conf:/etc/conf"]\nvolumes:\n  data: {}\n', state);
  assert.deepEqual(withVolume.plan.resources, ['Volume demo_data  Created']);
  assert.deepEqual(withVolume.next.volumes, ['demo_data']);
});

test('plain objects work as input, and the result is deterministic', () => {
  const value = { services: { web: { image: 'nginx', environment: ['B=2', 'A=1'] }, db: { image: 'postgres' } } };
  const first = composeUp(value, 'shop', undefined);
  assert.deepEqual(first, composeUp(structuredClone(value), 'shop', undefined));
  assert.deepEqual(first.plan.startOrder, ['db', 'web']);
  assert.deepEqual(first.next.containers.map((c) => c.name), ['shop-db-1', 'shop-web-1']);
  // The same environment written as a map hashes the same: nothing to recreate.
  const again = composeUp({ services: { web: { image: 'nginx', environment: { A: 1, B: '2' } }, db: { image: 'postgres' } } }, 'shop', first.next);
  assert.deepEqual(again.plan.services.map((s) => s.action), ['running', 'running']);
});
