import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Document } from 'yaml';
import { isMap, isSeq } from 'yaml';
import { composeChunk, parseChunk } from '../../server/src/documents/chunkParser';
import { walkDocument } from '../../server/src/documents/walkDocument';
import { MAX_DEPTH, MAX_ENTRIES, type PositionTable } from '../../server/src/documents/positionTable';
import { locatePath, nodeRange } from '../../server/src/documents/yamlPath';
import { yaml } from './helpers';
import { yamlFiles } from './corpusFiles';
import { mutate, seededRandom } from './seededMutations';

// walkDocument gives in one walk what yaml's toJS gives (the value) and where every key and value
// sits (the position table). Both are checked against independent sources: the value against toJS,
// every position against locatePath over the syntax tree, and the set of paths against the value.

const SHARED = resolve(__dirname, '..', '..', '..', 'shared');
const PARSE_START = 7; // a chunk that does not start the file: positions are chunk-relative
const SEPARATOR = '\u0001';


function toJS(doc: Document.Parsed): unknown {
  doc.options.logLevel = 'error'; // no warnings about collection keys on stderr
  return doc.contents === null ? null : doc.toJS({ maxAliasCount: 1000 });
}

/** Every path of a plain value (map keys and list indexes), joined as the table joins them. */
function valuePaths(value: unknown, prefix = '', depth = 0, out = new Set<string>()): Set<string> {
  if (value === null || typeof value !== 'object') return out;
  for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const path = depth === 0 ? String(key) : prefix + SEPARATOR + key;
    out.add(path);
    valuePaths(child, path, depth + 1, out);
  }
  return out;
}

/** Each entry of the table is where locatePath finds that path in the syntax tree. */
function assertPositions(doc: Document.Parsed, table: PositionTable, label: string): void {
  for (const [path, entry] of Object.entries(table)) {
    const located = locatePath(doc, path.split(SEPARATOR));
    assert.equal(located.found.length, path.split(SEPARATOR).length, `${label}: ${JSON.stringify(path)} is in the tree`);
    const shift = (r: [number, number] | undefined) => (r ? [r[0] - PARSE_START, r[1] - PARSE_START] : [-1, -1]);
    const collection = isMap(located.node) || isSeq(located.node) ? 1 : 0;
    assert.deepStrictEqual(entry, [...shift(nodeRange(located.key)), ...shift(nodeRange(located.node)), collection], `${label}: position of ${JSON.stringify(path)}`);
  }
}

/** Checks the walk on every document of a text; returns how many it converted without toJS, of how many. */
function compare(text: string, label: string): [number, number] {
  let answered = 0;
  let total = 0;
  let docs: Document.Parsed[];
  try {
    docs = composeChunk(text, PARSE_START);
  } catch {
    return [0, 0]; // the parser itself gave up (absurd nesting): nothing to compare
  }
  for (const [i, doc] of docs.entries()) {
    if (doc.contents === null) continue;
    let expected: unknown;
    try {
      expected = toJS(doc);
    } catch {
      continue; // toJS refuses it (alias bombs)
    }
    total++;
    const walked = walkDocument(doc, PARSE_START, true);
    assertPositions(doc, walked.positions!, `${label} document ${i}`);
    if (walked.needsToJS) {
      assert.equal(walked.value, undefined);
      continue;
    }
    answered++;
    assert.deepStrictEqual(walked.value, expected, `${label} document ${i}: value`);
    assert.deepStrictEqual(Object.getOwnPropertyNames(walked.value ?? {}), Object.getOwnPropertyNames(expected ?? {}), `${label} document ${i}: own keys`);
    assert.deepStrictEqual(walkDocument(doc, PARSE_START, false), { value: expected, needsToJS: false }, `${label} document ${i}: without positions`);
    // Within the bounds and without duplicate keys (the table keeps the first, the value the last), the table has every path of the value.
    const paths = valuePaths(expected);
    const bounded = paths.size <= MAX_ENTRIES && [...paths].every((p) => p.split(SEPARATOR).length <= MAX_DEPTH);
    if (bounded && !doc.errors.some((e) => e.code === 'DUPLICATE_KEY')) {
      assert.deepStrictEqual(new Set(Object.keys(walked.positions!)), paths, `${label} document ${i}: paths`);
    }
  }
  return [answered, total];
}

test('every corpus document converts exactly as toJS does, with every key and value placed, and nearly all without toJS', () => {
  let answered = 0;
  let total = 0;
  for (const file of yamlFiles(join(SHARED, 'corpus'))) {
    const [a, t] = compare(readFileSync(file, 'utf8'), file);
    answered += a;
    total += t;
  }
  assert.ok(total > 300, `corpus documents compared: ${total}`);
  assert.ok(answered / total > 0.95, `fast walk answered ${answered} of ${total}`);
});

test('edge cases: odd keys and values agree with toJS; what only yaml knows falls back', () => {
  const agrees = [
    yaml`
      ~: null key
      null: again
      "": empty
      1: one
      1.50: float key
      true: yes
      __proto__: {polluted: true}
      constructor: c
      toString: s
      a: 1
      a: 2
      a: {b: 3}
      seq: [1, "2", 0x10, 0o7, .inf, -.Inf, .nan, 1e3, ~, '', "x\\ny"]
      empty:
      nested: [[[], {}], [{k: v}]]
      block: |
        line
      folded: >-
        folded
        text
      ? explicit
      : value
    `,
    '- just\n- a list\n',
    'scalar document\n',
    '{flow: {map: [1, 2]}, other: x}\n',
    `a:\n${'  '.repeat(1)}b: [${'['.repeat(70)}1${']'.repeat(70)}]\n`,
    `big:\n${Array.from({ length: 21_000 }, (_, i) => `  - ${i}`).join('\n')}\n`, // over the table's entry bound
    'a: b: c\nd: [unclosed\n', // syntax errors: the values toJS still gives
    'x:\n  - a\n   - b\n',
  ];
  for (const text of agrees) {
    const [answered, total] = compare(text, JSON.stringify(text.slice(0, 40)));
    assert.equal(answered, total, `fast walk answered every document of ${JSON.stringify(text.slice(0, 60))}`);
  }
  // Past the table's bounds: nothing recorded deeper than MAX_DEPTH, and no more than one collection past MAX_ENTRIES.
  const deep = walkDocument(composeChunk(agrees[4]!, PARSE_START)[0]!, PARSE_START, true).positions!;
  assert.ok(Object.keys(deep).length > MAX_DEPTH && Object.keys(deep).every((p) => p.split(SEPARATOR).length <= MAX_DEPTH + 1));
  const big = walkDocument(composeChunk(agrees[5]!, PARSE_START)[0]!, PARSE_START, true).positions!;
  assert.ok(big['big'] && big[`big${SEPARATOR}20999`] && Object.keys(big).length === 21_001);
  const fallsBack = [
    'base: &b {x: 1}\nuse: *b\n',
    'a: &anchored 1\n',
    'base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n',
    'tagged: !!str 12\n',
    'reset: !reset null\n',
    'custom: !override {a: 1}\n',
    '? [complex, key]\n: value\n',
    '? {map: key}\n: value\n',
    'set: !!set {a, b}\n',
  ];
  for (const text of fallsBack) {
    const docs = composeChunk(text, PARSE_START);
    const walked = walkDocument(docs[0]!, PARSE_START, true);
    assert.equal(walked.needsToJS, true, `falls back on ${JSON.stringify(text)}`);
    // Still placed, except a lone collection key, which has no path.
    if (!text.startsWith('? ')) assert.ok(Object.keys(walked.positions!).length > 0, `still placed: ${JSON.stringify(text)}`);
    assert.deepStrictEqual(walkDocument(docs[0]!, PARSE_START, false), { value: undefined, needsToJS: true });
    compare(text, JSON.stringify(text));
  }
});

test('seeded mutations of corpus files (broken indentation, stray indicators, anchors) are placed exactly, and agree with toJS wherever the walk converts them', () => {
  const files = yamlFiles(join(SHARED, 'corpus', 'k8s')).slice(0, 60);
  const inserts = [' ', '  ', '\n', ':', '- ', '#', '"', "'", '{', '[', '&a ', '*a', '!t ', '<<: ', '? ', '|', '>', '~', '\t', ',', '---\n'];
  const random = seededRandom(20261123);
  let answered = 0;
  let compared = 0;
  for (const file of files) {
    const original = readFileSync(file, 'utf8');
    for (let k = 0; k < 12; k++) {
      const text = mutate(original, inserts, random);
      const [a, t] = compare(text, `${file} mutation ${k}`);
      answered += a;
      compared += t;
    }
  }
  assert.ok(compared > 500 && answered > compared / 2, `mutated documents compared ${compared}, fast ${answered}`);
});

test('parseChunk gives values and positions whichever way a document went', () => {
  const text = 'a: 1\nb: [x, y]\n---\nbase: &b {x: 1}\nuse: *b\n';
  const { entries } = parseChunk(text, 0, true);
  assert.deepStrictEqual(entries.map((e) => e.value), [{ a: 1, b: ['x', 'y'] }, { base: { x: 1 }, use: { x: 1 } }]);
  assert.deepStrictEqual(entries[0]!.positions!['b\u00011'], [-1, -1, 12, 13, 0]);
  assert.deepStrictEqual(entries[1]!.positions!['use'], [35, 38, 40, 42, 0]);
  assert.deepStrictEqual(entries[1]!.positions!['base\u0001x'], [29, 30, 32, 33, 0]);
});
