import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { WorkspaceIndex } from '../../../server/src/crossref/workspaceIndex';
import { workspaceSymbols } from '../../../server/src/symbols/workspaceSymbols';
import { fuzzyScore } from '../../../server/src/symbols/fuzzyMatch';
import { yaml } from '../helpers';
import { kindName } from './symbolHelpers';

const files: Record<string, string> = {
  'web.yaml': yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: prod
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: web, namespace: prod}
  `,
  'config.yaml': yaml`
    apiVersion: v1
    kind: List
    items:
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: web-settings}
      - apiVersion: v1
        kind: Secret
        metadata: {name: db-password}
  `,
  'compose.yaml': yaml`
    services:
      webapp:
        image: nginx
      db:
        image: postgres
    networks:
      backend: {}
  `,
  'notes.yaml': 'title: web\n',
};

function index(): WorkspaceIndex {
  const out = new WorkspaceIndex();
  for (const [name, text] of Object.entries(files)) out.update(parseManifestFile(`file:///ws/${name}`, text));
  return out;
}

/** Results as `Kind label @file:line:col (container)`, best first. */
function check(name: string, query: string, expected: string[], limit?: number): void {
  test(name, () => {
    const found = workspaceSymbols(index(), query, limit);
    const rendered = found.map((s) => `${kindName(s.kind)} ${s.name} @${s.location.uri.slice('file:///ws/'.length)}:${s.location.range.start.line + 1}:${s.location.range.start.character + 1} (${s.containerName})`);
    assert.deepEqual(rendered, expected);
  });
}

check('a name finds every object so named, located at its name', 'web', [
  'Class Deployment web @web.yaml:4:9 (prod · web.yaml)',
  'Interface Service web @web.yaml:9:18 (prod · web.yaml)',
  'Object ConfigMap web-settings @config.yaml:6:22 (config.yaml)',
  'Class service webapp @compose.yaml:2:3 (compose.yaml)',
]);
check('a fuzzy subsequence across kind and name', 'depw', ['Class Deployment web @web.yaml:4:9 (prod · web.yaml)']);
check('kind and name separated by a space', 'secret db', ['Object Secret db-password @config.yaml:9:22 (config.yaml)']);
check('case is ignored; the whole name ranks first, letters spread over a label last', 'DB', [
  'Class service db @compose.yaml:4:3 (compose.yaml)',
  'Object Secret db-password @config.yaml:9:22 (config.yaml)',
  'Class Deployment web @web.yaml:4:9 (prod · web.yaml)',
]);
check('Compose networks are found too', 'backend', ['Interface network backend @compose.yaml:7:3 (compose.yaml)']);
check('nothing matches', 'zzz', []);
check('an empty query lists everything by label, up to the limit', '', ['Object ConfigMap web-settings @config.yaml:6:22 (config.yaml)', 'Class Deployment web @web.yaml:4:9 (prod · web.yaml)'], 2);

const scores: Array<[string, string, boolean]> = [
  ['web', 'web', true],
  ['wb', 'web', true],
  ['bew', 'web', false],
  ['cm', 'ConfigMap settings', true],
  ['', 'anything', true],
];

for (const [query, label, matches] of scores) {
  test(`fuzzy "${query}" ${matches ? 'matches' : 'does not match'} "${label}"`, () => assert.equal(fuzzyScore(query, label) !== undefined, matches));
}

test('word starts and runs score above scattered letters', () => {
  assert.ok(fuzzyScore('web', 'Deployment web')! > fuzzyScore('web', 'somewhere-else-b')!, 'a whole word beats letters spread out');
  assert.ok(fuzzyScore('ws', 'web-settings')! > fuzzyScore('ws', 'answers')!, 'word starts beat inner letters');
  assert.ok(fuzzyScore('web', 'web')! > fuzzyScore('web', 'cobweb')!, 'a prefix beats a suffix');
});

test('results are capped (500 by default)', () => {
  const big = new WorkspaceIndex();
  const text = Array.from({ length: 600 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}}\n`).join('---\n');
  big.update(parseManifestFile('file:///ws/big.yaml', text));
  assert.equal(workspaceSymbols(big, 'cm').length, 500);
  assert.equal(workspaceSymbols(big, 'cm', 20).length, 20);
});
