import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { WorkspaceIndex } from '../../../server/src/crossref/workspaceIndex';
import { Navigation } from '../../../server/src/crossref/navigation';
import { K8sCrossref } from '../../../server/src/crossref/k8s/k8sCrossref';
import { K8S_RULES } from '../../../server/src/crossref/k8s/rules';
import { knownObjects } from '../../../server/src/crossref/k8s/knownObjects';
import { composeCrossrefDiagnostics } from '../../../server/src/crossref/compose/composeCrossref';
import { scanYamlFiles } from '../../../server/src/workspace/scanFiles';
import { checkKubernetes, schemas } from '../helpers';
import { ManifestWorkspace } from '../../../server/src/workspace/manifestWorkspace';

const lines = (...rows: string[]) => rows.join('\n') + '\n';

/**
 * Indexes the files and runs every navigation request at every offset of every file, plus
 * every Kubernetes rule (whose throws K8sCrossref would otherwise swallow silently).
 */
function exercise(files: Record<string, string>) {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(files)) index.update(parseManifestFile(`file:///ws/${name}`, text));
  const thrown: string[] = [];
  const rules = K8S_RULES.map((rule) => ({
    ...rule,
    check: (...args: Parameters<typeof rule.check>) => {
      try {
        return rule.check(...args);
      } catch (error) {
        thrown.push(`${rule.name}: ${(error as Error).stack}`);
        throw error;
      }
    },
  }));
  const crossref = new K8sCrossref(index, rules, knownObjects([]));
  const nav = new Navigation(index, { getFile: (uri) => index.file(uri), exists: (uri) => index.file(uri) !== undefined });
  const codes: string[] = [];
  const byFile: Record<string, string[]> = {};
  for (const uri of index.uris()) {
    const file = index.file(uri)!;
    const found = (file.flavor === 'compose' ? composeCrossrefDiagnostics(file, { getFile: (u) => index.file(u), exists: () => false }) : crossref.diagnostics(uri)).map((d) => String(d.code));
    byFile[uri.slice('file:///ws/'.length)] = found;
    codes.push(...found);
    nav.codeLenses(uri);
    for (let offset = 0; offset <= file.text.length; offset++) {
      const position = file.lines.positionAt(offset);
      nav.definition(uri, position);
      nav.references(uri, position, true);
      if (nav.renameRange(uri, position)) assert.ok(nav.rename(uri, position, 'renamed'), `rename offered but failed at ${uri}:${offset}`);
    }
  }
  assert.deepEqual(thrown, []);
  return { codes, byFile, nav, index };
}

const deployment = (selector: string, labels = '{app: web}') =>
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', ...selector.split('\n').map((l) => `  ${l}`), '  template:', `    metadata: {labels: ${labels}}`, '    spec: {containers: [{name: web, image: nginx}]}');

test('half-typed selectors: a clear finding or silence, navigation never throws', () => {
  const { codes, byFile } = exercise({
    'empty.yaml': deployment('selector:'),
    'null-label.yaml': deployment('selector:\n  matchLabels: {app: }'),
    'no-operator.yaml': deployment('selector:\n  matchExpressions: [{key: a, operator: }]'),
    'half-key.yaml': deployment('selector:\n  matchExpressions: [{key: , operator: In, values: []}]'),
    'svc.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector:', '  ports: [{port: 80}]'),
    'svc-null.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web2}', 'spec:', '  selector: {app: }', '  ports: [{port: 80}]'),
    'np.yaml': lines('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: np}', 'spec:', '  podSelector:', '    matchExpressions: [{key: app, operator: }]'),
    'pdb.yaml': lines('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: pdb}', 'spec:', '  minAvailable: 1', '  selector: {matchLabels: {app: }}'),
  });
  // Invalid expressions are named where they are written; a null selector is the schema's to report.
  for (const name of ['no-operator.yaml', 'half-key.yaml', 'np.yaml']) assert.ok(byFile[name]!.includes('invalid-label-selector'), `${name}: ${byFile[name]}`);
  assert.deepEqual(byFile['empty.yaml'], []);
  assert.deepEqual(checkKubernetes(deployment('selector:')).map((f) => [f.code, f.message]), [['invalid-type', 'spec.selector: expected a mapping, got null']]);
  assert.ok(codes.every((c) => !/internal/.test(c)), codes.join());
});

test('label values that are numbers or null: selectors compare them as Kubernetes reads them, navigation copes', () => {
  const { codes, nav } = exercise({
    'deploy.yaml': deployment('selector: {matchLabels: {version: 2}}', '{version: 2, track: null, app: web}'),
    'svc.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector: {version: "2"}', '  ports: [{port: 80}]'),
    'svc-null.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata: {name: other}', 'spec:', '  selector: {track: null, app: web}', '  ports: [{port: 80}]'),
  });
  assert.ok(!codes.includes('service-selector-no-pods'), codes.join());
  assert.ok(!codes.includes('workload-selector-template-mismatch'), codes.join());
  // `version: 2` in the Service (quoted) and in the template (a number) are one label.
  const refs = nav.references('file:///ws/svc.yaml', { line: 4, character: 23 }, true);
  assert.deepEqual(refs.map((r) => r.uri.slice('file:///ws/'.length)).sort(), ['deploy.yaml', 'deploy.yaml', 'svc.yaml']);
});

test('cyclic depends_on (a <-> b, and a self-dependency): findings, and navigation terminates', () => {
  const compose = lines('services:', '  a:', '    image: x', '    depends_on: [b]', '  b:', '    image: x', '    depends_on: [a]', '  c:', '    image: x', '    depends_on: [c]', '    extends: c');
  const { codes, nav } = exercise({ 'compose.yaml': compose });
  assert.deepEqual(codes.filter((c) => c === 'depends-on-cycle').length, 3);
  const edit = nav.rename('file:///ws/compose.yaml', { line: 3, character: 17 }, 'bee')!;
  assert.deepEqual(edit.changes!['file:///ws/compose.yaml']!.map((e) => e.range.start.line).sort(), [3, 4]);
});

test('a 5,000-object workspace: indexing, every diagnostic and a label rename complete with exactly the planted findings', () => {
  const workspace = new ManifestWorkspace(schemas);
  const files = 1000;
  for (let i = 0; i < files; i++) {
    const ns = `team-${i % 10}`;
    const app = `app-${i}`;
    const broken = i % 100 === 7; // its Service selects a label no pod carries
    const missing = i % 250 === 3; // its Deployment reads a ConfigMap nobody declares
    const text = [
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${app}-config, namespace: ${ns}}\ndata: {MODE: prod}`,
      `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${app}, namespace: ${ns}}`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${app}, namespace: ${ns}}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}, tier: web}}\n    spec:\n      serviceAccountName: ${app}\n      containers: [{name: main, image: nginx, ports: [{name: http, containerPort: 80}], envFrom: [{configMapRef: {name: ${missing ? 'nope' : `${app}-config`}}}]}]`,
      `apiVersion: v1\nkind: Service\nmetadata: {name: ${app}, namespace: ${ns}}\nspec:\n  selector: {app: ${broken ? 'gone' : app}}\n  ports: [{port: 80, targetPort: http}]`,
      `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: ${app}, namespace: ${ns}}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: ${app}}}`,
    ].join('\n---\n');
    workspace.update(parseManifestFile(`file:///ws/f${i}.yaml`, text));
  }
  assert.equal(workspace.index.objectCount, 5000);
  const found = new Map<string, number>();
  for (const uri of workspace.index.uris()) {
    for (const d of workspace.diagnostics(uri, { kubernetesVersion: '1.35', rules: {} })) {
      if (d.severity !== 4) found.set(String(d.code), (found.get(String(d.code)) ?? 0) + 1);
    }
  }
  assert.deepEqual(Object.fromEntries(found), { 'service-selector-no-pods': 10, 'configmap-missing': 4 });
  // `tier: web` is on every template, but no selector constrains it: only this template's label moves.
  const f0 = workspace.index.file('file:///ws/f0.yaml')!;
  const at = (needle: string, delta: number) => f0.lines.positionAt(f0.text.indexOf(needle) + delta);
  const tier = workspace.navigation.rename(f0.uri, at('tier: web', 7), 'frontend')!;
  assert.deepEqual(Object.entries(tier.changes!).map(([u, e]) => [u, e.length]), [[f0.uri, 1]]);
  // `app: app-0` links the template with its Deployment, Service and PDB selectors, not app-1..999.
  const app = workspace.navigation.references(f0.uri, at('labels: {app: app-0', 15), true);
  assert.deepEqual(app.map((l) => [l.uri, l.range.start.line]).sort(), [[f0.uri, 14], [f0.uri, 16], [f0.uri, 25], [f0.uri, 33]].sort());
});

test('a symlink loop in a workspace folder: the scan terminates, follows links into other folders once, and lists each real folder once', () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-loop-'));
  try {
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'empty'));
    writeFileSync(join(root, 'top.yaml'), 'a: 1\n');
    writeFileSync(join(root, 'a', 'x.yaml'), 'b: 1\n');
    symlinkSync('..', join(root, 'a', 'up'), 'dir'); // a/up -> root
    symlinkSync('.', join(root, 'self'), 'dir'); // self -> root
    symlinkSync('..', join(root, 'empty', 'back'), 'dir');
    symlinkSync(join(root, 'a', 'x.yaml'), join(root, 'linked.yaml')); // a linked file is still a file
    symlinkSync(join(root, 'missing.yaml'), join(root, 'dangling.yaml'));
    const shared = mkdtempSync(join(tmpdir(), 'shipshape-shared-'));
    writeFileSync(join(shared, 'common.yaml'), 'c: 1\n');
    symlinkSync(shared, join(root, 'shared'), 'dir'); // a linked folder outside the root is scanned, as by `shipshape check`
    symlinkSync(shared, join(root, 'a', 'shared-again'), 'dir'); // …once
    const found = scanYamlFiles(root, () => false).map((p) => p.slice(root.length + 1));
    // Depth first in name order: a/shared-again reaches the shared folder first, `shared` is then a repeat.
    assert.deepEqual(found, [join('a', 'shared-again', 'common.yaml'), join('a', 'x.yaml'), 'linked.yaml', 'top.yaml']);
    rmSync(shared, { recursive: true, force: true });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
