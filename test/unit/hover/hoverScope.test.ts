import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedChunk, parseFileWith, type ManifestFile } from '../../../server/src/documents/manifestFile';
import { KubernetesSchemas } from '../../../server/src/schema/kubernetesSchemas';
import { docAtOffset, hover } from '../../../server/src/hover/hover';

// The latency budget of hover deep inside a 5,000-document file rests on two properties checked
// here through the engine's private state: no syntax tree is composed for a document a worker
// parsed (its position table places the cursor; hoverCursor.test.ts checks it agrees with the
// tree), and no validator is compiled.

function configMap(i: number): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  key: value-${i}\n`;
}

/** A file parsed as a worker parses it: values and position tables, no syntax trees yet. */
function workerParsed(text: string): ManifestFile {
  return parseFileWith('file:///ws/big.yaml', text, ParsedChunk.parseAsInWorker);
}

test('hover composes no syntax tree of a worker-parsed file, and compiles no validator', () => {
  const text = Array.from({ length: 200 }, (_, i) => configMap(i)).join('---\n');
  const file = workerParsed(text);
  const target = text.indexOf('value-150') + 2;
  const schemas = new KubernetesSchemas();
  const result = hover({ file, offset: target, schemas, version: '1.35' });
  assert.ok(result, 'a hover');
  const composed = file.chunks.map((chunk, i) => [i, Reflect.get(chunk, 'ast') !== undefined] as const).filter(([, built]) => built).map(([i]) => i);
  assert.deepEqual(composed, []);
  for (const version of (Reflect.get(schemas, 'versions') as Map<string, object>).values()) {
    assert.equal((Reflect.get(version, 'validators') as Map<string, unknown>).size, 0);
    assert.equal(Reflect.get(version, 'ajv'), undefined);
  }
});

test('the document at an offset is found at the boundaries', () => {
  const text = `${configMap(0)}---\n${configMap(1)}---\n${configMap(2)}`;
  const file = workerParsed(text);
  const second = text.indexOf('---');
  const cases: Array<[number, number | undefined]> = [
    [0, 0],
    [second - 1, 0],
    [second, 1],
    [text.indexOf('cm-1'), 1],
    [text.length, 2],
  ];
  for (const [offset, expected] of cases) assert.equal(docAtOffset(file, offset)?.index, expected, `offset ${offset}`);
});
