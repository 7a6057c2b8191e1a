import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { checkKubernetes, schemas } from '../helpers';
import { KubernetesVersionSchemas } from '../../../server/src/schema/kubernetesSchemas';
import { checkCompose } from '../compose/composeHelpers';
import { flattenSnippet } from '../../../server/src/completion/items';
import { check, run, type Setup } from './completionHelpers';

const REQUIRED_TEMPLATES = [
  'Deployment', 'Service', 'Ingress', 'ConfigMap', 'Secret', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'PersistentVolumeClaim',
  'HorizontalPodAutoscaler', 'NetworkPolicy', 'PodDisruptionBudget', 'ServiceAccount', 'Role', 'RoleBinding', 'Deployment + Service',
];

const where: Array<[string, string, Setup?]> = [
  ['an empty file', '$0'],
  ['an empty file with a word typed', 'Dep$0'],
  ['after `---`', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n$0'],
  ['between two documents', 'apiVersion: v1\nkind: Namespace\n---\n$0\n---\napiVersion: v1\nkind: Pod\n'],
  ['an empty document holding only a comment', '# a new resource\n$0'],
];

for (const [name, input, setup] of where) {
  test(`whole-resource templates in ${name}`, () => void check(input, { has: REQUIRED_TEMPLATES }, setup));
}

test('templates are not offered in a document that has content', () => {
  check('apiVersion: v1\n$0', { not: ['Deployment', 'Deployment + Service'], has: ['kind'] });
  check('apiVersion: v1\nkind: Pod\n---\nmetadata:\n  name: x\n$0', { not: ['Deployment'] });
});

test('a template replaces the typed word and is a snippet with tab stops', () => {
  const result = run('Dep$0');
  const item = result.item('Deployment');
  assert.equal(item.insertTextFormat, 2);
  assert.match(result.insert('Deployment'), /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}name: \$\{1:app\}/);
  assert.equal(item.detail, 'apps/v1 template');
  assert.deepEqual(item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
});

// 1.23 is left out: its generated IntOrString schema is `type: string`, so validation rejects
// `port: 8080` there whatever writes it (reported to the integrator).
for (const version of ['1.24', '1.35']) {
  test(`every template, filled with its defaults, is a valid manifest for Kubernetes ${version}`, () => {
    const result = run('$0', { version });
    for (const label of REQUIRED_TEMPLATES.concat(['Role + RoleBinding', 'Pod', 'Namespace'])) {
      const text = flattenSnippet(result.insert(label));
      assert.deepEqual(checkKubernetes(text, version), [], `${label}:\n${text}`);
    }
  });
}

test('the Deployment + Service pair lines up: selector, labels and ports match', () => {
  const text = flattenSnippet(run('$0').insert('Deployment + Service'));
  const [deployment, service] = parseAllDocuments(text).map((d) => d.toJS());
  const template = deployment.spec.template;
  assert.deepEqual(deployment.spec.selector.matchLabels, template.metadata.labels);
  assert.deepEqual(service.spec.selector, template.metadata.labels);
  const portNames = template.spec.containers.flatMap((c: { ports: Array<{ name: string }> }) => c.ports.map((p) => p.name));
  assert.ok(portNames.includes(service.spec.ports[0].targetPort), `${service.spec.ports[0].targetPort} among ${portNames.join(', ')}`);
  assert.equal(deployment.metadata.name, service.metadata.name);
});

test('the pair edits one name everywhere: every name and label is the same tab stop', () => {
  const snippet = run('$0').insert('Deployment + Service');
  assert.equal(snippet.match(/\$\{1:app\}/g)?.length, 7);
  assert.doesNotMatch(snippet, /name: app\b|app: app\b/);
});

test('templates whose apiVersions the chosen version does not serve are left out', () => {
  // A version serving core/v1 and apps/v1 kinds only.
  const served = schemas.forVersion('1.35').servedKinds().filter((k) => k.startsWith('v1/') || k.startsWith('apps/v1/'));
  const kinds = Object.fromEntries(served.map((k) => [k, { def: 'none', namespaced: true }]));
  const version = new KubernetesVersionSchemas({ version: 'test', kinds, defs: {} }, () => undefined);
  check('$0', {
    has: ['Deployment', 'Service', 'Deployment + Service', 'ConfigMap', 'Secret', 'StatefulSet', 'DaemonSet', 'PersistentVolumeClaim', 'ServiceAccount'],
    not: ['Ingress', 'Job', 'CronJob', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'PodDisruptionBudget', 'Role', 'RoleBinding'],
  }, { versionSchemas: version });
});

test('Compose: an empty compose.yaml offers file skeletons and the top-level keys', () => {
  check('$0', { has: ['Compose file', 'Compose file (app + database)', 'services', 'networks', 'volumes'], not: ['Deployment'] }, { name: 'compose.yaml' });
});

test('Compose: a new entry under services: offers service skeletons indented for the position', () => {
  const result = check('services:\n  $0\n', { has: ['service (image)', 'service (build)', 'service (with healthcheck)'] }, { name: 'compose.yaml' });
  assert.match(result.insert('service (image)'), /^\$\{1:web\}:\n {4}image: \$\{2:nginx:1\.27\}\n {4}ports:\n {6}- "/);
});

test('Compose skeletons, filled with their defaults, are valid Compose files', () => {
  const file = run('$0', { name: 'compose.yaml' });
  for (const label of ['Compose file', 'Compose file (app + database)']) {
    const text = flattenSnippet(file.insert(label));
    assert.deepEqual(checkCompose(text), [], `${label}:\n${text}`);
  }
  const services = run('services:\n  $0\n', { name: 'compose.yaml' });
  for (const label of ['service (image)', 'service (build)', 'service (with healthcheck)']) {
    const text = `services:\n  ${flattenSnippet(services.insert(label))}\n`;
    assert.deepEqual(checkCompose(text).filter((f) => f.severity === 'error'), [], `${label}:\n${text}`);
  }
});
