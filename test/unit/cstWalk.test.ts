import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'yaml';
import { parseChunk, parseChunkLean } from '../../server/src/documents/chunkParser';
import { entriesFromTokens } from '../../server/src/documents/cstWalk';
import { MAX_DEPTH, MAX_ENTRIES } from '../../server/src/documents/positionTable';
import { yaml } from './helpers';
import { yamlFiles } from './corpusFiles';
import { mutate, seededRandom } from './seededMutations';
import { compareCorpus, compareWithComposer, SCALAR_EDGE_CASES, SHARED, type FastPath, type OracleCounts } from './chunkOracle';

// The CST walk is held to the composer's entries (chunkOracle.ts).

const SEPARATOR = '\u0001';

function tokens(text: string, start: number) {
  const parser = new Parser();
  parser.offset = start;
  return [...parser.parse(text)];
}

const walk: FastPath = (chunk, from) => entriesFromTokens(tokens(chunk, from), from);
const compare = (text: string, label: string, counts?: OracleCounts) => compareWithComposer(walk, text, label, counts);

test('every corpus document: the CST walk gives the composer’s entries, and walks nearly all of them', () => {
  const counts = compareCorpus(walk);
  assert.ok(counts.total > 800, `chunks compared: ${counts.total}`);
  assert.ok(counts.answered / counts.total > 0.95, `walked ${counts.answered} of ${counts.total}`);
});

test('edge cases the walk takes agree with the composer', () => {
  const walked = [
    SCALAR_EDGE_CASES +
      '\n' +
      yaml`
      empty:
      emptyFlow: {}
      emptySeq: []
      trailing: [a, b,]
      trailingMap: {a: 1, b: ,}
      nested: [[[], {}], [{k: v}]]
      multiline flow: [a,
        b, # comment
        c]
      block: |
        line
      kept: |+
        kept

      folded: >-
        folded
        text
      indented: |2
          two more
      plain multi: one
        two
      quoted multi: "one
        two \\t three"
      # a comment line
      after: comment   # trailing
    `,
    '- just\n- a list\n-\n- # empty item with a comment\n',
    'scalar document\n',
    '--- scalar after marker\n...\n',
    '---\n...\n---\na: 1\n...\n',
    '# only a comment\n',
    '---\n# comment after the marker\n',
    '\ufeffa: byte order mark\n',
    'a:\n- indentless\n- sequence\nb: 1\n',
    'a:\n  b:\n    c:\n      d: deep\n  # comment between\n  e: [1]\n',
    'list:\n  - name: x\n    value: y\n  -   name: z\n',
    `a:\n  b: [${'['.repeat(70)}1${']'.repeat(70)}]\n`, // deeper than the table's MAX_DEPTH
    `big:\n${Array.from({ length: MAX_ENTRIES + 1000 }, (_, i) => `  - ${i}`).join('\n')}\n`, // over its entry bound
    'key: value\n\n\n',
    'a: "unicode \\u00e9 \\x41"\nb: \'single\n  line\'\n',
    'x:\n  - a\n   - b\n', // a plain scalar continued on the next line
  ];
  for (const text of walked) {
    const counts = compare(text, JSON.stringify(text.slice(0, 60)));
    assert.equal(counts.answered, counts.total, `the walk takes ${JSON.stringify(text.slice(0, 60))}`);
  }
  // The bounds hold as in walkDocument: nothing recorded deeper than MAX_DEPTH + 1 segments.
  const deep = walk(walked[11]!, 0)![0]!.positions!;
  assert.ok(Object.keys(deep).length > MAX_DEPTH && Object.keys(deep).every((p) => p.split(SEPARATOR).length <= MAX_DEPTH + 1));
});

test('what only the composer handles is given up, and the composer’s entries are used', () => {
  const givenUp = [
    'base: &b {x: 1}\nuse: *b\n', // anchors and aliases
    'm:\n  <<: {x: 1}\n  y: 2\n', // a merge key
    'tagged: !!str 12\n',
    'reset: !reset null\n',
    '? explicit\n: value\n',
    '? [complex, key]\n: value\n',
    '{[flow, key]: v}\n',
    'a: 1\na: 2\n', // a duplicate key: reported
    '1: a\n"1": b\n', // the same name twice
    '~: null key\n"": empty\n',
    'a: b: c\n', // compact nested mapping: reported
    'a:\n\t- tab\n',
    'd: [unclosed\n',
    'd: {a: 1\n',
    '%YAML 1.2\n---\na: 1\n',
    'multi\nline key: v\n',
    'a: "unterminated\n',
    'a: @reserved\n',
    '[a: b]\n', // a pair in a flow sequence
    'a: [b, , c]\n', // an empty item inside
    'a: [, b]\n',
    '- - &x 1\n',
  ];
  for (const text of givenUp) {
    const [from, to] = [0, text.length];
    assert.equal(entriesFromTokens(tokens(text, from), from), undefined, `gives up on ${JSON.stringify(text)}`);
    assert.deepStrictEqual(parseChunkLean(text.slice(from, to), from), parseChunk(text, from, true).entries, `composer's entries for ${JSON.stringify(text)}`);
  }
  // Problems still come with the entries: the duplicate key is reported on the key.
  const duplicate = parseChunkLean('a: 1\na: 2\n', 0);
  assert.deepStrictEqual(duplicate[0]!.problems.map((p) => [p.code, p.start, p.end]), [['duplicate-key', 5, 6]]);
});

test('seeded mutations of corpus files: wherever the walk answers, it agrees with the composer', () => {
  const files = yamlFiles(join(SHARED, 'corpus')).filter((_, i) => i % 3 === 0);
  const inserts = [' ', '  ', '\n', ':', ': ', '- ', '#', ' #', '"', "'", '{', '}', '[', ']', ',', '&a ', '*a', '!t ', '<<: ', '? ', '|', '>', '|-', '~', '\t', '---\n', '...\n', '\r\n', 'x', '0', '\\'];
  const random = seededRandom(20261124);
  const counts = { answered: 0, total: 0 };
  for (const file of files) {
    const original = readFileSync(file, 'utf8');
    for (let k = 0; k < 16; k++) {
      const text = mutate(original, inserts, random);
      compare(text, `${file} mutation ${k}`, counts);
    }
  }
  // Both ways are exercised: most mutated chunks are still plain, and many are not.
  assert.ok(counts.total > 2000 && counts.answered > counts.total / 2 && counts.answered < counts.total, `mutated chunks ${counts.total}, walked ${counts.answered}`);
});
