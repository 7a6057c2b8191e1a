#!/usr/bin/env node
// Cross-reference benchmark (prints figures; not a test): a generated workspace of 2,000 files /
// 10,000 objects (1,000 apps of two files with five objects each). Measures (1) the whole-workspace `shipshape check` against the bare `yaml` parse
// of the same files (the floor), (2) over LSP: start → index built and first diagnostics, and a
// label edit in one file → the refreshed diagnostics of another open file, with how many objects
// the edit made the engine re-evaluate.
// Usage: node bench/crossrefBench.mjs [--apps 1000]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { appFiles, writeWorkspace } from './crossrefWorkspace.mjs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { OursSession } from './servers.mjs';
import { killAll, now, withTimeout } from './lspProcess.mjs';
import { median } from './report.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const apps = Number(process.argv[process.argv.indexOf('--apps') + 1]) || 1000;

function bareParseMs(dir) {
  const files = readdirSync(dir).map((f) => join(dir, f));
  const runs = [];
  for (let r = 0; r < 3; r++) {
    const t0 = now();
    for (const f of files) parseAllDocuments(readFileSync(f, 'utf8'));
    runs.push(now() - t0);
  }
  return median(runs);
}

async function main() {
  const ws = mkdtempSync(join(tmpdir(), 'shipshape-xref-'));
  const dir = writeWorkspace(ws, apps);
  console.log(`Cross-reference benchmark — node ${process.version}, ${cpus().length} cores; ${apps * 2} files, ${apps * 10} objects in ${dir}`);
  try {
    const floor = bareParseMs(dir);

    // (1) The CLI over the whole workspace (process start, schemas, parse, index, every rule).
    const t0 = now();
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin/shipshape.js'), 'check', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const cliMs = now() - t0;
    const findings = JSON.parse(cli.stdout || '[]');
    const aboveHint = findings.filter((f) => f.severity !== 'hint');
    if (cli.status !== 0 || aboveHint.length) throw new Error(`the generated workspace must be clean: exit ${cli.status}, ${aboveHint.length} findings above hint, first: ${JSON.stringify(aboveHint[0])}\n${cli.stderr}`);

    // (2) LSP: start with the workspace as root; the scan ends with a diagnostics refresh.
    const started = now();
    let refreshed = () => {};
    const session = await OursSession.start({ script: join(ROOT, 'server/out/server.js'), rootPath: ws, kubernetesVersion: '1.35', env: {} });
    session.server.connection.onRequest('workspace/diagnostic/refresh', () => (refreshed(), null));
    const nextRefresh = () => new Promise((resolve) => (refreshed = resolve));
    await withTimeout(nextRefresh(), 'workspace scan');
    const indexMs = now() - started;
    const deployUri = pathToFileURL(join(dir, 'app-7-deploy.yaml')).href;
    const svcUri = pathToFileURL(join(dir, 'app-7-svc.yaml')).href;
    const deployText = readFileSync(join(dir, 'app-7-deploy.yaml'), 'utf8');
    await session.open(svcUri, readFileSync(join(dir, 'app-7-svc.yaml'), 'utf8'));
    await session.open(deployUri, deployText);
    const firstMs = now() - started;
    const stats0 = await session.server.request('shipshape/stats', {}, 'stats');

    // Label edits: break the Service's selection, then mend it; each time until the Service's pull shows it.
    const latencies = [];
    const evaluated = [];
    for (let k = 0; k < 6; k++) {
      const broken = k % 2 === 0;
      const text = broken ? appFiles(7, 'app-7-renamed').deploy : deployText;
      const before = await session.server.request('shipshape/stats', {}, 'stats');
      const t = now();
      const refresh = nextRefresh();
      await session.change(deployUri, text);
      await withTimeout(refresh, 'refresh after a label edit');
      const items = await session.pull(svcUri);
      latencies.push(now() - t);
      const has = items.some((d) => d.code === 'service-selector-no-pods');
      if (has !== broken) throw new Error(`edit ${k}: expected the Service finding to be ${broken ? 'present' : 'gone'}`);
      const after = await session.server.request('shipshape/stats', {}, 'stats');
      evaluated.push(after.crossrefEvaluations - before.crossrefEvaluations);
    }
    const rss = session.peakRssMiB();
    await session.stop();

    const rows = [
      ['files / objects', `${apps * 2} / ${stats0.objects}`],
      ['bare `yaml` parse of all files (floor)', `${floor.toFixed(0)} ms`],
      ['`shipshape check` whole workspace (process start to exit)', `${cliMs.toFixed(0)} ms (${(cliMs / floor).toFixed(2)}× the floor; target ≤ 3×)`],
      ['LSP: start → index built (scan refresh)', `${indexMs.toFixed(0)} ms (${(indexMs / floor).toFixed(2)}× the floor)`],
      ['LSP: start → both open files’ diagnostics', `${firstMs.toFixed(0)} ms`],
      ['label edit → the other file’s refreshed diagnostics, p50 / max', `${median(latencies).toFixed(1)} / ${Math.max(...latencies).toFixed(1)} ms`],
      ['objects re-evaluated per label edit', `${evaluated.join(', ')} (of ${stats0.objects})`],
      ['server peak RSS', `${rss} MiB`],
    ];
    console.log('\n| measure | value |\n| --- | --- |');
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  } finally {
    killAll();
    rmSync(ws, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error.stack ?? error);
  killAll();
  process.exit(1);
});
