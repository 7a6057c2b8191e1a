import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestFile, type ManifestFile } from '../../server/src/documents/manifestFile';
import { ParsedFiles } from '../../server/src/documents/parsedFiles';
import { ManifestValidator } from '../../server/src/validation/manifestValidator';
import { schemas } from './helpers';

// A document whose exact text another current parse has takes that parse's entries instead of
// being parsed again; the file it makes is the one a fresh parse makes.

function manifests(prefix: string, count: number): string {
  return Array.from({ length: count }, (_, i) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      `metadata: {name: ${prefix}-${i}}`,
      'spec:',
      `  replicas: ${i === 1 ? '"two"' : 2}`,
      `  selector: {matchLabels: {app: ${prefix}-${i}}}`,
      '  template:',
      `    metadata: {labels: {app: ${prefix}-${i}}}`,
      '    spec: {containers: [{name: app, image: nginx}]}',
      '',
    ].join('\n'),
  ).join('---\n');
}

/** The file is what a fresh parse of its text gives: documents, positions of findings, diagnostics. */
function assertAsFresh(file: ManifestFile): void {
  const fresh = parseManifestFile(file.uri, file.text);
  assert.deepEqual(file.docs.map((d) => [d.value, d.start, d.end, d.flavor]), fresh.docs.map((d) => [d.value, d.start, d.end, d.flavor]));
  const validate = (f: ManifestFile) => new ManifestValidator(schemas).validate(f, { kubernetesVersion: '1.35' });
  assert.deepEqual(validate(file), validate(fresh));
}

test('a copy of an open file takes its documents’ entries, and is what a fresh parse makes', async () => {
  const files = new ParsedFiles();
  const text = manifests('web', 6);
  const a = await files.get('file:///a.yaml', 1, () => text);
  const b = await files.get('file:///b.yaml', 1, () => text);
  assert.equal(b.chunks.length, a.chunks.length);
  b.chunks.forEach((chunk, i) => assert.equal(chunk.entries, a.chunks[i]!.entries, `document ${i} shared`));
  assertAsFresh(b);
});

test('only the documents with the same text are shared, wherever they sit in the other file', async () => {
  const files = new ParsedFiles();
  const text = manifests('web', 4);
  const a = await files.get('file:///a.yaml', 1, () => text);
  // One document added at the top (so every shared one sits elsewhere), one changed.
  const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n---\n' + text.replace('name: web-2}', 'name: web-2b}');
  const b = await files.get('file:///b.yaml', 1, () => other);
  const shared = b.chunks.filter((c) => a.chunks.some((o) => o.entries === c.entries)).length;
  // a's first document starts the file and so has no `---` of its own: its text differs in b.
  assert.equal(shared, a.chunks.length - 2);
  assertAsFresh(b);
  // Positions come from the shared table at b's offsets: the invalid replicas of web-1 is found there.
  const diagnostics = new ManifestValidator(schemas).validate(b, { kubernetesVersion: '1.35' });
  const replicas = diagnostics.find((d) => d.code === 'invalid-type')!;
  assert.equal(b.lines.offsetAt(replicas.range.start), b.text.indexOf('"two"'));
});

test('a closed or replaced parse shares nothing any more', async () => {
  const files = new ParsedFiles();
  const text = manifests('web', 3);
  const a = await files.get('file:///a.yaml', 1, () => text);
  files.delete('file:///a.yaml');
  const b = await files.get('file:///b.yaml', 1, () => text);
  assert.ok(b.chunks.every((c) => !a.chunks.some((o) => o.entries === c.entries)), 'nothing taken from a closed file');
  // b's next version changes every document: the old ones are no longer offered.
  await files.get('file:///b.yaml', 2, () => manifests('api', 3));
  const c = await files.get('file:///c.yaml', 1, () => text);
  assert.ok(c.chunks.every((ch) => !b.chunks.some((o) => o.entries === ch.entries)), 'nothing taken from a replaced parse');
  // ... while the current one is.
  const d = await files.get('file:///d.yaml', 1, () => text);
  assert.ok(d.chunks.every((ch, i) => ch.entries === c.chunks[i]!.entries));
  assertAsFresh(d);
});
