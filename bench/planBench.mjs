#!/usr/bin/env node
// Dry-run benchmark (prints figures; not a test): `shipshape plan` of the whole corpus and of a
// generated workspace of 5,000 objects (500 apps × 10), against the bare `yaml` parse of the same
// files (the floor). Each is planned against an empty cluster, committed, then planned again against
// the committed state (every object "unchanged": the three-way merge of each object is done).
// Usage: node bench/planBench.mjs [--apps 500]
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { writeWorkspace } from './crossrefWorkspace.mjs';
import { median } from './report.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const apps = Number(process.argv[process.argv.indexOf('--apps') + 1]) || 500;
const now = () => performance.now();

function yamlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => /\.ya?ml$/i.test(f) && statSync(f).isFile());
}

function bareParseMs(files) {
  const runs = [];
  for (let r = 0; r < 3; r++) {
    const t0 = now();
    for (const f of files) parseAllDocuments(readFileSync(f, 'utf8'));
    runs.push(now() - t0);
  }
  return median(runs);
}

function plan(args) {
  const t0 = now();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/shipshape.js'), 'plan', '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 1 << 29 });
  const ms = now() - t0;
  if (run.status !== 0 && run.status !== 1) throw new Error(`plan failed (exit ${run.status}): ${run.stderr}`);
  const result = JSON.parse(run.stdout);
  const counts = {};
  for (const o of result.objects) counts[o.action] = (counts[o.action] ?? 0) + 1;
  return { ms, counts, rollouts: result.rollouts.length, compose: result.compose.length };
}

function measure(label, target, state) {
  const files = yamlFiles(target);
  const floor = bareParseMs(files);
  const first = plan(['--state', state, '--commit', target]);
  const again = plan(['--state', state, target]);
  const row = (name, r) =>
    `| ${label} | ${name} | ${files.length} | ${Math.round(r.ms)} ms | ${Math.round(floor)} ms | ${(r.ms / floor).toFixed(1)}× | ${JSON.stringify(r.counts)} | ${r.rollouts} | ${r.compose} |`;
  return [row('empty cluster → commit', first), row('against the committed state', again)];
}

const ws = mkdtempSync(join(tmpdir(), 'shipshape-plan-'));
try {
  console.log(`Dry-run benchmark — node ${process.version}, ${cpus().length} cores (each figure is one CLI run: process start, schemas, parse, plan, JSON out)`);
  console.log('| input | run | files | plan | bare parse | ratio | verdicts | rollouts | compose projects |');
  console.log('|---|---|---:|---:|---:|---:|---|---:|---:|');
  for (const line of measure('corpus', CORPUS, join(ws, 'corpus-state.yaml'))) console.log(line);
  const generated = writeWorkspace(ws, apps);
  // The apps live in namespaces team-0…19: created first (kubectl -f reads a folder in name order).
  const namespaces = Array.from({ length: 20 }, (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: team-${i}}\n`);
  writeFileSync(join(generated, '00-namespaces.yaml'), namespaces.join('---\n'));
  for (const line of measure(`generated ${apps * 10 + 20} objects`, generated, join(ws, 'generated-state.yaml'))) console.log(line);
} finally {
  rmSync(ws, { recursive: true, force: true });
}
