// npm run test:e2e: installs the e2e toolchain and code-server (when their lockfiles changed), packages
// the .vsix, type-checks these files, then runs the in-editor suite and the UI suite, each in its own
// process group under a deadline. Whatever happens, it stops every process it started and removes its
// run folder; screenshots (and the editor's logs, when a suite failed) stay in .test-output/e2e/.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { e2eDir, outputDir, repoDir } from './lib/paths.mjs';
import { guardProcess, onCleanup, spawnGroup, stopAll, stopGroup, stopping } from './lib/processes.mjs';
import { RUN_ENV, useRunDir } from './lib/runDir.mjs';
import { checkBrowser, installCodeServer } from './setup.mjs';

const SUITE_TIMEOUT_MS = 5 * 60_000;
const SUITE_GRACE_MS = 10_000; // for a suite to close its browser and stop its code-server itself
const TOTAL_TIMEOUT_MS = 20 * 60_000; // a cold code-server install alone takes about 3 minutes on 2 cores

// A fresh run folder even if the caller's environment names one: the sweep below must find only our processes.
delete process.env[RUN_ENV];
const runDir = useRunDir();
const totals = { passed: 0, failed: 0 };
/** @type {string[]} */
const failedSteps = [];
/** @type {number | undefined} the running suite's process group */
let suiteGroup;

onCleanup(async () => {
  if (suiteGroup) await stopGroup(suiteGroup, SUITE_GRACE_MS);
  const strays = sweepRun();
  if (strays > 0) console.error(`e2e: stopped ${strays} process(es) left behind by the run`);
  if (failedSteps.length > 0) keepLogs();
  rmSync(runDir, { recursive: true, force: true });
});
guardProcess(TOTAL_TIMEOUT_MS, 'e2e');
rmSync(outputDir, { recursive: true, force: true });

const report = (/** @type {Error} */ error) => console.error(`e2e: ${error.message}`);
try {
  await step('setup', async () => {
    installCodeServer();
    checkBrowser();
  });
  const vsix = join(runDir, 'shipshape.vsix');
  await step('package', () => command('npm', ['run', '--silent', 'package', '--', '--out', vsix]));
  // Back to the development bundles (with source maps) that `npm run build` leaves: the in-editor suite
  // runs those, the UI suite the packaged production ones.
  await step('build', () => command('npm', ['run', '--silent', 'build']));
  await step('typecheck', () => command(join(repoDir, 'node_modules', '.bin', 'tsc'), ['-p', e2eDir]));
  // The dry-run panel rendered in headless Chromium from fixture plans (no editor needed).
  await step('panel suite', () => suite(join(e2eDir, 'panel', 'run.mjs'), {})).catch(report);
  // The suites are independent: a red in-editor suite still lets the UI suite report.
  await step('in-editor suite', () => suite(join(e2eDir, 'inHost', 'run.mjs'), {})).catch(report);
  await step('UI suite', () => suite(join(e2eDir, 'ui', 'run.mjs'), { SHIPSHAPE_E2E_VSIX: vsix })).catch(report);
} catch (error) {
  report(/** @type {Error} */ (error));
}
await stopAll();
if (existsSync(join(outputDir, 'screenshots'))) console.log(`e2e: screenshots in ${join(outputDir, 'screenshots')}: ${readdirSync(join(outputDir, 'screenshots')).join(', ')}`);
console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);

/** Runs one step and times it; a failure is recorded and rethrown with the step's name. @param {string} name @param {() => Promise<unknown>} body */
async function step(name, body) {
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  if (stopping) throw new Error(`${name} not started: the run is stopping`);
  try {
    await body();
    console.log(`e2e: ${name} done in ${seconds()} s`);
  } catch (error) {
    failedSteps.push(name);
    throw new Error(`${name} failed after ${seconds()} s: ${/** @type {Error} */ (error).message}`);
  }
}

/** @param {string} file @param {string[]} args */
function command(file, args) {
  return new Promise((resolve, reject) => {
    spawn(file, args, { cwd: repoDir, stdio: 'inherit' }).once('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`${file} exited with ${code}`))));
  });
}

/**
 * Runs a suite's entry script as a process-group leader, echoing its output and adding its closing
 * "N passed, N failed" line to the totals; stops the whole group at the deadline.
 * @param {string} script @param {Record<string, string>} env
 */
function suite(script, env) {
  const child = spawnGroup(process.execPath, [script], { cwd: repoDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  suiteGroup = child.pid;
  let counted = false;
  createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) }).on('line', (line) => {
    console.log(line);
    const closing = /^(\d+) passed, (\d+) failed$/.exec(line);
    if (closing) {
      totals.passed += Number(closing[1]);
      totals.failed += Number(closing[2]);
      counted = true;
    }
  });
  const timer = setTimeout(() => {
    console.error(`e2e: ${script} ran past ${SUITE_TIMEOUT_MS / 1000} s; stopping it`);
    if (suiteGroup) void stopGroup(suiteGroup, SUITE_GRACE_MS).then(sweepRun);
  }, SUITE_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.once('close', async (code, signal) => {
      clearTimeout(timer);
      if (suiteGroup) await stopGroup(suiteGroup); // anything the suite left in its group
      suiteGroup = undefined;
      if (code === 0 && counted) resolve(undefined);
      else reject(new Error(counted ? `exit ${code ?? signal}` : `exit ${code ?? signal} before its closing "N passed, N failed" line`));
    });
  });
}

/** Kills what still carries this run's marker in its environment: orphans that left their process group. */
function sweepRun() {
  if (!existsSync('/proc')) return 0;
  const marker = `${RUN_ENV}=${runDir}\0`;
  let count = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker)) continue;
      process.kill(Number(pid), 'SIGKILL');
      count++;
    } catch {
      // gone already, or not ours to read
    }
  }
  return count;
}

/** Copies code-server's and the workbench's logs next to the screenshots, for the failure's post-mortem. */
function keepLogs() {
  for (const name of ['in-host', 'ui']) {
    for (const part of ['code-server.log', join('user-data', 'logs')]) {
      const from = join(runDir, name, part);
      if (existsSync(from) && (statSync(from).isDirectory() || statSync(from).size > 0)) cpSync(from, join(outputDir, 'logs', name, part), { recursive: true });
    }
  }
  console.error(`e2e: logs kept in ${join(outputDir, 'logs')}`);
}
