// Side-by-side benchmark of Shipshape's language server and yaml-language-server ("YLS", the
// peer; run offline and fairly as ../shared/reference/peer-benchmark.md says). Prints figures;
// the only checks are that each server really validated (the planted errors are reported).
//
//   npm run bench [-- --sizes 10,100 --no-peer --no-corpus --edits 10 --transport ipc --server path/to/server.js]
//
// --transport ipc|stdio: how the client talks to both servers; ipc (the default) is how VS Code runs
// both extensions' servers (TransportKind.ipc), stdio how other editors do.
//
// For each size (one generated file of N Kubernetes documents, exactly two planted errors), each
// server in fresh processes: cold open → diagnostics (median of 3), warm-up opens (not counted), warm opens
// of new texts (same shape, other names), warm opens of copies (same text, other uri), 1-char edits →
// diagnostics, peak RSS.
// Then the whole ../shared/corpus opened at once in a fresh process of each server.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { generateManifests, editedText, EDIT_CHARS } from './manifests.mjs';
import { killAll, now, DEFAULT_TRANSPORT, parseTransport, waitIdle, withTimeout } from './lspProcess.mjs';
import { OursSession, YlsSession } from './servers.mjs';
import { corpusTable, median, ms, percentile, sizesTable, targetLines } from './report.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '..', 'shared');
const PATHS = {
  yls: (() => {
    const dir = join(ROOT, 'node_modules', 'yaml-language-server');
    const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return join(dir, typeof bin === 'string' ? bin : bin['yaml-language-server']);
  })(),
  k8sSchemaDir: join(SHARED, 'data', 'k8s-schema', 'v1.30.10-standalone-strict'),
  composeSchema: join(SHARED, 'data', 'compose-spec', 'compose-spec.json'),
  corpus: join(SHARED, 'corpus'),
  results: join(ROOT, 'bench', 'results'),
};
const KUBERNETES_VERSION = '1.30'; // YLS runs the v1.30.10 schemas

function parseArgs(argv) {
  const opts = { sizes: [10, 100, 1000, 5000], peer: true, corpus: true, edits: 10, transport: DEFAULT_TRANSPORT, server: join(ROOT, 'server', 'out', 'server.js') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--sizes') opts.sizes = value().split(',').map((s) => Number(s.trim().replace(/[_,]/g, '')));
    else if (arg === '--no-peer') opts.peer = false;
    else if (arg === '--no-corpus') opts.corpus = false;
    else if (arg === '--edits') opts.edits = Number(value());
    else if (arg === '--transport') opts.transport = parseTransport(value());
    else if (arg === '--server') opts.server = resolve(value());
    else throw new Error(`unknown option ${arg} (known: --sizes 10,100 --no-peer --no-corpus --edits N --transport ipc|stdio --server FILE)`);
  }
  if (opts.sizes.some((n) => !Number.isInteger(n) || n < 5)) throw new Error('--sizes: whole numbers ≥ 5 (two Deployments are needed for the planted errors)');
  if (!(opts.edits >= 1 && opts.edits <= EDIT_CHARS.length)) throw new Error(`--edits: 1 to ${EDIT_CHARS.length}`);
  return opts;
}

// ---------------------------------------------------------------- sanity checks

/** Throws unless both planted errors are reported; returns a warning when there is anything else. */
function checkPlanted(server, what, all, generated) {
  // Hints are open-world cross-reference notes (e.g. a ServiceAccount defined outside the file):
  // the planted schema errors are what both servers must report.
  const diagnostics = all.filter((d) => (d.severity ?? 1) < 4);
  const lines = new Set(diagnostics.map((d) => d.range.start.line));
  const missing = Object.entries(generated.plantedLines).filter(([, line]) => !lines.has(line));
  if (missing.length > 0) {
    const seen = diagnostics.slice(0, 5).map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join('\n    ') || '(no diagnostics at all)';
    throw new Error(
      `${server} did not validate the ${generated.docs}-document file (${what}): no diagnostic for ` +
        missing.map(([name, line]) => `${name} on line ${line + 1}`).join(', ') + `.\n  it reported ${diagnostics.length}:\n    ${seen}`,
    );
  }
  if (diagnostics.length !== 2) {
    return `${server}, ${generated.docs} docs, ${what}: ${diagnostics.length} diagnostics where 2 were planted: ` +
      diagnostics.filter((d) => !Object.values(generated.plantedLines).includes(d.range.start.line)).slice(0, 3).map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join('; ');
  }
  return undefined;
}

// ---------------------------------------------------------------- measurements

/** The floor: the bare `yaml` package parsing the same text in this process (median of ≥ 5 runs after warm-ups). */
function measureFloor(text) {
  const warmUntil = now() + 300;
  do parseAllDocuments(text);
  while (now() < warmUntil);
  const parse = [];
  const parseToJs = [];
  const until = now() + 1_000;
  while (parse.length < 5 || (now() < until && parse.length < 50)) {
    let t0 = now();
    const docs = parseAllDocuments(text);
    const parsed = now() - t0;
    t0 = now();
    for (const doc of docs) doc.toJS();
    parse.push(parsed);
    parseToJs.push(parsed + now() - t0);
  }
  return { parseMs: median(parse), parseToJsMs: median(parseToJs), runs: parse.length };
}

/** Checks a timed result of one server (see checkPlanted), keeping any warning once; gives its time. */
function plantedCheck(server, warnings) {
  return (what, result, generated) => {
    const warning = checkPlanted(server, what, result.diagnostics, generated);
    if (warning && !warnings.includes(warning)) warnings.push(warning);
    return result.ms;
  };
}

/**
 * One server, one size: cold opens (the median of as many fresh processes as there are copies: one
 * cold open is one sample of a noisy machine), then in the first process warm opens (median of the
 * copies), edits and peak RSS. With `startFirst` (ours): as many cold opens again, each in a process
 * whose validator cache is empty, as on the first start after an install.
 */
async function runSize(start, files, edits, warnings, startFirst) {
  const measured = await runSession(start, files, edits, warnings);
  const coldOpen = async (startOne) => {
    const session = await startOne();
    try {
      return plantedCheck(session.name, warnings)('cold open', await session.open(files.main.uri, files.main.gen.text), files.main.gen);
    } finally {
      await session.stop();
    }
  };
  const coldRuns = [measured.coldMs];
  for (let k = 1; k < files.copies.length; k++) coldRuns.push(await coldOpen(start));
  const first = {};
  if (startFirst) {
    first.coldFirstRuns = [];
    for (let k = 0; k < files.copies.length; k++) first.coldFirstRuns.push(await coldOpen(startFirst));
    first.coldFirstMs = median(first.coldFirstRuns);
  }
  return { ...measured, coldMs: median(coldRuns), coldRuns, ...first };
}

/** The first fresh process of one server and size: cold open, warm opens, edits, peak RSS. */
async function runSession(start, files, edits, warnings) {
  const { main, copies, variants, warmups } = files;
  const session = await start();
  const name = session.name;
  const check = plantedCheck(name, warnings);
  try {
    const coldMs = check('cold open', await session.open(main.uri, main.gen.text), main.gen);
    await withTimeout(session.configured, `${name} never pulled its settings (workspace/configuration)`, 1_000);
    // Warm means steady state: first opens of other new texts (not counted, closed again), so that
    // both servers have the same history behind the measured opens. New texts before copies: a
    // server that serves a copy from the parse it has (ours) would otherwise meet the new texts with
    // less warm-up behind it than one that parses every copy again.
    for (const { uri, gen } of warmups) {
      await waitIdle(session.server);
      check('warm-up open', await session.open(uri, gen.text), gen);
      await session.close(uri);
    }
    const warmNewRuns = [];
    for (const { uri, gen } of variants) {
      await waitIdle(session.server);
      warmNewRuns.push(check('warm open of a new text', await session.open(uri, gen.text), gen));
    }
    const warmRuns = [];
    for (const uri of copies) {
      await waitIdle(session.server);
      warmRuns.push(check('warm open', await session.open(uri, main.gen.text), main.gen));
    }
    for (const uri of [...copies, ...variants.map((v) => v.uri)]) await session.close(uri);
    await waitIdle(session.server);
    const editMs = [];
    for (let k = 0; k < edits; k++) editMs.push(check(`edit ${k + 1}`, await session.change(main.uri, editedText(main.gen, k)), main.gen));
    const extra = name === 'yls' ? { contentRequests: session.contentRequests.length } : {};
    return {
      coldMs,
      warmMs: median(warmRuns), warmRuns,
      warmNewMs: median(warmNewRuns), warmNewRuns,
      editP50: percentile(editMs, 0.5), editP95: percentile(editMs, 0.95), editMs,
      peakRssMiB: session.peakRssMiB(), ...extra,
    };
  } finally {
    await session.stop();
  }
}

/** The generated files of one size, written to the workspace: the main file, same-text copies, new-text variants, warm-up texts. */
function sizeFiles(workspace, docs) {
  const repeats = docs >= 5000 ? 1 : 3; // warm opens per kind; YLS needs ~7 s for each at 5,000
  const write = (suffix, gen) => {
    const path = join(workspace, 'k8s', `manifests-${docs}${suffix}.yaml`);
    writeFileSync(path, gen.text);
    return { uri: pathToFileURL(path).href, gen };
  };
  const main = write('', generateManifests(docs, 'a'));
  const copies = Array.from({ length: repeats }, (_, i) => write(`-copy${i + 1}`, main.gen).uri);
  const variants = Array.from({ length: repeats }, (_, i) => write(`-new${i + 1}`, generateManifests(docs, 'bcd'[i])));
  const warmups = Array.from({ length: docs >= 5000 ? 1 : 2 }, (_, i) => write(`-warmup${i + 1}`, generateManifests(docs, 'wx'[i])));
  return { main, copies, variants, warmups };
}

function corpusFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...corpusFiles(path));
    else if (/\.ya?ml$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

async function runCorpus(start) {
  const files = corpusFiles(PATHS.corpus).map((path) => ({ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') }));
  const session = await start();
  try {
    const { ms: elapsed, byUri } = await session.openAll(files);
    const counts = [...byUri.values()].map((d) => d.length);
    const run = {
      files: files.length,
      ms: elapsed,
      diagnostics: counts.reduce((a, b) => a + b, 0),
      filesWithDiagnostics: counts.filter((n) => n > 0).length,
      peakRssMiB: session.peakRssMiB(),
      // per file with findings (path under the corpus → count), to compare the servers' verdicts
      perFile: Object.fromEntries(
        [...byUri].filter(([, d]) => d.length > 0).map(([uri, d]) => [fileURLToPath(uri).slice(PATHS.corpus.length + 1), d.length]),
      ),
    };
    if (session.name === 'yls') run.unservedContentRequests = session.contentRequests.filter((u) => !u.includes('kubernetes-json-schema')).length;
    // The archived manifests use removed API versions: a server that validated must say something.
    if (run.diagnostics === 0) throw new Error(`${session.name} reported no diagnostics on the whole corpus: it did not validate`);
    return run;
  } finally {
    await session.stop();
  }
}

/** An uncounted first start of ours that fills the validator cache, as any earlier editor session would. */
async function primeValidatorCache(start, workspace) {
  const path = join(workspace, 'k8s', 'prime.yaml');
  const gen = generateManifests(10, 'p');
  writeFileSync(path, gen.text);
  const session = await start();
  try {
    await session.open(pathToFileURL(path).href, gen.text);
    await waitIdle(session.server); // the common kinds are compiled (and stored) while the server idles
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  } finally {
    await session.stop();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.server)) throw new Error(`${opts.server} does not exist: run \`npm run build\` first (or \`npm run bench\`)`);
  const oursEnv = existsSync(join(dirname(opts.server), '..', '..', 'schemas', 'index.json')) ? {} : { SHIPSHAPE_SCHEMAS: join(ROOT, 'schemas') };
  const workspace = mkdtempSync(join(tmpdir(), 'shipshape-bench-'));
  mkdirSync(join(workspace, 'k8s'));
  // Our server indexes its workspace folders at start (cross-references); YLS does not. To time the
  // same job on both (validate what is opened), ours gets an empty folder as its workspace.
  const emptyRoot = join(workspace, 'empty-root');
  mkdirSync(emptyRoot);

  // Ours keeps compiled validators in a cache folder (as in an editor after its first start); the
  // "first start" cold opens each get an empty one.
  const validatorCache = join(workspace, 'validator-cache');
  const startOurs = (rootPath, cacheDir = validatorCache) => () =>
    OursSession.start({ script: opts.server, rootPath, kubernetesVersion: KUBERNETES_VERSION, env: { ...oursEnv, SHIPSHAPE_CACHE_DIR: cacheDir }, transport: opts.transport });
  const startOursFirst = (rootPath) => () => startOurs(rootPath, mkdtempSync(join(workspace, 'empty-cache-')))();
  const startYls = (rootPath, extra = {}) => () =>
    YlsSession.start({ script: PATHS.yls, rootPath, schemaDir: PATHS.k8sSchemaDir, kubernetesGlobs: ['k8s/**/*.yaml', 'k8s/**/*.yml'], transport: opts.transport, ...extra });

  const warnings = [];
  const results = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
    options: opts,
    sizes: [],
    corpus: {},
    warnings,
  };
  console.log(`Shipshape LSP benchmark — node ${process.version}, ${cpus().length} cores, over ${opts.transport}; workspace ${workspace}`);
  try {
    await primeValidatorCache(startOurs(emptyRoot), workspace);
    for (const docs of opts.sizes) {
      const files = sizeFiles(workspace, docs);
      const { main } = files;
      const row = { docs, bytes: main.gen.text.length, floor: measureFloor(main.gen.text) };
      row.ours = await runSize(startOurs(emptyRoot), files, opts.edits, warnings, startOursFirst(emptyRoot));
      if (opts.peer) row.yls = await runSize(startYls(workspace), files, opts.edits, warnings);
      results.sizes.push(row);
      const yls = row.yls ? `; YLS cold ${ms(row.yls.coldMs)}, warm ${ms(row.yls.warmMs)}, edit p50 ${ms(row.yls.editP50)}` : '';
      console.log(`  ${docs} docs (${(row.bytes / 1024).toFixed(0)} KiB): ours cold ${ms(row.ours.coldMs)} (first start ${ms(row.ours.coldFirstMs)}), warm ${ms(row.ours.warmMs)}, edit p50 ${ms(row.ours.editP50)}${yls}; bare parse ${ms(row.floor.parseMs)}`);
    }
    if (opts.corpus) {
      results.corpus.ours = await runCorpus(startOurs(PATHS.corpus));
      if (opts.peer) {
        const compose = { [pathToFileURL(PATHS.composeSchema).href]: ['compose/**/*.yaml', 'compose/**/*.yml'] };
        results.corpus.yls = await runCorpus(startYls(PATHS.corpus, { extraSchemas: compose }));
      }
      console.log(`  corpus: ${Object.entries(results.corpus).map(([s, r]) => `${s} ${ms(r.ms)}`).join(', ')}`);
    }
  } finally {
    killAll();
    rmSync(workspace, { recursive: true, force: true });
  }

  const markdown = render(results);
  console.log(`\n${markdown}`);
  mkdirSync(PATHS.results, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, '-');
  for (const name of [`lspBench-${stamp}`, 'lspBench-latest']) {
    writeFileSync(join(PATHS.results, `${name}.md`), markdown);
    writeFileSync(join(PATHS.results, `${name}.json`), JSON.stringify(results, null, 2) + '\n');
  }
  console.log(`\nwritten: bench/results/lspBench-${stamp}.{md,json} (and lspBench-latest.*)`);
}

function render(results) {
  const parts = [
    `## Shipshape vs yaml-language-server — ${results.date}`,
    '',
    `node ${results.machine.node}, ${results.machine.cpus} × ${results.machine.cpu}. Both servers over ${results.options.transport === 'ipc' ? 'Node IPC, as VS Code runs them' : 'stdio'}. Times are open/edit → diagnostics as the client sees them ` +
      '(YLS: push, including its fixed 200 ms debounce; ours: pull response). "cold": a fresh process, didOpen sent right after `initialized` (median of 3 processes; 1 at 5,000 docs), ' +
      'ours with the compiled validators an earlier start left in its cache; "first start": the same with an empty cache (each kind\'s validator compiled); ' +
      '"warm": another uri opened in the same process once it is idle, after 2 uncounted opens of other new texts (1 at 5,000 docs) (median of 3 opens; 1 at 5,000 docs); ' +
      '"new text" has the same shape but other names, so no document is served from a cache. Edits: full-text didChange of one character, ' +
      `${results.options.edits} edits. bare parse = \`yaml\` parseAllDocuments of the same text in the bench process (median of ≥ 5 runs).`,
    '',
    sizesTable(results.sizes),
  ];
  if (Object.keys(results.corpus).length > 0) parts.push('', '### ../shared/corpus (every .yaml/.yml, opened at once in a fresh process)', '', corpusTable(results.corpus));
  parts.push('', '### Targets (1,000 documents: open → diagnostics ≤ 1/3 of YLS and ≤ 2× the bare parse)', '', ...targetLines(results.sizes));
  if (results.warnings.length > 0) parts.push('', '### Warnings', '', ...results.warnings.map((w) => `- ${w}`));
  return parts.join('\n') + '\n';
}

main().catch((error) => {
  killAll();
  console.error(`\nbench aborted: ${error?.message ?? error}`);
  process.exitCode = 1;
});
