import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldingRanges } from '../../../server/src/symbols/foldingRanges';
import { yaml } from '../helpers';
import { bothParses } from './symbolHelpers';

/** Folds as `first–last` 1-based lines with the first line's text, the same for both parses. */
function check(name: string, text: string, expected: string[], limit?: number): void {
  test(name, () => {
    for (const [how, file] of bothParses('file:///ws/manifest.yaml', text)) {
      const lines = text.split('\n');
      const actual = foldingRanges(file, limit).map((r) => `${r.startLine + 1}–${r.endLine + 1} ${lines[r.startLine]!.trim()}`);
      assert.deepEqual(actual, expected, `parsed by the ${how}`);
    }
  });
}

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    labels: {app: web}
  spec:
    template:
      spec:
        containers:
          - name: web
            image: nginx

            args: [a, b]
  `;

check('every multi-line mapping and list, from its key to its last line (blank lines not counted)', deployment, [
  '1–13 apiVersion: apps/v1',
  '3–5 metadata:',
  '6–13 spec:',
  '7–13 template:',
  '8–13 spec:',
  '9–13 containers:',
  '10–13 - name: web',
]);

check(
  'each `---` document folds, with what is inside it',
  yaml`
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
    data:
      script: |
        echo one
        echo two
      flow: {a: 1,
        b: 2}
    ---
    # a comment
    apiVersion: v1
    kind: Secret
  `,
  ['1–10 ---', '5–10 data:', '6–8 script: |', '9–10 flow: {a: 1,', '11–14 ---'],
);

check('one-line values do not fold; a document does from its `---`', 'a: 1\nb: [1, 2]\nc: {d: e}\n---\nf: [1, 2]\n', ['1–3 a: 1', '4–5 ---']);

check('one range per start line: the outer one', 'items:\n- a: 1\n  b:\n    - x\n    - y\n', ['1–5 items:', '2–5 - a: 1', '3–5 b:']);

check('over the client’s limit, the outermost ranges are kept', deployment, ['1–13 apiVersion: apps/v1', '3–5 metadata:', '6–13 spec:'], 3);

test('a file of broken YAML still folds what parsed and does not throw', () => {
  for (const [, file] of bothParses('file:///ws/bad.yaml', 'a:\n  b: 1\n  c: [\n---\nd:\n  e: 1\n')) {
    assert.ok(foldingRanges(file).length >= 1);
  }
});
