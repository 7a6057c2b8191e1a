import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/hover/hover';
import { hoverWarmupSample, warmHoverPath } from '../../../server/src/hover/hoverWarmup';
import { schemas } from '../helpers';

const markdownOf = (result: ReturnType<typeof hover>): string | undefined =>
  result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : undefined;

test('the warm-up sample parses cleanly, each of the three ways a file reaches hover', () => {
  const { files } = hoverWarmupSample.workspace();
  assert.equal(files.length, 3);
  for (const file of files) {
    assert.equal(file.flavor, 'kubernetes', file.uri);
    assert.deepEqual(file.diagnostics, [], file.uri);
    assert.deepEqual(file.docs.map((d) => (d.value as { kind: string }).kind), ['Deployment', 'Service', 'Ingress', 'ConfigMap', 'ServiceAccount']);
  }
});

test('the warm-up hovers real fields: every way of parsing gives the same hover at every offset, most of them with content', () => {
  const { files, index, offsets } = hoverWarmupSample.workspace();
  const text = hoverWarmupSample.text;
  assert.ok(offsets.length > 80, `${offsets.length} offsets`);
  let answered = 0;
  for (const offset of offsets) {
    const [small, large, worker] = files.map((file) => markdownOf(hover({ file, offset, schemas, version: '1.30', index, compose: undefined })));
    const where = JSON.stringify(text.slice(offset, offset + 20));
    assert.equal(large, small, `position-table hover differs from the syntax tree's at ${where}`);
    assert.equal(worker, small, `worker-parsed hover differs at ${where}`);
    if (small) answered++;
  }
  assert.ok(answered >= offsets.length * 0.85, `${answered} of ${offsets.length} offsets have a hover`);
  // The reference sections run too: the selector's and the Ingress backend's.
  const at = (needle: string, from = 0) => text.indexOf(needle, from) + needle.length - 1;
  const selector = markdownOf(hover({ file: files[1]!, offset: at('matchLabels'), schemas, version: '1.30', index, compose: undefined }));
  assert.match(selector ?? '', /Selects 3 pod templates/);
  assert.match(selector ?? '', /In every shipped Kubernetes version \(1\.23–1\.35\)/, 'every shipped version read');
  const backend = markdownOf(hover({ file: files[1]!, offset: at('name: warm', text.indexOf('service:\n')) - 2, schemas, version: '1.30', index, compose: undefined }));
  assert.match(backend ?? '', /→ Service `warm`/);
});

test('warmHoverPath hovers the sample round after round, and stops when told to', async () => {
  const { files, index, offsets } = hoverWarmupSample.workspace();
  const perFile = files.map((file) => offsets.filter((offset) => hover({ file, offset, schemas, version: '1.30', index, compose: undefined })).length);
  const perRound = perFile.reduce((a, b) => a + b, 0);
  assert.equal(await warmHoverPath(schemas, '1.30', 2), 2 * perRound);
  assert.equal(await warmHoverPath(schemas, '1.30', 2, () => true), 0);
  let calls = 0;
  assert.equal(await warmHoverPath(schemas, '1.30', 2, () => ++calls > 2), perFile[0]! + perFile[1]!);
});
