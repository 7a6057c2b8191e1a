import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { WorkspaceIndex } from '../../../server/src/crossref/workspaceIndex';
import { Navigation } from '../../../server/src/crossref/navigation';

/** Files under file:///ws/ with one `|` cursor marker. */
function setup(files: Record<string, string>) {
  const index = new WorkspaceIndex();
  let cursor: { uri: string; offset: number } | undefined;
  for (const [name, raw] of Object.entries(files)) {
    const uri = `file:///ws/${name}`;
    const offset = raw.indexOf('|');
    if (offset >= 0) cursor = { uri, offset };
    index.update(parseManifestFile(uri, raw.replace('|', '')));
  }
  const nav = new Navigation(index);
  const uri = cursor!.uri;
  const position = index.file(uri)!.lines.positionAt(cursor!.offset);
  const slice = (u: string, range: Range) => index.file(u)!.text.slice(index.file(u)!.lines.offsetAt(range.start), index.file(u)!.lines.offsetAt(range.end));
  const text = (loc: Location) => `${loc.uri.slice('file:///ws/'.length)}:${loc.range.start.line}:${slice(loc.uri, loc.range)}`;
  /** The new text of every file an edit touches. */
  const apply = (edit: WorkspaceEdit | undefined) => {
    const out: Record<string, string> = {};
    for (const [u, edits] of Object.entries(edit?.changes ?? {})) {
      const file = index.file(u)!;
      let result = file.text;
      for (const e of [...edits].sort((a, b) => file.lines.offsetAt(b.range.start) - file.lines.offsetAt(a.range.start))) {
        result = result.slice(0, file.lines.offsetAt(e.range.start)) + e.newText + result.slice(file.lines.offsetAt(e.range.end));
      }
      out[u.slice('file:///ws/'.length)] = result;
    }
    return out;
  };
  return { nav, uri, position, text, apply, slice };
}

const lines = (...rows: string[]) => rows.join('\n') + '\n';

// `k`/`v` are the label key and value the fixtures share; a `|` in them places the cursor.
const deploy = (k = 'app', v = 'web', ns = 'prod', name = 'web', tk = k, tv = v) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    '  labels:',
    '    app: web',
    'spec:',
    '  selector:',
    '    matchLabels:',
    `      ${k}: ${v}`,
    '      tier: frontend',
    '  template:',
    '    metadata:',
    '      labels:',
    `        ${tk}: ${tv}`,
    '        tier: frontend',
    '    spec:',
    '      containers: [{name: web, image: nginx}]',
  );
const service = (k = 'app', v = 'web', ns = 'prod') => lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', `  namespace: ${ns}`, 'spec:', '  selector:', `    ${k}: ${v}`, '    tier: frontend', '  ports: [{port: 80}]');
const policy = (k = 'app', v = 'web') =>
  lines(
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata: {name: web, namespace: prod}',
    'spec:',
    '  podSelector:',
    '    matchLabels:',
    `      ${k}: ${v}`,
    '      tier: frontend',
    '  ingress:',
    '    - from:',
    `        - podSelector: {matchLabels: {${k}: ${v}, tier: frontend}}`,
    '        - namespaceSelector: {matchLabels: {team: a}}',
    '          podSelector: {matchLabels: {app: web}}',
  );
const pdb = (k = 'app', v = 'web') =>
  lines(
    'apiVersion: policy/v1',
    'kind: PodDisruptionBudget',
    'metadata: {name: web, namespace: prod}',
    'spec:',
    '  minAvailable: 1',
    '  selector:',
    '    matchLabels: {tier: frontend}',
    '    matchExpressions:',
    `      - key: ${k}`,
    '        operator: In',
    `        values: [${v}, api]`,
  );
const batch = lines(
  'apiVersion: batch/v1',
  'kind: CronJob',
  'metadata: {name: report, namespace: prod}',
  'spec:',
  '  schedule: "@daily"',
  '  jobTemplate:',
  '    spec:',
  '      template:',
  '        metadata: {labels: {app: web, tier: batch}}',
  '        spec: {restartPolicy: Never, containers: [{name: r, image: r}]}',
);
const configMap = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: web, namespace: prod, labels: {app: web}}', 'data: {a: b}');
const staging = deploy('app', 'web', 'staging') + '---\n' + service('app', 'web', 'staging');

const workspace = (cursor: Record<string, string>) => ({
  'deploy.yaml': deploy(),
  'svc.yaml': service(),
  'np.yaml': policy(),
  'pdb.yaml': pdb(),
  'batch.yaml': batch,
  'cm.yaml': configMap,
  'staging.yaml': staging,
  ...cursor,
});

test('label value rename from a pod template: every selector of the component and its templates, nothing else', () => {
  const { nav, uri, position, apply, slice } = setup(workspace({ 'deploy.yaml': deploy('app', 'web', 'prod', 'web', 'app', 'w|eb') }));
  assert.equal(slice(uri, nav.renameRange(uri, position)!), 'web');
  const files = apply(nav.rename(uri, position, 'storefront'));
  assert.deepEqual(Object.keys(files).sort(), ['deploy.yaml', 'np.yaml', 'pdb.yaml', 'svc.yaml']);
  assert.equal(files['deploy.yaml'], deploy('app', 'storefront')); // the Deployment's own metadata.labels stay
  assert.equal(files['svc.yaml'], service('app', 'storefront'));
  assert.equal(files['np.yaml'], policy('app', 'storefront')); // the peer with a namespaceSelector stays
  assert.equal(files['pdb.yaml'], pdb('app', 'storefront')); // `api` stays
});

test('label value rename from a Service selector gives the same edit', () => {
  const a = setup(workspace({ 'svc.yaml': service('app', 'we|b') }));
  const b = setup(workspace({ 'deploy.yaml': deploy('app', 'web', 'prod', 'web', 'app', 'w|eb') }));
  assert.deepEqual(a.apply(a.nav.rename(a.uri, a.position, 'x')), b.apply(b.nav.rename(b.uri, b.position, 'x')));
});

test('label key rename from a Service selector key: matchLabels keys, template keys and matchExpressions keys', () => {
  const { nav, uri, position, apply, slice } = setup(workspace({ 'svc.yaml': service('a|pp') }));
  assert.equal(slice(uri, nav.renameRange(uri, position)!), 'app');
  const files = apply(nav.rename(uri, position, 'app.kubernetes.io/name'));
  const key = 'app.kubernetes.io/name';
  assert.deepEqual(Object.keys(files).sort(), ['deploy.yaml', 'np.yaml', 'pdb.yaml', 'svc.yaml']);
  assert.equal(files['deploy.yaml'], deploy(key));
  assert.equal(files['svc.yaml'], service(key));
  assert.equal(files['np.yaml'], policy(key));
  assert.equal(files['pdb.yaml'], pdb(key));
});

test('label key rename follows the component: a PDB expression that also selects `api` pulls in that Deployment', () => {
  const api = deploy('app', 'api', 'prod', 'api');
  const { nav, uri, position, apply } = setup({ ...workspace({ 'pdb.yaml': pdb('a|pp') }), 'api.yaml': api });
  const files = apply(nav.rename(uri, position, 'name'));
  assert.deepEqual(Object.keys(files).sort(), ['api.yaml', 'deploy.yaml', 'np.yaml', 'pdb.yaml', 'svc.yaml']);
  assert.equal(files['api.yaml'], deploy('name', 'api', 'prod', 'api'));
  // A value rename of `web` does not reach `api`.
  const value = setup({ ...workspace({ 'pdb.yaml': pdb('app', 'w|eb') }), 'api.yaml': api });
  assert.deepEqual(Object.keys(value.apply(value.nav.rename(value.uri, value.position, 'shop'))).sort(), ['deploy.yaml', 'np.yaml', 'pdb.yaml', 'svc.yaml']);
});

test('prepareRename gives the exact key or value text, in matchExpressions and inside quotes', () => {
  const key = setup(workspace({ 'pdb.yaml': pdb('ap|p') }));
  assert.equal(key.slice(key.uri, key.nav.renameRange(key.uri, key.position)!), 'app');
  const value = setup(workspace({ 'pdb.yaml': pdb('app', 'we|b') }));
  const range = value.nav.renameRange(value.uri, value.position)!;
  assert.deepEqual([range.start, range.end], [{ line: 10, character: 17 }, { line: 10, character: 20 }]);
  const quoted = setup(workspace({ 'svc.yaml': service('app', '"w|eb"') }));
  assert.equal(quoted.slice(quoted.uri, quoted.nav.renameRange(quoted.uri, quoted.position)!), 'web');
  assert.equal(quoted.apply(quoted.nav.rename(quoted.uri, quoted.position, 'shop'))['svc.yaml'], service('app', '"shop"'));
  const notLabel = setup(workspace({ 'svc.yaml': service().replace('name: web', 'name: w|eb') }));
  assert.notEqual(notLabel.slice(notLabel.uri, notLabel.nav.renameRange(notLabel.uri, notLabel.position)!), 'app');
});

test('find references from a label lists every selector using it and every template carrying it, in its component', () => {
  const { nav, uri, position, text } = setup(workspace({ 'svc.yaml': service('app', 'w|eb') }));
  assert.deepEqual(nav.references(uri, position, true).map(text).sort(), [
    'deploy.yaml:10:web',
    'deploy.yaml:15:web',
    'np.yaml:10:web',
    'np.yaml:6:web',
    'pdb.yaml:10:web',
    'svc.yaml:7:web',
  ]);
});

test('a numeric label value is renamed as a string (quoted where YAML would read a number)', () => {
  const template = deploy('version', '"2"', 'prod', 'web', 'version', '|2');
  const { nav, uri, position, apply } = setup({ 'deploy.yaml': template, 'svc.yaml': service('version', '"2"') });
  const files = apply(nav.rename(uri, position, '3'));
  assert.equal(files['deploy.yaml'], deploy('version', '"3"', 'prod', 'web', 'version', '"3"'));
  assert.equal(files['svc.yaml'], service('version', '"3"'));
  assert.equal(nav.rename(uri, position, 'not valid!'), undefined);
});

test('a null label value offers nothing to rename, and never throws', () => {
  const { nav, uri, position } = setup({ 'deploy.yaml': deploy('app', 'web', 'prod', 'web', 'app', '|'), 'svc.yaml': service() });
  assert.equal(nav.renameRange(uri, position), undefined);
  assert.doesNotThrow(() => nav.references(uri, position, true));
  assert.doesNotThrow(() => nav.definition(uri, position));
});
