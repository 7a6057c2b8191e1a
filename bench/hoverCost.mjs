// What a hover costs inside the server, without the LSP round trip: the engine's hover() at the
// editor benchmark's positions (bench/editorBench.mjs: the same generated 5,000-document file, the
// same 200 positions in its second half), on the file parsed as the server parses a large open
// file (position tables from the parse worker, structured-cloned), with the workspace index built.
//
//   node --import tsx bench/hoverCost.mjs [--docs 5000 --rounds 5]
//
// Next to editorBench's figures this says how much of a hover's client-side latency is the
// server's own work and how much the round trip every request pays (the JSON-RPC floor there).
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorWorkload } from './editorPositions.mjs';
import { percentile } from './report.mjs';
import { ParsedChunk, parseFileWith } from '../server/src/documents/manifestFile.ts';
import { KubernetesSchemas } from '../server/src/schema/kubernetesSchemas.ts';
import { WorkspaceIndex } from '../server/src/crossref/workspaceIndex.ts';
import { hover } from '../server/src/hover/hover.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_DIR = join(ROOT, '..', 'shared', 'data', 'k8s-schema', 'v1.30.10-standalone-strict'); // editorBench's positions are checked against it
const VERSION = '1.30';
const WARM_ROUNDS = 30; // the server warms its hover path at start-up (hover/hoverWarmup.ts); so does this

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const docs = option('--docs', 5000);
const rounds = option('--rounds', 5);
if (!Number.isInteger(docs) || docs < 40) throw new Error('--docs: a whole number ≥ 40');
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: a whole number ≥ 1');

const from = Math.floor(docs / 2);
const workload = editorWorkload({ docs, measured: [from, docs], warmup: [Math.floor(from * 0.8), from], requests: 200, warmups: 0, schemaDir: SCHEMA_DIR });
const file = parseFileWith('file:///bench/manifests.yaml', workload.text, ParsedChunk.parseAsInWorker);
const index = new WorkspaceIndex();
index.update(file);
const schemas = new KubernetesSchemas();
const offsets = workload.hover.map((at) => file.lines.offsetAt(at.position));
const ask = (offset) => hover({ file, offset, schemas, version: VERSION, index, compose: undefined });

const missing = offsets.filter((offset) => !ask(offset));
if (missing.length) throw new Error(`no hover at ${missing.length} of ${offsets.length} positions: the workload and the engine disagree`);
for (let r = 0; r < WARM_ROUNDS; r++) for (const offset of offsets) ask(offset);

const hoverTimes = [];
const withJsonTimes = [];
for (let r = 0; r < rounds; r++) {
  for (const offset of offsets) {
    const t0 = performance.now();
    const answer = ask(offset);
    const t1 = performance.now();
    JSON.stringify(answer); // what the transport then does with it
    const t2 = performance.now();
    hoverTimes.push(t1 - t0);
    withJsonTimes.push(t2 - t0);
  }
}
const us = (value) => `${Math.round(value * 1000)} µs`; // a hover is tens of microseconds: milliseconds would round it away
const line = (label, times) => `${label}: p50 ${us(percentile(times, 0.5))}, p95 ${us(percentile(times, 0.95))}, max ${us(Math.max(...times))}`;
console.log(`hover() in-process, ${docs.toLocaleString('en-US')}-document file, ${offsets.length} positions × ${rounds} rounds (node ${process.version})`);
console.log(`  ${line('hover', hoverTimes)}`);
console.log(`  ${line('hover + JSON of the answer', withJsonTimes)}`);
