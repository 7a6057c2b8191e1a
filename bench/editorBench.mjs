// Completion and hover latency deep inside one big multi-document file, Shipshape's server and
// yaml-language-server ("YLS", run offline in its Kubernetes mode as lspBench does) in the same run.
//
//   node bench/editorBench.mjs [--docs 5000 --requests 200 --warmups 40 --hover-warmups 400 --from 2500 --typing 0 --block 10 --no-pause --transport ipc --no-peer --server FILE --timeout 30000 --cpu-prof DIR]
//
// --warmups N: completion requests before the measured ones (not counted); --hover-warmups N: hover
// requests likewise. A server's JSON-RPC layer and hover path are optimised by V8 only after a few
// hundred requests (VS Code sends that many in a minute of editing: a code-action and highlight
// request per cursor move, symbols, folding and diagnostics per edit); until then each optimising
// compile runs on a background thread that, on 2 cores, delays the answers around it by a
// scheduler slice. Hovers are cheap for both servers, so they are warmed as a session would be;
// completions cost YLS ~200 ms each, so fewer.
//
// --block N: positions are asked in blocks of N, each block of one server then the other (default 10);
// --no-pause: the server not being measured is left running instead of paused (see measureInBlocks).
// --transport ipc|stdio: how the client talks to both servers; ipc (the default) is how VS Code runs
// both extensions' servers (TransportKind.ipc), stdio how other editors do.
// --typing N: then N completions right after a keystroke (an incremental didChange typing the next
// letter of a half-typed key, completion asked behind it); each waits for the previous keystroke's
// diagnostics, so YLS needs several seconds per keystroke at 5,000 documents.
// --cpu-prof DIR: our server runs with `node --cpu-prof` and writes its profile into DIR on exit
// (bench/cpuProfileSummary.mjs says where the completion and hover time goes).
//
// One generated file of N Kubernetes documents (bench/manifests.mjs, plus a half-typed key in the
// containers where key completion is asked: bench/editorPositions.mjs) is opened in each server (a
// fresh process each, one open after the other); once its initial diagnostics are in and the server
// is idle, a few warm-up requests (not counted). Then `--requests` completion requests and as many
// hover requests, one at a time, at the same positions for both servers, in alternating blocks
// (each block of positions asked of one server, then the other, alternating who goes first, the
// other server paused), so that both meet the machine of the same moment and neither meets the
// other's leftovers: documents from the middle of the file to its end. Each block opens with one
// request that is not counted (at a warm-up position): the first after a switch pays for the switch
// (a process resumed from SIGSTOP, caches full of the other's work); its times are reported apart.
// Time = client-side wall time from sending a request to its answer.
// The harness itself runs without V8's optimising compiler and with a single-threaded collector,
// collecting its garbage before each block (it re-runs itself with those flags): its own compile
// and GC threads must not compete with the server being measured, which on 2 cores put
// milliseconds into sub-millisecond answers of either server.
// Fails (exit code 1) when an answer is not real: completion without the expected items, hover
// without markdown showing the field's description.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { killAll, now, roundTrip, DEFAULT_TRANSPORT, parseTransport, withTimeout } from './lspProcess.mjs';
import { OursSession, YlsSession } from './servers.mjs';
import { median, ms, percentile } from './report.mjs';
import { editorWorkload } from './editorPositions.mjs';
import { checkCompletion, checkHover, completionLabels } from './editorChecks.mjs';
import { timedRequest, typedCompletions, waitIdle } from './editorRequests.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '..', 'shared');
const K8S_SCHEMA_DIR = join(SHARED, 'data', 'k8s-schema', 'v1.30.10-standalone-strict');
const RESULTS = join(ROOT, 'bench', 'results');
const KUBERNETES_VERSION = '1.30'; // YLS runs the v1.30.10 schemas
const TARGET_RATIO = 1 / 3; // the target: our p95 at most a third of YLS's
const FLOOR_PINGS = 100;
/** How the harness runs (see the header); main() re-runs the script with them when they are missing. */
const HARNESS_FLAGS = ['--no-opt', '--single-threaded-gc', '--expose-gc'];

/** What VS Code advertises for completion and hover (both servers shape their answers by it). */
const EDITOR_CAPABILITIES = {
  textDocument: {
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true, labelDetailsSupport: true },
      completionItemKind: { valueSet: Array.from({ length: 25 }, (_, i) => i + 1) },
      contextSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

function ylsScript() {
  const dir = join(ROOT, 'node_modules', 'yaml-language-server');
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return join(dir, typeof bin === 'string' ? bin : bin['yaml-language-server']);
}

function parseArgs(argv) {
  const opts = { docs: 5000, requests: 200, warmups: 40, hoverWarmups: 400, typing: 0, block: 10, pause: true, transport: DEFAULT_TRANSPORT, peer: true, timeoutMs: 30_000, server: join(ROOT, 'server', 'out', 'server.js') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--docs') opts.docs = Number(value().replace(/[_,]/g, ''));
    else if (arg === '--requests') opts.requests = Number(value());
    else if (arg === '--warmups') opts.warmups = Number(value());
    else if (arg === '--hover-warmups') opts.hoverWarmups = Number(value());
    else if (arg === '--from') opts.from = Number(value());
    else if (arg === '--typing') opts.typing = Number(value());
    else if (arg === '--no-peer') opts.peer = false;
    else if (arg === '--block') opts.block = Number(value());
    else if (arg === '--no-pause') opts.pause = false;
    else if (arg === '--transport') opts.transport = parseTransport(value());
    else if (arg === '--timeout') opts.timeoutMs = Number(value());
    else if (arg === '--server') opts.server = resolve(value());
    else if (arg === '--cpu-prof') opts.cpuProf = resolve(value());
    else throw new Error(`unknown option ${arg} (known: --docs N --requests N --warmups N --hover-warmups N --from N --typing N --block N --no-pause --transport ipc|stdio --no-peer --server FILE --timeout MS --cpu-prof DIR)`);
  }
  if (!Number.isInteger(opts.docs) || opts.docs < 40) throw new Error('--docs: a whole number ≥ 40');
  if (!Number.isInteger(opts.requests) || opts.requests < 8) throw new Error('--requests: a whole number ≥ 8');
  if (!Number.isInteger(opts.warmups) || opts.warmups < 0) throw new Error('--warmups: a whole number ≥ 0');
  if (!Number.isInteger(opts.hoverWarmups) || opts.hoverWarmups < 0) throw new Error('--hover-warmups: a whole number ≥ 0');
  if (!Number.isInteger(opts.typing) || opts.typing < 0 || opts.typing > Math.floor(opts.requests / 4)) throw new Error('--typing: a whole number from 0 to requests / 4 (one per half-typed key)');
  if (!Number.isInteger(opts.block) || opts.block < 1) throw new Error('--block: a whole number ≥ 1');
  if (!(opts.timeoutMs > 0)) throw new Error('--timeout: milliseconds > 0');
  opts.from ??= Math.floor(opts.docs / 2);
  if (!Number.isInteger(opts.from) || opts.from < 20 || opts.from > opts.docs - 20) throw new Error('--from: the first measured document, 20 to docs − 20');
  return opts;
}

/** One server in a fresh process: open → diagnostics, idle, warm-up; ready for the measured requests. */
async function prepareServer(start, workload, uri, { timeoutMs, hoverWarmups }) {
  const session = await start();
  const { server, name } = session;
  try {
    const open = await session.open(uri, workload.text);
    // It validated: the planted `replicas: "three"` of the first Deployment is reported.
    if (!open.diagnostics.some((d) => d.range.start.line === workload.plantedReplicasLine)) {
      throw new Error(`${name} did not validate the file: no diagnostic on line ${workload.plantedReplicasLine + 1} (replicas: "three"); it reported ${open.diagnostics.length}`);
    }
    await withTimeout(session.configured, `${name} never pulled its settings (workspace/configuration)`, 5_000);
    const idle = await waitIdle(server);
    for (const at of workload.warmup.completion) await timedRequest(server, 'textDocument/completion', uri, at, timeoutMs);
    const hovers = workload.warmup.hover;
    for (let i = 0; i < hoverWarmups && hovers.length; i++) await timedRequest(server, 'textDocument/hover', uri, hovers[i % hovers.length], timeoutMs);
    return { session, name, server, openMs: open.ms, initialDiagnostics: open.diagnostics.length, idle, floor: [], completion: [], hover: [], firsts: { floor: [], completion: [], hover: [] } };
  } catch (error) {
    await session.stop();
    throw error;
  }
}

/**
 * The measured requests, in alternating blocks: the positions are taken `block` at a time, each
 * block asked of every server in turn (who goes first alternating from block to block), so both
 * meet the machine of the same minute. While one server answers its block, the others are paused
 * (SIGSTOP): an idle server is not idle on a 2-core machine (its collector and compiler threads
 * finish what its last answer started), and measured side by side per request, each server's tail
 * was mostly the other's leftovers. `--block 1 --no-pause` asks each position of both in turn.
 */
async function measureInBlocks(runs, workload, uri, { timeoutMs, block, pause }) {
  const turns = (k) => (k % 2 === 0 ? runs : [...runs].reverse());
  const alone = async (run, measure) => {
    const others = pause ? runs.filter((r) => r !== run) : [];
    for (const other of others) other.server.pause();
    globalThis.gc?.(); // the harness's garbage, collected before the block rather than during it
    try {
      await measure();
    } finally {
      for (const other of others) other.server.resume();
    }
  };
  // Each block opens with one request that is not counted (`prime`: a ping, or the block's kind of
  // request at a warm-up position): the first request after a switch meets a process just woken
  // from SIGSTOP, caches the other server has just filled and the harness's collection; that cost
  // is the switch's, not any position's. It is kept and reported apart, as `firsts`.
  const inBlocks = async (positions, prime, ask) => {
    for (let b = 0; b * block < positions.length; b++) {
      const slice = positions.slice(b * block, (b + 1) * block);
      for (const run of turns(b)) {
        await alone(run, async () => {
          await prime(run, b, slice);
          for (const at of slice) await ask(run, at);
        });
      }
    }
  };
  const ping = async (run) => {
    const t0 = now();
    await roundTrip(run.server, timeoutMs);
    return now() - t0;
  };
  // A warm-up position (outside the measured ones), or with no warm-ups the block's first position.
  const warmupAt = (positions, b, slice) => (positions.length ? positions[b % positions.length] : slice[0]);
  const primeWith = (kind, method, warmups) => async (run, b, slice) => run.firsts[kind].push({ ms: (await timedRequest(run.server, method, uri, warmupAt(warmups, b, slice), timeoutMs)).ms });
  // The floor: a request the server does not know, answered by its JSON-RPC layer alone.
  await inBlocks(
    Array.from({ length: FLOOR_PINGS }),
    async (run) => run.firsts.floor.push({ ms: await ping(run) }),
    async (run) => run.floor.push({ ms: await ping(run) }),
  );
  await inBlocks(workload.completion, primeWith('completion', 'textDocument/completion', workload.warmup.completion), async (run, at) => {
    const { ms: elapsed, result } = await timedRequest(run.server, 'textDocument/completion', uri, at, timeoutMs);
    run.completion.push({ at, ms: elapsed, items: completionLabels(result).length, problem: checkCompletion(result, at, { values: run.name === 'ours' }) });
  });
  await inBlocks(workload.hover, primeWith('hover', 'textDocument/hover', workload.warmup.hover), async (run, at) => {
    const { ms: elapsed, result } = await timedRequest(run.server, 'textDocument/hover', uri, at, timeoutMs);
    run.hover.push({ at, ms: elapsed, problem: checkHover(result, at) });
  });
}

/** Last, one server at a time, as it changes the text: the half-typed keys the completions above were asked at. Then the server stops. */
async function finishServer(run, workload, uri, { timeoutMs, typing }) {
  try {
    // The peer's schemas have no enums for the value positions: only ours must offer values there.
    const typed = await typedCompletions(run.session, uri, workload.completion.filter((at) => at.kind === 'partialKey').slice(0, typing), timeoutMs, { values: run.name === 'ours' });
    const slowLogs = run.server.logs.filter((line) => /took \d+ ms/.test(line));
    const { name, openMs, initialDiagnostics, idle, floor, completion, hover, firsts } = run;
    return { name, openMs, initialDiagnostics, idle, floor, completion, hover, firsts, typed, slowLogs, peakRssMiB: run.session.peakRssMiB() };
  } finally {
    await run.session.stop();
  }
}

/** p50 / p95 and the like of one server's run, for the table and the JSON. */
function summarize(run) {
  const stats = (samples) => {
    const times = samples.map((s) => s.ms);
    return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: Math.max(...times), count: times.length };
  };
  const byKind = {};
  for (const s of run.completion) (byKind[s.at.kind] ??= []).push(s);
  const hoverByKind = {};
  for (const s of run.hover) (hoverByKind[s.at.kind] ??= []).push(s);
  return {
    completion: { ...stats(run.completion), itemsMedian: median(run.completion.map((s) => s.items)) },
    hover: stats(run.hover),
    floor: stats(run.floor),
    firsts: { floor: stats(run.firsts.floor), completion: stats(run.firsts.completion), hover: stats(run.firsts.hover) },
    typed: run.typed.length ? { ...stats(run.typed), itemsMedian: median(run.typed.map((s) => s.items)) } : undefined,
    completionByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { ...stats(v), itemsMedian: median(v.map((s) => s.items)) }])),
    hoverByKind: Object.fromEntries(Object.entries(hoverByKind).map(([k, v]) => [k, stats(v)])),
    problems: [...run.completion, ...run.hover, ...run.typed].filter((s) => s.problem).map((s) => `${s.at.label} (document ${s.at.doc}, line ${s.at.position.line + 1}): ${s.problem}`),
  };
}

function table(header, rows) {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const ratio = (a, b) => (a === undefined || b === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`);

function render(results) {
  const { ours, yls } = results.summary;
  const runs = [['ours', ours, results.runs.ours], ['yls', yls, results.runs.yls]].filter(([, s]) => s);
  const { options, workload } = results;
  const parts = [
    `## Completion and hover deep in a ${options.docs.toLocaleString('en-US')}-document file — ${results.date}`,
    '',
    `node ${results.machine.node}, ${results.machine.cpus} × ${results.machine.cpu}. One file of ${options.docs.toLocaleString('en-US')} Kubernetes documents ` +
      `(${(workload.bytes / 1024 / 1024).toFixed(1)} MiB, ${workload.lines.toLocaleString('en-US')} lines, ${workload.partialKeys} half-typed container keys), ` +
      `${options.requests} completion and ${options.requests} hover requests at positions in documents ${workload.measured[0].toLocaleString('en-US')}–${(workload.measured[1] - 1).toLocaleString('en-US')}, ` +
      'the same positions in the same shuffled order for both servers, one request at a time, ' +
        (options.pause ? `in alternating blocks of ${options.block} positions (each block asked of one server, then the other, alternating who goes first; the server not being measured paused with SIGSTOP), ` : `in alternating blocks of ${options.block} position${options.block === 1 ? '' : 's'}, both servers running, `) +
        `over ${options.transport === 'ipc' ? 'Node IPC, as VS Code runs both servers' : 'stdio'}, after the initial diagnostics, an idle server and ` +
      `${options.warmups} completion and ${options.hoverWarmups} hover warm-up requests (not counted). Time: client-side wall time, request sent → answer received. ` +
      `The harness runs with \`${HARNESS_FLAGS.join(' ')}\` and collects its garbage before each block (its own JIT and GC stay out of the measured requests); each block opens with one request that is not counted (below). ` +
      `Round-trip floor: ${FLOOR_PINGS} requests of a method the server does not know (its JSON-RPC layer alone answers). ` +
      'Items: YLS offers no values after `imagePullPolicy: ` / `protocol: ` because its v1.30.10 OpenAPI v2 schemas carry no enum there; only ours is required to.',
    '',
    table(
      ['server', 'completion p50', 'completion p95', 'hover p50', 'hover p95', 'completion items (median)', 'round-trip floor p50 / p95', 'open → diagnostics', 'peak RSS'],
      runs.map(([name, s, run]) => [
        name, ms(s.completion.p50), ms(s.completion.p95), ms(s.hover.p50), ms(s.hover.p95), String(s.completion.itemsMedian),
        `${ms(s.floor.p50)} / ${ms(s.floor.p95)}`, ms(run.openMs), `${Math.round(run.peakRssMiB)} MiB`,
      ]),
    ),
    '',
    '### By position kind (p50 / p95, items median)',
    '',
    table(
      ['position', ...runs.map(([name]) => name)],
      [
        ...Object.keys(ours.completionByKind).map((kind) => [`completion: ${kind}`, ...runs.map(([, s]) => { const k = s.completionByKind[kind]; return `${ms(k.p50)} / ${ms(k.p95)}, ${k.itemsMedian} items`; })]),
        ...Object.keys(ours.hoverByKind).map((kind) => [`hover: ${kind}`, ...runs.map(([, s]) => { const k = s.hoverByKind[kind]; return `${ms(k.p50)} / ${ms(k.p95)}`; })]),
      ],
    ),
    '',
    `### The request that opens each block (p50 / p95; not counted above)`,
    '',
    'One per block, at a warm-up position: the first request after the harness switches servers (this one just resumed from SIGSTOP, the caches full of the other one\'s work, the harness\'s collection just done). What it costs above the rest is the switch\'s, paid alike by both servers.',
    '',
    table(
      ['server', 'ping', 'completion', 'hover'],
      runs.map(([name, s]) => [name, ...['floor', 'completion', 'hover'].map((kind) => `${ms(s.firsts[kind].p50)} / ${ms(s.firsts[kind].p95)}`)]),
    ),
  ];
  if (ours.typed) {
    parts.push(
      '',
      `### Completion right after a keystroke (${ours.typed.count} keystrokes, each after the previous one's diagnostics)`,
      '',
      table(['server', 'p50', 'p95', 'max', 'items (median)'], runs.map(([name, s]) => [name, ms(s.typed?.p50), ms(s.typed?.p95), ms(s.typed?.max), String(s.typed?.itemsMedian ?? '—')])),
    );
  }
  if (yls) {
    const verdict = (a, b) => (a <= b * TARGET_RATIO ? 'met' : 'NOT met');
    parts.push(
      '',
      '### Target: our p95 ≤ ⅓ of YLS\'s',
      '',
      `- completion: ours p95 ${ms(ours.completion.p95)} vs YLS ${ms(yls.completion.p95)} (⅓ = ${ms(yls.completion.p95 * TARGET_RATIO)}): ratio ${ratio(ours.completion.p95, yls.completion.p95)}, p50 ratio ${ratio(ours.completion.p50, yls.completion.p50)}: **${verdict(ours.completion.p95, yls.completion.p95)}**`,
      `- hover: ours p95 ${ms(ours.hover.p95)} vs YLS ${ms(yls.hover.p95)} (⅓ = ${ms(yls.hover.p95 * TARGET_RATIO)}): ratio ${ratio(ours.hover.p95, yls.hover.p95)}, p50 ratio ${ratio(ours.hover.p50, yls.hover.p50)}: **${verdict(ours.hover.p95, yls.hover.p95)}**`,
      // Where a server's own work is small, the stdio JSON-RPC round trip dominates: say how much is left without it.
      `- above the round-trip floor (p50 − floor p50): completion ours ${ms(ours.completion.p50 - ours.floor.p50)} vs YLS ${ms(yls.completion.p50 - yls.floor.p50)} ` +
        `(${ratio(ours.completion.p50 - ours.floor.p50, yls.completion.p50 - yls.floor.p50)}); hover ours ${ms(ours.hover.p50 - ours.floor.p50)} vs YLS ${ms(yls.hover.p50 - yls.floor.p50)} ` +
        `(${ratio(ours.hover.p50 - ours.floor.p50, yls.hover.p50 - yls.floor.p50)})`,
    );
  }
  const notes = [];
  for (const [name, s, run] of runs) {
    if (s.problems.length) notes.push(`- ${name}: ${s.problems.length} answers not real, e.g. ${s.problems.slice(0, 3).join('; ')}`);
    if (!run.idle) notes.push(`- ${name} was not idle 60 s after its initial diagnostics (measured anyway)`);
    if (run.slowLogs.length) notes.push(`- ${name} logged: ${run.slowLogs.slice(0, 3).join('; ')}`);
  }
  if (notes.length) parts.push('', '### Warnings', '', ...notes);
  return parts.join('\n') + '\n';
}

/** Re-runs this script under HARNESS_FLAGS when started without them; returns its exit code, or undefined when already under them. */
async function asHarness() {
  if (HARNESS_FLAGS.every((flag) => process.execArgv.includes(flag))) return undefined;
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, ...HARNESS_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main() {
  const exitCode = await asHarness();
  if (exitCode !== undefined) {
    process.exitCode = exitCode;
    return;
  }
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.server)) throw new Error(`${opts.server} does not exist: build first (\`node esbuild.mjs\`)`);
  const oursEnv = existsSync(join(dirname(opts.server), '..', '..', 'schemas', 'index.json')) ? {} : { SHIPSHAPE_SCHEMAS: join(ROOT, 'schemas') };
  const oursExecArgv = opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProf}`] : [];
  if (opts.cpuProf) mkdirSync(opts.cpuProf, { recursive: true });
  const measured = [opts.from, opts.docs];
  const warmup = [Math.floor(opts.from * 0.8), opts.from];
  const workload = editorWorkload({ docs: opts.docs, measured, warmup, requests: opts.requests, warmups: opts.warmups, schemaDir: K8S_SCHEMA_DIR });

  const workspace = mkdtempSync(join(tmpdir(), 'shipshape-editor-bench-'));
  mkdirSync(join(workspace, 'k8s'));
  const emptyRoot = join(workspace, 'empty-root'); // ours indexes its folders at start; YLS does not (as in lspBench)
  mkdirSync(emptyRoot);
  const path = join(workspace, 'k8s', `manifests-${opts.docs}.yaml`);
  writeFileSync(path, workload.text);
  const uri = pathToFileURL(path).href;

  const results = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
    options: opts,
    workload: { bytes: workload.text.length, lines: workload.lineCount, partialKeys: workload.partialKeys, measured, warmup },
    runs: {},
    summary: {},
  };
  console.log(`Shipshape editor benchmark — node ${process.version}, ${cpus().length} cores; ${opts.docs} documents, ${opts.requests} completions + ${opts.requests} hovers per server, over ${opts.transport}`);
  try {
    const starts = [['ours', () => OursSession.start({ script: opts.server, rootPath: emptyRoot, kubernetesVersion: KUBERNETES_VERSION, env: oursEnv, execArgv: oursExecArgv, capabilities: EDITOR_CAPABILITIES, transport: opts.transport })]];
    if (opts.peer) {
      starts.push(['yls', () => YlsSession.start({ script: ylsScript(), rootPath: workspace, schemaDir: K8S_SCHEMA_DIR, kubernetesGlobs: ['k8s/**/*.yaml'], capabilities: EDITOR_CAPABILITIES, transport: opts.transport })]);
    }
    // One server opens the file at a time (each open is timed alone); then both stay up for the measured requests.
    const prepared = [];
    for (const [, start] of starts) prepared.push(await prepareServer(start, workload, uri, opts));
    await measureInBlocks(prepared, workload, uri, opts);
    for (const ready of prepared) {
      const run = await finishServer(ready, workload, uri, opts);
      results.runs[run.name] = run;
      const s = (results.summary[run.name] = summarize(run));
      console.log(`  ${run.name}: open → diagnostics ${ms(run.openMs)}; completion p50 ${ms(s.completion.p50)} p95 ${ms(s.completion.p95)}; hover p50 ${ms(s.hover.p50)} p95 ${ms(s.hover.p95)}; ${s.problems.length} answers not real`);
    }
  } finally {
    killAll();
    rmSync(workspace, { recursive: true, force: true });
  }

  const markdown = render(results);
  console.log(`\n${markdown}`);
  mkdirSync(RESULTS, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, '-');
  const json = {
    ...results,
    runs: Object.fromEntries(Object.entries(results.runs).map(([k, r]) => [k, { ...r, floor: r.floor.map((f) => Number(f.ms.toFixed(3))), firsts: Object.fromEntries(Object.entries(r.firsts).map(([kind, samples]) => [kind, samples.map((f) => Number(f.ms.toFixed(3)))])), completion: r.completion.map(sample), hover: r.hover.map(sample), typed: r.typed.map(sample) }])),
  };
  for (const name of [`editorBench-${stamp}`, 'editorBench-latest']) {
    writeFileSync(join(RESULTS, `${name}.md`), markdown);
    writeFileSync(join(RESULTS, `${name}.json`), JSON.stringify(json, null, 2) + '\n');
  }
  console.log(`written: bench/results/editorBench-${stamp}.{md,json} (and editorBench-latest.*)`);

  const failures = Object.entries(results.summary).filter(([, s]) => s.problems.length > 0);
  if (failures.length) {
    const lines = failures.map(([name, s]) => `${name}: ${s.problems.length} answers not real:\n    ${s.problems.slice(0, 8).join('\n    ')}`);
    throw new Error(`answers are not real (a peer failure means its setup is not the fair one of ../shared/reference/peer-benchmark.md):\n  ${lines.join('\n  ')}`);
  }
}

/** One sample for the JSON: where, how long, what was wrong. */
function sample(s) {
  return { doc: s.at.doc, kind: s.at.kind, line: s.at.position.line, character: s.at.position.character, ms: Number(s.ms.toFixed(3)), ...(s.items !== undefined ? { items: s.items } : {}), ...(s.problem ? { problem: s.problem } : {}) };
}

main().catch((error) => {
  killAll();
  console.error(`\neditor bench failed: ${error?.message ?? error}`);
  process.exitCode = 1;
});
