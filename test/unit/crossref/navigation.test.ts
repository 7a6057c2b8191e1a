import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { WorkspaceIndex } from '../../../server/src/crossref/workspaceIndex';
import { Navigation } from '../../../server/src/crossref/navigation';

/** Files with a `|` cursor marker in one of them; returns the index, the navigation and the cursor. */
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
  const position = cursor ? index.file(cursor.uri)!.lines.positionAt(cursor.offset) : { line: 0, character: 0 };
  const text = (loc: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) => {
    const file = index.file(loc.uri)!;
    return `${loc.uri.slice('file:///ws/'.length)}:${loc.range.start.line}:${file.text.slice(file.lines.offsetAt(loc.range.start), file.lines.offsetAt(loc.range.end)).split('\n')[0]}`;
  };
  return { nav, uri: cursor?.uri ?? '', position, text, index };
}

const deployment = (configRef: string, labels = '{app: web}', ns = '') =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: web${ns}}`,
    'spec:',
    `  selector: {matchLabels: ${labels}}`,
    '  template:',
    `    metadata: {labels: ${labels}}`,
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx',
    `          envFrom: [{configMapRef: {name: ${configRef}}}]`,
    '',
  ].join('\n');
const configMap = (name: string, ns?: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}data: {a: b}\n`;
const service = (selector = 'app: web') => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {${selector}}\n  ports: [{port: 80}]\n`;

test('go to definition from a configMapRef name to the ConfigMap', () => {
  const { nav, uri, position, text } = setup({ 'deploy.yaml': deployment('set|tings'), 'cm.yaml': configMap('settings') });
  assert.deepEqual(nav.definition(uri, position).map(text), ['cm.yaml:3:settings']);
});

test('go to definition from a Service selector to every pod template it selects', () => {
  const { nav, uri, position, text } = setup({
    'svc.yaml': service('a|pp: web'),
    'a.yaml': deployment('x'),
    'b.yaml': deployment('x').replace('name: web}', 'name: web-canary}'),
    'c.yaml': deployment('x', '{app: other}').replace('name: web}', 'name: other}'),
  });
  assert.deepEqual(nav.definition(uri, position).map(text).sort(), ['a.yaml:6:{app: web}', 'b.yaml:6:{app: web}']);
});

test('find references from a ConfigMap to everything that points at it, not namesakes in other namespaces', () => {
  const { nav, uri, position, text } = setup({
    'cm.yaml': configMap('sett|ings', 'prod'),
    'a.yaml': deployment('settings').replace('name: web}', 'name: web, namespace: prod}'),
    'b.yaml': deployment('settings').replace('name: web}', 'name: web, namespace: dev}'),
  });
  assert.deepEqual(nav.references(uri, position, true).map(text), ['cm.yaml:3:settings', 'a.yaml:11:settings']);
});

test('rename a ConfigMap updates the declaration and every reference in one WorkspaceEdit', () => {
  const { nav, uri, position } = setup({
    'cm.yaml': configMap('sett|ings'),
    'a.yaml': deployment('settings'),
    'other.yaml': configMap('settings', 'elsewhere'),
  });
  assert.ok(nav.renameRange(uri, position));
  const edit = nav.rename(uri, position, 'app-settings')!;
  assert.deepEqual(Object.keys(edit.changes!).sort(), ['file:///ws/a.yaml', 'file:///ws/cm.yaml']);
  assert.deepEqual(edit.changes!['file:///ws/a.yaml']!.map((e) => [e.range.start.line, e.newText]), [[11, 'app-settings']]);
});

test('rename from a reference site renames the target too', () => {
  const { nav, uri, position } = setup({ 'a.yaml': deployment('sett|ings'), 'cm.yaml': configMap('settings') });
  const edit = nav.rename(uri, position, 'renamed')!;
  assert.deepEqual(Object.keys(edit.changes!).sort(), ['file:///ws/a.yaml', 'file:///ws/cm.yaml']);
});

test('code lens on a Service says how many pod templates it selects', () => {
  const { nav, index } = setup({ 'svc.yaml': service(), 'a.yaml': deployment('x'), 'none.yaml': service('app: nothing').replace('name: web}', 'name: idle}') });
  assert.equal(index.uris().length, 3);
  assert.deepEqual(nav.codeLenses('file:///ws/svc.yaml').map((l) => l.command?.title), ['selects 1 pod template: Deployment web']);
  assert.deepEqual(nav.codeLenses('file:///ws/none.yaml').map((l) => l.command?.title), ['selects no pod templates']);
});
