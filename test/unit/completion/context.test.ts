import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext } from '../../../server/src/completion/context';
import type { PathSegment } from '../../../server/src/documents/yamlPath';
import { CURSOR, check, run } from './completionHelpers';

interface Seen {
  target: 'key' | 'value';
  path: PathSegment[];
  word: string;
  siblings?: string[];
  item?: boolean;
  flow?: boolean;
}

/** The cursor context at the marker, reduced to what the case lists. */
function context(input: string, expected: Seen | undefined): void {
  const offset = input.indexOf(CURSOR);
  const text = input.replace(CURSOR, '');
  const ctx = cursorContext(text, offset);
  if (!expected) return assert.equal(ctx, undefined);
  assert.ok(ctx, 'no context');
  const seen: Seen = { target: ctx.target, path: ctx.path, word: ctx.word };
  if (expected.siblings) seen.siblings = [...ctx.siblings].sort();
  if (expected.item !== undefined) seen.item = ctx.item;
  if (expected.flow !== undefined) seen.flow = ctx.flow;
  assert.deepEqual(seen, expected);
}

const cases: Array<[string, string, Seen | undefined]> = [
  ['a half-typed key under a list item', 'a:\n  - name: x\n    ima$0\n  - name: y\n', { target: 'key', path: ['a', 0], word: 'ima', siblings: ['name'] }],
  ['the second item of a list', 'a:\n  - name: x\n  - name: y\n    $0\n', { target: 'key', path: ['a', 1], word: '', siblings: ['name'] }],
  ['a compact list (dashes at the key column)', 'a:\n- b: 1\n- c: 2\n  $0\n', { target: 'key', path: ['a', 1], word: '', siblings: ['c'] }],
  ['a new item line', 'a:\n  - x: 1\n  - $0\n', { target: 'key', path: ['a', 1], word: '', item: true }],
  ['nested dashes', 'a:\n  - - x: 1\n      $0\n', { target: 'key', path: ['a', 0, 0], word: '', siblings: ['x'] }],
  ['a value after the colon', 'a:\n  b: c$0\n', { target: 'value', path: ['a', 'b'], word: 'c' }],
  ['a value of a list item key', 'a:\n  - name: $0\n', { target: 'value', path: ['a', 0, 'name'], word: '' }],
  ['a quoted value: the word is inside the quotes', 'a: "ab$0"\n', { target: 'value', path: ['a'], word: 'ab' }],
  ['siblings after block scalars are still siblings', 'a:\n  s: |\n    not: a key\n  $0\n  t: 1\n', { target: 'key', path: ['a'], word: '', siblings: ['s', 't'] }],
  ['a key after a multi-line flow mapping', 'a:\n  m: {x: 1,\n    y: 2}\n  $0\n', { target: 'key', path: ['a'], word: '', siblings: ['m'] }],
  ['a flow mapping key', 'a: {b: 1, $0}\n', { target: 'key', path: ['a'], word: '', siblings: ['b'], flow: true }],
  ['nested flow mappings', 's:\n  selector: {matchLabels: {$0}}\n', { target: 'key', path: ['s', 'selector', 'matchLabels'], word: '', flow: true }],
  ['a flow value', 'a: {b: {c: d$0}}\n', { target: 'value', path: ['a', 'b', 'c'], word: 'd', flow: true }],
  ['a flow list item', 'a: [x, y$0]\n', { target: 'key', path: ['a', 1], word: 'y', item: true, flow: true }],
  ['a flow mapping inside a flow list', 'a: [{p: 1}, {q: 2, $0}]\n', { target: 'key', path: ['a', 1], word: '', siblings: ['q'] }],
  ['a flow mapping over several lines, keys after the cursor', 'a: {\n  b: 1,\n  $0\n  c: 2\n}\n', { target: 'key', path: ['a'], word: '', siblings: ['b'] }],
  ['keys after the cursor in a one-line flow mapping', 'a: {b: 1, $0, c: 2}\n', { target: 'key', path: ['a'], word: '', siblings: ['b', 'c'] }],
  ['an unclosed flow mapping while typing', 'a: {b: 1, c$0\n', { target: 'key', path: ['a'], word: 'c', siblings: ['b'] }],
  ['the first line of the second document', 'a: 1\n---\nb$0\n', { target: 'key', path: [], word: 'b', siblings: [] }],
  ['a key below, in the same document only', 'x: 1\n---\n$0\ny: 2\n---\nz: 3\n', { target: 'key', path: [], word: '', siblings: ['y'] }],
  ['CRLF line endings', 'a:\r\n  b: 1\r\n  c$0\r\n', { target: 'key', path: ['a'], word: 'c', siblings: ['b'] }],
  ['inside a comment', 'a: 1 # note $0\n', undefined],
  ['inside a block scalar', 'a: |\n  text $0\n', undefined],
  ['on a document marker', '---$0\n', undefined],
  ['inside a flow comment', 'a: {b: 1, # c $0\n}\n', undefined],
];

for (const [name, input, expected] of cases) test(`cursor context: ${name}`, () => context(input, expected));

const doc = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\ndata:\n  key: value-${i}\n`;

test('deep inside a 5,000-document file: the same proposals and range as in the document alone', () => {
  const docs = Array.from({ length: 5000 }, (_, i) => doc(i));
  docs[4000] = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: x\n          ima$0\n';
  const big = run(docs.join('---\n'));
  const alone = run(docs[4000]);
  assert.deepEqual(big.labels, alone.labels);
  const range = (r: typeof big) => (r.item('image').textEdit as { range: { start: { line: number; character: number } } }).range.start;
  assert.deepEqual(range(big), { line: 4000 * 7 + 7, character: 10 });
  assert.deepEqual(range(alone), { line: 7, character: 10 });
});

test('broken YAML in other documents does not disturb the document at the cursor', () => {
  const text = 'a: {unclosed\n---\napiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: $0\n---\nb: [also, broken\n';
  check(text, { exactly: ['Always', 'Never', 'OnFailure'] });
});

test('the text alone (no parsed file) places items on the same lines', () => {
  const input = 'apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Nev$0 # why\n';
  const withFile = run(input);
  const textOnly = run(input, { withFile: false });
  assert.deepEqual(textOnly.item('Never').textEdit, withFile.item('Never').textEdit);
  assert.equal(withFile.accept('Never'), input.replace(CURSOR, '').replace('Nev #', 'Never #'));
});

test('CRLF files: the inserted value replaces the word and leaves the line break', () => {
  const input = 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  restartPolicy: On$0\r\n';
  check(input, { accept: ['OnFailure', 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  restartPolicy: OnFailure\r\n'] });
});

test('a quoted value keeps its quotes', () => {
  check('apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: "Ne$0"\n', { accept: ['Never', 'apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: "Never"\n'] });
});
