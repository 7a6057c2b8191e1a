import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManifestDoc, ParsedChunk } from '../../../server/src/documents/manifestFile';
import { parseChunk } from '../../../server/src/documents/chunkParser';
import { cursorFromPositions, hoverCursor, type HoverCursor } from '../../../server/src/hover/hoverCursor';
import { yaml } from '../helpers';

/** Where the chunk sits in its file: not 0, so file offsets and chunk offsets differ. */
const CHUNK_START = 17;

/** The document as a parse worker hands it over (values and a position table, no syntax tree). */
function workerDoc(text: string): ManifestDoc {
  const { entries } = parseChunk(text, CHUNK_START, true);
  return new ManifestDoc(0, new ParsedChunk(text, CHUNK_START, entries), 0);
}

/** The document as this thread parses it (a syntax tree, no position table). */
function treeDoc(text: string): ManifestDoc {
  return new ManifestDoc(0, ParsedChunk.parse(text, CHUNK_START), 0);
}

interface CursorCase {
  name: string;
  text: string;
  /** Substrings (first occurrence) where the table cannot tell and the tree must answer. */
  treeOnly?: string[];
}

/**
 * At every offset: the table's answer, when it gives one, is the tree's; it answers on every key
 * and scalar except inside the `treeOnly` texts; and hoverCursor answers as the tree does.
 */
function check(c: CursorCase): void {
  test(c.name, () => {
    const fast = workerDoc(c.text);
    const tree = treeDoc(c.text);
    const treeOnly = (c.treeOnly ?? []).map((s) => {
      const at = c.text.indexOf(s);
      assert.ok(at >= 0, `"${s}" is not in the text`);
      return [CHUNK_START + at, CHUNK_START + at + s.length] as const;
    });
    let answered = 0;
    for (let offset = CHUNK_START; offset <= CHUNK_START + c.text.length; offset++) {
      const expected = hoverCursor(tree, offset);
      const quick = cursorFromPositions(fast, offset);
      assert.deepEqual(hoverCursor(fast, offset), expected, `hoverCursor at ${offset - CHUNK_START}`);
      if (quick) {
        assert.deepEqual(quick, expected, `table and tree disagree at ${offset - CHUNK_START}`);
        answered++;
      } else if (expected && !expected.collection && expected.path.length > 0 && !treeOnly.some(([s, e]) => s <= offset && offset <= e)) {
        assert.fail(`the table did not answer at ${offset - CHUNK_START} (${JSON.stringify(expected)})`);
      }
    }
    assert.ok(answered > 0, 'the table answered nowhere');
  });
}

test('the tree-parsed document has no table: cursorFromPositions leaves it to the tree', () => {
  const text = 'spec:\n  replicas: 3\n';
  assert.equal(cursorFromPositions(treeDoc(text), CHUNK_START + 10), undefined);
  const expected: HoverCursor = { path: ['spec', 'replicas'], on: 'key', range: [CHUNK_START + 8, CHUNK_START + 16], collection: false };
  assert.deepEqual(hoverCursor(treeDoc(text), CHUNK_START + 10), expected);
});

const CASES: CursorCase[] = [
  {
    name: 'a Deployment: nested maps, lists of maps, lists of scalars, flow lists, quoted and empty values',
    text: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels: {app: web, "tier": 'front'}
      spec:
        replicas: 3
        template:
          spec:
            containers:
              - name: web
                image: nginx:1.27
                args: ["--port=8080", --debug]
                ports:
                  - containerPort: 8080
                    protocol: TCP
                env:
                  - name: EMPTY
                    value:
                  - name: X
                    value: ""
              - name: sidecar
                command:
                  - sh
                  - -c
    `,
  },
  {
    name: 'block scalars, comments, numeric keys and a list at the top',
    text: yaml`
      - data:
          script: |
            echo one
            echo two
          # a comment
          1: numeric key
          folded: >-
            a b
      - plain
    `,
  },
  {
    name: 'aliases and merge keys: the table leaves them to the tree',
    text: yaml`
      base: &base
        cpu: 1
      limits:
        <<: *base
        memory: 2Gi
      copy: *base
    `,
    treeOnly: ['<<: *base', '*base\n'],
  },
];

for (const c of CASES) check(c);
