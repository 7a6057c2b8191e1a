import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseChunk, parseChunkLean, type ChunkEntry } from '../../server/src/documents/chunkParser';
import { documentChunks } from '../../server/src/documents/documentChunks';
import { yamlFiles } from './corpusFiles';

// The fast paths of the parse (cstWalk.ts, blockScan.ts) must give exactly the entries the composer
// and walkDocument give (values, document ranges, problems, position tables), or give up. The
// composer's path is the oracle they are held to.

export const SHARED = resolve(__dirname, '..', '..', '..', 'shared');

/** How many chunks were compared, and how many of them the fast path answered. */
export interface OracleCounts {
  answered: number;
  total: number;
}

/** A fast path: a chunk's entries, or undefined where it gives up. */
export type FastPath = (chunkText: string, chunkStart: number) => ChunkEntry[] | undefined;

/** Compares a fast path, and parseChunkLean, with the composer on each chunk of a text (as the server splits it). */
export function compareWithComposer(fastPath: FastPath, text: string, label: string, counts: OracleCounts = { answered: 0, total: 0 }): OracleCounts {
  for (const [from, to] of documentChunks(text)) {
    const chunk = text.slice(from, to);
    let expected;
    try {
      expected = parseChunk(chunk, from, true).entries;
    } catch {
      continue; // the parser itself gave up (absurd nesting)
    }
    counts.total++;
    const answered = fastPath(chunk, from);
    if (answered) {
      counts.answered++;
      assert.deepStrictEqual(answered, expected, `${label}, chunk at ${from}: ${JSON.stringify(chunk.slice(0, 200))}`);
      // Same own keys too: `__proto__` and friends defined, not assigned.
      for (const entry of answered) {
        if (entry.value && typeof entry.value === 'object') assert.deepStrictEqual(Object.getOwnPropertyNames(entry.value), Object.getOwnPropertyNames(expected.find((e) => e.start === entry.start)!.value));
      }
    }
    assert.deepStrictEqual(parseChunkLean(chunk, from), expected, `${label}, chunk at ${from}: parseChunkLean`);
  }
  return counts;
}

/** The comparison over every corpus file, as written and with CRLF line breaks. */
export function compareCorpus(fastPath: FastPath): OracleCounts {
  const counts = { answered: 0, total: 0 };
  for (const file of yamlFiles(join(SHARED, 'corpus'))) {
    const text = readFileSync(file, 'utf8');
    compareWithComposer(fastPath, text, file, counts);
    compareWithComposer(fastPath, text.replace(/\n/g, '\r\n'), `${file} (CRLF)`, counts);
  }
  return counts;
}

/** Keys and scalars whose plain values need the schema's tags, and keys an object inherits: both fast paths must take these. */
export const SCALAR_EDGE_CASES = [
  '~: null key',
  '1: one',
  '1.50: float key',
  'true: yes',
  '0x1F: hex',
  '__proto__: {polluted: true}',
  'constructor: c',
  'toString: s',
  `seq: [1, "2", 0x10, 0o7, .inf, -.Inf, .nan, 1e3, ~, '', "x\\ny", 'it''s', 1_000, +12, -0, 0.50]`,
].join('\n');
