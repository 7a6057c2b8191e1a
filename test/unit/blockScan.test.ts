import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseChunk, parseChunkLean } from '../../server/src/documents/chunkParser';
import { entriesFromScan } from '../../server/src/documents/blockScan';
import { MAX_DEPTH, MAX_ENTRIES } from '../../server/src/documents/positionTable';
import { yaml } from './helpers';
import { yamlFiles } from './corpusFiles';
import { mutate, seededRandom } from './seededMutations';
import { compareCorpus, compareWithComposer, SCALAR_EDGE_CASES, SHARED, type FastPath, type OracleCounts } from './chunkOracle';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generateManifests } from '../../bench/manifests.mjs';

// The block scanner is held to the composer's entries (chunkOracle.ts).

const SEPARATOR = '\u0001';

const scan: FastPath = (chunk) => entriesFromScan(chunk);
const compare = (text: string, label: string, counts?: OracleCounts) => compareWithComposer(scan, text, label, counts);

test('every corpus document: the scanner gives the composer’s entries, and scans nearly all of them', () => {
  const counts = compareCorpus(scan);
  assert.ok(counts.total > 800, `chunks compared: ${counts.total}`);
  assert.ok(counts.answered / counts.total > 0.95, `scanned ${counts.answered} of ${counts.total}`);
});

test('the benchmark’s generated manifests are scanned whole', () => {
  const counts = compare(generateManifests(40).text, 'generated');
  assert.deepStrictEqual(counts, { answered: 40, total: 40 });
});

test('what the scanner takes agrees with the composer', () => {
  const scanned = [
    SCALAR_EDGE_CASES +
      '\n' +
      yaml`
      "quoted key": 1
      'single key': 2
      escapes: "\\t \\u00e9 \\x41 \\U0001F600 \\\\ \\" \\/ \\0"
      empty:
      emptyFlow: {}
      emptySeq: []
      nested: [[[], {}], [{k: v}], {a: [1, 2]}]
      url: http://example.com:8080/x?y=1#z
      colon: a:b
      hash: a#b
      dashes: -x
      question: ?x
      block: |
        line

        after a blank line
          indented more
        # not a comment
      stripped: |-
        no final newline
      list:
        - name: x
          value: y
        -   name: z
        -
        - [a]
        - plain # comment
      indentless:
      - a
      - b: c
      # a comment at the map's indent
      after: comment   # trailing
    `,
    '---\na: 1\n',
    '--- # a comment on the marker\na: 1\n',
    '# a header\n\na: 1\n',
    'a: 1\n\n# trailing\n\n',
    'a:\n  b:\n    c: 1\n    # deep\nd: 1\n',
    'a:\n  b:\n    c: 1\n      # deeper\nd: 1\n',
    'a:\n  b:\n    c: 1\n  # mid\nd: 1\n',
    'a:\n  b:\n\nd: 1\n',
    'v:\n  a:\n  b:\n  \n',
    'v:\n  a: 1\n  b: 2\n\n',
    '- just\n- a list\n-\n',
    'a:\n  b:\n    c:\n      d: deep\n  e: [1]\n',
    `a:\n  b: [${'['.repeat(70)}1${']'.repeat(70)}]\n`, // deeper than the table's MAX_DEPTH
    `big:\n${Array.from({ length: MAX_ENTRIES + 1000 }, (_, i) => `  - ${i}`).join('\n')}\nafter:\n  x: 1\n`, // over its entry bound
    'key: value',
  ];
  for (const text of scanned) {
    for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
      const counts = compare(variant, JSON.stringify(variant.slice(0, 60)));
      assert.equal(counts.answered, counts.total, `the scanner takes ${JSON.stringify(variant.slice(0, 60))}`);
    }
  }
  // The bounds hold as in walkDocument: nothing recorded deeper than MAX_DEPTH + 1 segments.
  const deep = entriesFromScan(scanned[13]!)![0]!.positions!;
  assert.ok(Object.keys(deep).length > MAX_DEPTH && Object.keys(deep).every((p) => p.split(SEPARATOR).length <= MAX_DEPTH + 1));
  // A collection begun under the entry bound is recorded whole; one begun over it is not.
  const bounded = entriesFromScan(scanned[14]!)![0]!.positions!;
  assert.ok(`big${SEPARATOR}${MAX_ENTRIES + 999}` in bounded && 'after' in bounded && !(`after${SEPARATOR}x` in bounded));
});

test('what only the parser reads right is given up, and parseChunkLean still gives the composer’s entries', () => {
  const givenUp = [
    'a: 1\n---\nb: 2\n', // two documents in one chunk
    'a: 1\n...\n',
    '', // empty
    '# only a comment\n',
    'scalar document\n',
    '  a: 1\n', // an indented top level
    'base: &b {x: 1}\nuse: *b\n',
    'm:\n  <<: {x: 1}\n  y: 2\n',
    'tagged: !!str 12\n',
    '? explicit\n: value\n',
    'a: 1\na: 2\n',
    '1: a\n"1": b\n',
    'a: b: c\n',
    'a:\n\t- tab\n',
    'a: "tab\tinside"\n',
    '\ufeffa: 1\n',
    'a: 1\rb: 2\n',
    'key : spaced colon\n',
    'plain: one\n  two\n',
    'a:\n  continued\n',
    'quoted: "one\n  two"\n',
    'flow: [a,\n  b]\n',
    'flow: [a, b,]\n',
    'flow: {a:1}\n',
    'flow: [a: b]\n',
    'folded: >\n  text\n',
    'kept: |+\n  text\n\n',
    'indicator: |2\n    text\n',
    'commented: | # why\n  text\n',
    'leading blank: |\n\n  text\n',
    'empty block: |\nb: 1\n',
    'empty: # with a comment\nb: 1\n',
    'a:\n  b:\n    c: 1\n   # between two indents\nd: 1\n',
    'bad escape: "\\q"\n',
    'reserved: @x\n',
    'comment: "x"#no space\n',
    '- - nested\n',
    'x:\n  - a\n   - b\n',
    'a:\n  b: 1\n c: 2\n', // a dedent to no collection's indent
  ];
  for (const text of givenUp) {
    assert.equal(entriesFromScan(text), undefined, `gives up on ${JSON.stringify(text)}`);
    assert.deepStrictEqual(parseChunkLean(text, 0), parseChunk(text, 0, true).entries, `composer's entries for ${JSON.stringify(text)}`);
  }
});

test('seeded mutations of corpus files: wherever the scanner answers, it agrees with the composer', () => {
  const files = yamlFiles(join(SHARED, 'corpus')).filter((_, i) => i % 3 === 0);
  const inserts = [' ', '  ', '\n', ':', ': ', '- ', '#', ' #', '  # c\n', '\n\n', '"', "'", '{', '}', '[', ']', ',', '&a ', '*a', '!t ', '<<: ', '? ', '|', '>', '|-', '~', '\t', '---\n', '...\n', '\r\n', 'x', '0', '\\', '- a\n'];
  const random = seededRandom(20261125);
  const counts = { answered: 0, total: 0 };
  for (const file of files) {
    const original = readFileSync(file, 'utf8');
    for (let k = 0; k < 16; k++) compare(mutate(original, inserts, random), `${file} mutation ${k}`, counts);
  }
  assert.ok(counts.total > 2000 && counts.answered > counts.total / 2 && counts.answered < counts.total, `mutated chunks ${counts.total}, scanned ${counts.answered}`);
});

// Random documents from a small grammar of what manifests hold, and of what they hold by mistake:
// comments and blank lines at every indent, literal scalars, quotes, flow collections, odd keys.
const SCALARS = ['a', 'web', '1', '0x1F', '1.5', 'true', 'null', '~', 'x y', '"q"', "'s'", '"e\\n\\t\\"x"', "'it''s'", '[a, b]', '{k: v}', '[]', '{}', '[1, [2, 3], {a: b}]', '"\\u00e9"', 'a:b', 'http://x', '-1', '-x', '?x', ':x', 'a #b', 'a#b', '|', '|-', '"a" #c', '[a, b] #c', '.inf', '"', "'", 'a: b', '[a', '{a: 1, a: 2}', '@x', '&a x', '!t x', '"\\q"', '{a:1}', '["a",]', '{"a": 1}'];
const KEYS = ['a', 'b', 'name', 'c d', '"q"', "'s'", '1', 'true', '~', '<<', 'a b ', '"a"', 'x-y'];

function generatedDocument(random: (n: number) => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[random(xs.length)]!;
  const filler = (indent: number) =>
    random(4) === 0 ? `${' '.repeat(Math.max(0, indent + random(5) - 2))}# c\n` : random(5) === 0 ? '\n' : random(12) === 0 ? `${' '.repeat(random(6))}\n` : '';
  const block = (indent: number, depth: number): string => {
    const seq = random(3) === 0;
    const pad = ' '.repeat(indent);
    let out = '';
    for (let i = 0, n = 1 + random(4); i < n; i++) {
      out += filler(indent);
      const head = seq ? `${pad}- ` : `${pad}${pick(KEYS)}:${random(6) === 0 ? '  ' : ' '}`;
      const shape = random(depth > 3 ? 3 : 6);
      if (shape < 2) {
        out += `${head}${pick(SCALARS)}${random(5) === 0 ? ' # t' : ''}\n`;
      } else if (shape === 2) {
        const scalar = pick(SCALARS);
        out += `${head}${scalar}\n`;
        if (scalar.startsWith('|')) {
          const inner = indent + 1 + random(3);
          out += `${' '.repeat(inner)}line\n${random(2) ? `\n${' '.repeat(inner + random(2))}more #x\n` : ''}${random(3) === 0 ? '\n' : ''}`;
        }
      } else if (shape === 3) {
        out += `${head.trimEnd()}${random(4) === 0 ? ' # c' : ''}\n`;
      } else if (seq && shape === 4) {
        out += `${pad}- ${block(indent + 2, depth + 1).replace(/^ +/, '')}`;
      } else {
        out += `${head.trimEnd()}\n${block(indent + (!seq && random(4) === 0 ? 0 : 1 + random(3)), depth + 1)}`;
      }
    }
    return out;
  };
  const text = (random(3) === 0 ? '---\n' : '') + filler(0) + block(0, 0) + filler(random(4));
  return random(4) === 0 ? text.replace(/\n/g, '\r\n') : text;
}

test('generated documents: wherever the scanner answers, it agrees with the composer', () => {
  const random = seededRandom(7);
  const counts = { answered: 0, total: 0 };
  for (let k = 0; k < 3000; k++) compare(generatedDocument(random), `generated document ${k}`, counts);
  assert.ok(counts.answered > counts.total / 3 && counts.answered < counts.total, `generated ${counts.total}, scanned ${counts.answered}`);
});
