import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionRequest } from '../../../server/src/completion/complete';
import { complete } from '../../../server/src/completion/complete';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { SchemaNavigator } from '../../../server/src/schema/schemaNavigator';
import { schemas } from '../helpers';
import { CURSOR } from './completionHelpers';

const version = schemas.forVersion('1.35');
const navigator = new SchemaNavigator(version);

/** Calls complete() with only what a case gives; returns the labels and the first item's range. */
function call(input: string, extra: Partial<CompletionRequest> = {}) {
  const offset = input.indexOf(CURSOR);
  const text = input.replace(CURSOR, '');
  const list = complete({ text, offset, navigator, version, ...extra });
  const range = list.items[0]?.textEdit && 'range' in list.items[0].textEdit ? list.items[0].textEdit.range : undefined;
  return { labels: list.items.map((i) => i.label).sort(), range };
}

const twoDocs = 'apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Ne$0\n';

test('ranges are the same from the parsed file, from the LSP position, or from the text alone', () => {
  const text = twoDocs.replace(CURSOR, '');
  const file = parseManifestFile('file:///ws/pod.yaml', text);
  const expected = { start: { line: 6, character: 17 }, end: { line: 6, character: 19 } };
  assert.deepEqual(call(twoDocs, { file }).range, expected);
  assert.deepEqual(call(twoDocs, { position: { line: 6, character: 19 } }).range, expected);
  assert.deepEqual(call(twoDocs).range, expected);
});

test('a parse of other text (an older version) is not used for positions', () => {
  const stale = parseManifestFile('file:///ws/pod.yaml', 'x: 1\n');
  assert.deepEqual(call(twoDocs, { file: stale }).range?.start, { line: 6, character: 17 });
});

test('Compose is recognised by the file name, by the parsed file, or by a top-level services: key', () => {
  const input = 'services:\n  web:\n    restart: $0\n';
  const policies = ['always', 'no', 'on-failure', 'unless-stopped'];
  assert.deepEqual(call(input, { uri: 'file:///ws/docker-compose.yml' }).labels, policies);
  assert.deepEqual(call(input, { file: parseManifestFile('file:///ws/compose.yaml', input.replace(CURSOR, '')) }).labels, policies);
  assert.deepEqual(call(input).labels, policies);
  assert.deepEqual(call('$0', { uri: 'file:///ws/compose.yaml' }).labels.includes('Compose file'), true);
  assert.deepEqual(call('$0', { uri: 'file:///ws/deploy.yaml' }).labels.includes('Deployment'), true);
});

test('a Kubernetes document inside a Compose-named file is completed as Kubernetes', () => {
  assert.deepEqual(call('apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: $0\n', { uri: 'file:///ws/compose.yaml' }).labels, ['Always', 'Never', 'OnFailure']);
});

test('an offset past the end of the text is clamped', () => {
  const list = complete({ text: 'apiVersion: v1\n', offset: 999, navigator, version });
  assert.ok(list.items.some((i) => i.label === 'kind'));
});
