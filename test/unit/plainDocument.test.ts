import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Document } from 'yaml';
import { composeChunk, parseChunk } from '../../server/src/documents/chunkParser';
import { plainDocument } from '../../server/src/documents/plainDocument';
import { buildPositionTable } from '../../server/src/documents/positionTable';
import { yaml } from './helpers';

// plainDocument is a faster way to what yaml's toJS and buildPositionTable give together: wherever it
// answers, it must answer exactly the same (values, key order, own properties, every position).

const SHARED = resolve(__dirname, '..', '..', '..', 'shared');
const PARSE_START = 7; // a chunk that does not start the file: positions are chunk-relative

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** The slow way: what the parse did before plainDocument. */
function reference(doc: Document.Parsed, withPositions: boolean) {
  doc.options.logLevel = 'error'; // no warnings about collection keys on stderr
  const value = doc.contents === null ? null : doc.toJS({ maxAliasCount: 1000 });
  return withPositions ? { value, positions: buildPositionTable(doc, PARSE_START) } : { value };
}

/** Compares both ways on every document of a text; returns how many the fast walk answered, of how many. */
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
    let expected: ReturnType<typeof reference>;
    try {
      expected = reference(doc, true);
    } catch {
      continue; // toJS refuses it (alias bombs): the fast walk must not have answered either
    }
    total++;
    const fast = plainDocument(doc, PARSE_START, true);
    if (!fast) continue;
    answered++;
    assert.deepStrictEqual(fast.value, expected.value, `${label} document ${i}: value`);
    assert.deepStrictEqual(Object.getOwnPropertyNames(fast.value ?? {}), Object.getOwnPropertyNames(expected.value ?? {}), `${label} document ${i}: own keys`);
    assert.deepStrictEqual(fast.positions, expected.positions, `${label} document ${i}: positions`);
    assert.deepStrictEqual(plainDocument(doc, PARSE_START, false), { value: expected.value }, `${label} document ${i}: without positions`);
  }
  return [answered, total];
}

test('every corpus document converts exactly as toJS and buildPositionTable do, and nearly all take the fast walk', () => {
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
    assert.equal(plainDocument(docs[0]!, PARSE_START, true), undefined, `falls back on ${JSON.stringify(text)}`);
    compare(text, JSON.stringify(text));
  }
});

test('seeded mutations of corpus files (broken indentation, stray indicators, anchors) agree wherever the fast walk answers', () => {
  const files = yamlFiles(join(SHARED, 'corpus', 'k8s')).slice(0, 60);
  const inserts = [' ', '  ', '\n', ':', '- ', '#', '"', "'", '{', '[', '&a ', '*a', '!t ', '<<: ', '? ', '|', '>', '~', '\t', ',', '---\n'];
  let seed = 20261123;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  let answered = 0;
  let compared = 0;
  for (const file of files) {
    const original = readFileSync(file, 'utf8');
    for (let k = 0; k < 12; k++) {
      let text = original;
      for (let m = 0; m <= random(3); m++) {
        const at = random(text.length + 1);
        text = random(4) === 0 ? text.slice(0, at) + text.slice(at + 1 + random(8)) : text.slice(0, at) + inserts[random(inserts.length)] + text.slice(at);
      }
      const [a, t] = compare(text, `${file} mutation ${k}`);
      answered += a;
      compared += t;
    }
  }
  assert.ok(compared > 500 && answered > compared / 2, `mutated documents compared ${compared}, fast ${answered}`);
});

test('parseChunk gives the same entries whichever way a document went', () => {
  const text = 'a: 1\nb: [x, y]\n---\nbase: &b {x: 1}\nuse: *b\n';
  const { entries } = parseChunk(text, 0, true);
  assert.deepStrictEqual(entries.map((e) => e.value), [{ a: 1, b: ['x', 'y'] }, { base: { x: 1 }, use: { x: 1 } }]);
  assert.deepStrictEqual(entries[0]!.positions!['b\u00011'], [-1, -1, 12, 13, 0]);
  assert.deepStrictEqual(entries[1]!.positions!['use'], [35, 38, 40, 42, 0]);
});
