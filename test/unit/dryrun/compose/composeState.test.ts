import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml } from '../../helpers';
import { parseComposeState, serializeComposeState, type ComposeState } from '../../../../server/src/dryrun/compose/composeState';
import { deployed } from './composeUpHelpers';

/** Parses a state file and compares the error message (or the state). */
function check(text: string, expected: { error: string } | { state: ComposeState }): void {
  assert.deepEqual(parseComposeState(text), expected);
}

const CONTAINER = 'name: demo-web-1, service: web, number: 1, state: running, image: nginx, configHash: abc';

test('empty files are an empty environment', () => {
  for (const text of ['', '# nothing yet\n', 'projects: []\n', 'projects:\n']) check(text, { state: { projects: [] } });
});

test('bad state files give one message saying where', () => {
  const cases: [string, string][] = [
    ['projects: [\n', 'invalid YAML at line 2, column 1: '],
    ['- a\n', 'state: expected a mapping with "projects", got a list'],
    ['projects: {}\n', 'projects: expected a list, got object'],
    ['projects: [{containers: []}]\n', 'projects[0].name: expected a non-empty string, got undefined'],
    [`projects: [{name: demo, containers: [{${CONTAINER.replace('running', 'sleeping')}}]}]\n`, 'projects[0].containers[0].state: expected one of running, exited, created, paused, restarting, dead, got "sleeping"'],
    [`projects: [{name: demo, containers: [{${CONTAINER.replace('number: 1', 'number: 0')}}]}]\n`, 'projects[0].containers[0].number: expected a positive integer, got number'],
    [`projects: [{name: demo, containers: [{${CONTAINER}, exitCode: "1"}]}]\n`, 'projects[0].containers[0].exitCode: expected an integer, got "1"'],
    [`projects: [{name: demo, containers: [{${CONTAINER}, health: ok}]}]\n`, 'projects[0].containers[0].health: expected one of healthy, unhealthy, starting, got "ok"'],
    [`projects: [{name: demo, containers: [{${CONTAINER}, oneOff: yes}]}]\n`, 'projects[0].containers[0].oneOff: expected true or false, got "yes"'],
    [`projects: [{name: demo, containers: [{${CONTAINER.replace(', configHash: abc', '')}}]}]\n`, 'projects[0].containers[0].configHash: expected a non-empty string, got undefined'],
    ['projects: [{name: demo, networks: [1]}]\n', 'projects[0].networks[0]: expected a non-empty string, got number'],
    ['projects: [{name: demo}, {name: demo}]\n', 'projects[1].name: project "demo" is listed twice'],
    ['projects: []\nprojects: []\n', 'invalid YAML at line 2, column 1: '],
  ];
  for (const [text, message] of cases) {
    const result = parseComposeState(text);
    assert.ok('error' in result, text);
    if (message.endsWith(': ')) assert.ok(result.error.startsWith(message), `${result.error} ≠ ${message}`);
    else assert.equal(result.error, message);
  }
});

test('serialize: fixed order and keys, optional fields only when set', () => {
  const state: ComposeState = {
    projects: [
      {
        name: 'demo',
        networks: ['demo_default'],
        volumes: [],
        containers: [
          { name: 'demo-web-2', service: 'web', number: 2, state: 'exited', image: 'nginx', configHash: 'abc', exitCode: 137 },
          { name: 'demo-db-1', service: 'db', number: 1, state: 'running', image: 'postgres', configHash: 'def', health: 'healthy', oneOff: false },
        ],
      },
      { name: 'api', networks: [], volumes: ['api_data'], containers: [] },
    ],
  };
  assert.equal(
    serializeComposeState(state),
    yaml`
      projects:
        - name: api
          networks: []
          volumes:
            - api_data
          containers: []
        - name: demo
          networks:
            - demo_default
          volumes: []
          containers:
            - name: demo-db-1
              service: db
              number: 1
              state: running
              image: postgres
              configHash: def
              health: healthy
            - name: demo-web-2
              service: web
              number: 2
              state: exited
              image: nginx
              configHash: abc
              exitCode: 137
    `,
  );
});

test('round trip of a state made by up', () => {
  const project = deployed(yaml`
    services:
      db: {image: postgres, healthcheck: {test: [CMD, pg_isready]}}
      init: {image: busybox}
      web: {image: nginx, scale: 2, depends_on: {init: {condition: service_completed_successfully}}, volumes: ["data:/data"]}
    volumes:
      data: {}
  `);
  const state: ComposeState = { projects: [project] };
  const text = serializeComposeState(state);
  assert.deepEqual(parseComposeState(text), { state });
  assert.equal(serializeComposeState((parseComposeState(text) as { state: ComposeState }).state), text);
  assert.deepEqual(
    project.containers.map((c) => [c.name, c.state, c.exitCode, c.health]),
    [
      ['demo-db-1', 'running', undefined, 'healthy'],
      ['demo-init-1', 'exited', 0, undefined],
      ['demo-web-1', 'running', undefined, undefined],
      ['demo-web-2', 'running', undefined, undefined],
    ],
  );
  assert.deepEqual([project.networks, project.volumes], [['demo_default'], ['demo_data']]);
});
