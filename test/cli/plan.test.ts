import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertFinished, ensureCliBuilt, runCli, tempTree } from './harness';
import type { DeploymentRollout, Plan } from '../../server/src/shared/dryrunPlan';

const deployment = (image: string, replicas = 3) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: shop}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: "${image}"}]}
`;
const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, labels: {app: shop}}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';
const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, labels: {app: shop}}\ndata: {a: "1"}\n`;
const compose = 'services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.25\n    depends_on: [db]\n';

let tree: ReturnType<typeof tempTree>;
before(() => {
  ensureCliBuilt();
  tree = tempTree({
    'k8s/app.yaml': `${deployment('nginx:1.25')}---\n${service}---\n${configMap('old')}`,
    'demo/compose.yaml': compose,
  });
});
after(() => tree.remove());

function plan(args: string[], allowed = [0, 1]): { plan: Plan; stderr: string; status: number | null } {
  const run = runCli(['plan', '--format', 'json', ...args], tree.dir);
  assertFinished(run, allowed);
  return { plan: JSON.parse(run.stdout) as Plan, stderr: run.stderr, status: run.status };
}

describe('shipshape plan', () => {
  test('against an empty cluster: the JSON contract, kubectl lines and the new Deployment rollout', () => {
    const { plan: result, status } = plan(['k8s']);
    assert.equal(status, 0);
    assert.deepEqual(Object.keys(result).sort(), ['compose', 'objects', 'pruneSkipped', 'rollouts']);
    assert.deepEqual(result.objects.map((o) => [o.kind, o.apiVersion, o.namespace, o.name, o.action, o.message]), [
      ['Deployment', 'apps/v1', 'default', 'web', 'created', 'deployment.apps/web created'],
      ['Service', 'v1', 'default', 'web', 'created', 'service/web created'],
      ['ConfigMap', 'v1', 'default', 'old', 'created', 'configmap/old created'],
    ]);
    assert.ok(result.objects[0]!.diff.some((c) => c.path === 'spec.replicas' && c.to === 3 && !('from' in c)));
    const rollout = result.rollouts[0] as DeploymentRollout;
    assert.deepEqual(Object.keys(rollout).filter((k) => ['kind', 'namespace', 'name', 'strategy', 'maxSurge', 'maxUnavailable', 'newRevision', 'revision', 'steps'].includes(k)).length, 9);
    assert.deepEqual(rollout.steps.map((s) => Object.keys(s).sort()), [['available', 'events', 'new', 'old', 'status', 't'], ['available', 'events', 'new', 'old', 'status', 't']]);
    assert.equal(result.pruneSkipped, false);
  });

  test('--commit writes the state; the next plan sees every object unchanged and an image change rolls out', () => {
    const state = join(tree.dir, 'state', 'prod.yaml');
    const first = runCli(['plan', '--state', state, '--commit', 'k8s'], tree.dir);
    assertFinished(first, [0]);
    assert.match(first.stderr, /committed the resulting state to .*prod\.yaml/);
    const stored = readFileSync(state, 'utf8');
    assert.match(stored, /^apiVersion: v1\nitems:/);
    assert.match(stored, /kind: ReplicaSet/);
    assert.match(stored, /kubectl\.kubernetes\.io\/last-applied-configuration/);
    assert.deepEqual(plan(['--state', state, 'k8s']).plan.objects.map((o) => o.action), ['unchanged', 'unchanged', 'unchanged']);

    writeFileSync(join(tree.dir, 'k8s', 'app.yaml'), `${deployment('nginx:1.27')}---\n${service}`);
    const changed = plan(['--state', state, 'k8s']).plan;
    assert.deepEqual(changed.objects.map((o) => o.message), ['deployment.apps/web configured', 'service/web unchanged']);
    assert.deepEqual(changed.objects[0]!.diff.map((c) => [c.path, c.from, c.to]), [['spec.template.spec.containers[name=app].image', 'nginx:1.25', 'nginx:1.27']]);
    const rollout = changed.rollouts[0] as DeploymentRollout;
    assert.deepEqual(rollout.steps.map((s) => [s.new, s.old, s.available]), [[1, 3, 3], [2, 2, 3], [3, 1, 3], [3, 0, 3]]);

    // --prune -l: the ConfigMap that left the manifests is pruned; the text format prints kubectl's lines.
    const pruned = runCli(['plan', '--state', state, '--prune', '-l', 'app=shop', 'k8s'], tree.dir);
    assertFinished(pruned, [0]);
    assert.match(pruned.stdout, /^deployment\.apps\/web configured$/m);
    assert.match(pruned.stdout, /^configmap\/old pruned$/m);
    assert.match(pruned.stdout, /^ +0 +1 +3 +3  Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated\.\.\.$/m);
    writeFileSync(join(tree.dir, 'k8s', 'app.yaml'), `${deployment('nginx:1.25')}---\n${service}---\n${configMap('old')}`);
  });

  test('a rejected object exits 1 with kubectl\'s error; an unreadable state is reported and never overwritten', () => {
    const bad = tempTree({ 'bad.yaml': deployment('nginx').replace('replicas: 3', 'replicas: 3\n  strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0}}'), 'state.yaml': 'items: [\n' });
    try {
      const run = runCli(['plan', '--format', 'json', 'bad.yaml'], bad.dir);
      assertFinished(run, [1]);
      const result = JSON.parse(run.stdout) as Plan;
      assert.equal(result.objects[0]!.action, 'rejected');
      assert.match(result.objects[0]!.message, /may not be 0 when `maxSurge` is 0/);

      const broken = runCli(['plan', '--state', 'state.yaml', '--commit', 'bad.yaml'], bad.dir);
      assertFinished(broken, [2]);
      assert.match(broken.stderr, /the Kubernetes state cannot be read: YAML error/);
      assert.match(broken.stderr, /nothing was committed/);
      assert.equal(readFileSync(join(bad.dir, 'state.yaml'), 'utf8'), 'items: [\n');
    } finally {
      bad.remove();
    }
  });

  test('Compose: created services in dependency order, committed, then an image change recreates only that service', () => {
    const state = join(tree.dir, 'compose-state.yaml');
    const first = plan(['--state', state, '--commit', 'demo']).plan;
    assert.equal(first.compose.length, 1);
    const project = first.compose[0]!;
    assert.equal(project.project, 'demo');
    assert.deepEqual(project.startOrder, ['db', 'web']);
    assert.deepEqual(project.services.map((s) => [s.name, s.action]), [['db', 'create'], ['web', 'create']]);
    assert.ok(existsSync(join(tree.dir, 'compose-state.compose.yaml')), 'the Compose state is written beside the state file');

    writeFileSync(join(tree.dir, 'demo', 'compose.yaml'), compose.replace('nginx:1.25', 'nginx:1.27'));
    const next = plan(['--state', state, 'demo']).plan.compose[0]!;
    assert.deepEqual(next.services.map((s) => [s.name, s.action]), [['db', 'running'], ['web', 'recreate']]);
    assert.deepEqual(next.services[1]!.containers[0]!.progress, ['Container demo-web-1  Recreate', 'Container demo-web-1  Recreated', 'Container demo-web-1  Starting', 'Container demo-web-1  Started']);
    writeFileSync(join(tree.dir, 'demo', 'compose.yaml'), compose);
  });
});

test('the state is never planned as a manifest: .shipshape folders are skipped and --state files left out', () => {
  const dir = tempTree({ 'k8s/cm.yaml': configMap('one'), 'k8s/.shipshape/state/default.yaml': 'apiVersion: v1\nkind: List\nitems: []\n' });
  try {
    const first = runCli(['plan', '--state', 'k8s/state.yaml', '--commit', 'k8s'], dir.dir);
    assertFinished(first, [0]);
    const again = runCli(['plan', '--format', 'json', '--state', 'k8s/state.yaml', 'k8s'], dir.dir);
    assertFinished(again, [0]);
    assert.deepEqual((JSON.parse(again.stdout) as Plan).objects.map((o) => o.message), ['configmap/one unchanged']);
  } finally {
    dir.remove();
  }
});
