// The reference's Compose examples (apply-rollout.md §9, C1/C3/C5/C7) through the same dry run the CLI
// and the panel use: the state of each step is the committed result of the step before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestFile, type ManifestFile } from '../../../server/src/documents/manifestFile';
import { runDryRun, type NextState } from '../../../server/src/dryrun/runDryRun';
import { serializeComposeState } from '../../../server/src/dryrun/compose/composeState';
import type { ComposeProjectPlan } from '../../../server/src/shared/dryrunPlan';
import { schemas } from '../helpers';

const URI = 'file:///work/demo/compose.yaml';

function up(text: string, state?: NextState): { project: ComposeProjectPlan; next: NextState } {
  const file = parseManifestFile(URI, text);
  const files = new Map<string, ManifestFile>([[URI, file]]);
  const out = runDryRun({
    files: [file],
    compose: { getFile: (uri) => files.get(uri), exists: (uri) => files.has(uri) },
    composeState: state ? serializeComposeState(state.compose) : undefined,
    schemas,
    k8sVersion: '1.35',
  });
  assert.ok(out.next, out.stateError);
  return { project: out.plan.compose[0]!, next: out.next };
}

const actions = (p: ComposeProjectPlan) => p.services.map((s) => [s.name, s.action]);

const C1 = 'services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.25\n    depends_on: [db]\n';

test('C1 an image change recreates only that service, after its dependency', () => {
  const first = up(C1);
  assert.equal(first.project.project, 'demo');
  assert.deepEqual(first.project.startOrder, ['db', 'web']);
  const second = up(C1.replace('nginx:1.25', 'nginx:1.27'), first.next);
  assert.deepEqual(actions(second.project), [['db', 'running'], ['web', 'recreate']]);
  assert.deepEqual(second.project.services[0]!.containers[0]!.progress, ['Container demo-db-1  Running']);
  assert.deepEqual(second.project.services[1]!.containers[0]!.progress, ['Container demo-web-1  Recreate', 'Container demo-web-1  Recreated', 'Container demo-web-1  Starting', 'Container demo-web-1  Started']);
});

test('C3 start order with health and completion conditions on a fresh up', () => {
  const text = `services:
  db:
    image: postgres:16
    healthcheck: {test: ["CMD", "pg_isready"]}
  migrate:
    image: app:1
    depends_on: {db: {condition: service_healthy}}
  web:
    image: app:1
    depends_on:
      db: {condition: service_healthy}
      migrate: {condition: service_completed_successfully}
`;
  const { project } = up(text);
  assert.deepEqual(project.startOrder, ['db', 'migrate', 'web']);
  assert.ok(project.resources?.includes('Network demo_default  Created'), JSON.stringify(project.resources));
  assert.deepEqual(project.errors ?? [], []);
  const log = (project.log ?? []).join('\n');
  assert.ok(log.indexOf('Container demo-db-1  Healthy') < log.indexOf('Container demo-migrate-1  Started'), log);
  assert.ok(log.indexOf('Container demo-migrate-1  Exited') < log.indexOf('Container demo-web-1  Started'), log);
  // Without a healthcheck the condition fails, and web is not started.
  const unhealthy = up(text.replace('    healthcheck: {test: ["CMD", "pg_isready"]}\n', '')).project;
  assert.ok(unhealthy.errors?.some((e) => e === 'dependency failed to start: container demo-db-1 has no healthcheck configured'), JSON.stringify(unhealthy.errors));
});

test('C5 scaling up keeps the running container and adds the next numbers; scaling down removes the highest first', () => {
  const one = up('services:\n  web:\n    image: nginx:1.25\n');
  const three = up('services:\n  web:\n    image: nginx:1.25\n    deploy: {replicas: 3}\n', one.next);
  assert.deepEqual(actions(three.project), [['web', 'scale']]);
  assert.deepEqual(three.project.services[0]!.containers.map((c) => [c.name, c.action]), [['demo-web-1', 'running'], ['demo-web-2', 'create'], ['demo-web-3', 'create']]);
  const back = up('services:\n  web:\n    image: nginx:1.25\n', three.next);
  assert.deepEqual(back.project.services[0]!.containers.map((c) => [c.name, c.action]), [['demo-web-1', 'running'], ['demo-web-3', 'remove'], ['demo-web-2', 'remove']]);
});

test('C7 edits that do not recreate: depends_on, profiles, pull_policy, scale', () => {
  const base = up('services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.25\n');
  const edited = up('services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.25\n    depends_on: [db]\n    pull_policy: always\n', base.next);
  assert.deepEqual(actions(edited.project), [['db', 'running'], ['web', 'running']]);
});

test('a project that fails the Compose schema is refused before anything is created, as docker compose refuses to load it', () => {
  const { project, next } = up('services:\n  web:\n    image: nginx:1.25\n    environmnet: {A: "1"}\n');
  assert.deepEqual(project.services, []);
  assert.equal(project.errors?.length, 1);
  assert.match(project.errors![0]!, /^validating compose\.yaml: Unknown field "environmnet" in services\.web; did you mean "environment"\? \(line 4\)$/);
  assert.deepEqual(next.compose.projects, [], 'nothing is recorded as running');
});
