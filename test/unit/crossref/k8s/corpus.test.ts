import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { aboveHint, ofCode, workspace } from './crossrefHelpers';
import { yamlFiles } from '../../corpusFiles';

/**
 * Real, deployable manifests written by other projects (../shared/corpus, whose README says
 * which folders are valid): indexed as one workspace each, they must give no cross-reference
 * finding above Hint. Then breaks injected into an in-memory copy must be found.
 */
const CORPUS = join(__dirname, '../../../../../shared/corpus/k8s');
const VALID = ['microservices-demo/kubernetes-manifests', 'example-voting-app', 'kubernetes-examples/web/guestbook'];


function load(folder: string): Record<string, string> {
  const root = join(CORPUS, folder);
  return Object.fromEntries(yamlFiles(root).map((path) => [relative(root, path), readFileSync(path, 'utf8')]));
}

for (const folder of VALID) {
  test(`corpus ${folder}: no cross-reference finding above Hint`, () => {
    const files = load(folder);
    assert.ok(Object.keys(files).length >= 3, 'the corpus folder is there');
    const found = workspace(files).findings();
    assert.deepEqual(aboveHint(found).map((f) => `${f.uri}:${f.line + 1} ${f.code} ${f.message}`), []);
  });
}

/** Replaces exactly one occurrence of `from` in a file of the in-memory copy. */
function inject(files: Record<string, string>, name: string, from: string, to: string): Record<string, string> {
  const text = files[name]!;
  assert.equal(text.split(from).length, 2, `"${from}" occurs once in ${name}`);
  return { ...files, [name]: text.replace(from, to) };
}

test('corpus microservices-demo with injected breaks: a renamed Service selector value and a misspelt ServiceAccount are found', () => {
  const original = load('microservices-demo/kubernetes-manifests');
  // cartservice's Service selects `app: cartservice`; the rename leaves it selecting nothing.
  let files = inject(original, 'cartservice.yaml', 'type: ClusterIP\n  selector:\n    app: cartservice', 'type: ClusterIP\n  selector:\n    app: cartservise');
  // paymentservice runs as ServiceAccount `paymentservice`, which the same file defines.
  files = inject(files, 'paymentservice.yaml', 'serviceAccountName: paymentservice', 'serviceAccountName: paymentservce');
  const found = aboveHint(workspace(files).findings());
  const selector = ofCode(found, 'service-selector-no-pods');
  assert.deepEqual(selector.map((f) => [f.uri, f.severity, f.text]), [['cartservice.yaml', 'warning', 'selector']]);
  assert.match(selector[0]!.message, /Service "cartservice" selects no pods: no pod template has the labels app=cartservise/);
  assert.deepEqual(selector[0]!.related.map((r) => r.uri), ['cartservice.yaml']);
  const account = ofCode(found, 'serviceaccount-missing');
  assert.deepEqual(account.map((f) => [f.uri, f.severity, f.text]), [['paymentservice.yaml', 'warning', 'paymentservce']]);
  assert.match(account[0]!.message, /ServiceAccount "paymentservce" not found; did you mean "paymentservice"\?/);
  assert.equal(found.length, 2, JSON.stringify(found.map((f) => [f.code, f.message])));
});
