import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import assert from 'node:assert/strict';

/** Shared by the CLI tests: they run the real bundle through bin/shipshape.js, as users and CI do. */
export const repoRoot = resolve(__dirname, '..', '..');
export const bin = join(repoRoot, 'bin', 'shipshape.js');
const bundle = join(repoRoot, 'server', 'out', 'cli.js');

/** Long enough for a cold start on a slow CI machine; a hang fails the test instead of the run. */
export const CLI_TIMEOUT_MS = 60_000;

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function bundleIsStale(): boolean {
  if (!existsSync(bundle)) return true;
  const sources = Math.max(newestMtime(join(repoRoot, 'server', 'src')), newestMtime(join(repoRoot, 'package.json')));
  return statSync(bundle).mtimeMs < sources;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds server/out/cli.js when it is missing or older than the sources. node --test runs test
 * files in parallel processes, so a lock folder (mkdir is atomic) keeps two from bundling at once.
 */
export function ensureCliBuilt(): void {
  if (!bundleIsStale()) return;
  const lock = join(tmpdir(), `shipshape-cli-build-${Buffer.from(repoRoot).toString('hex').slice(-32)}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is building: wait, then use their bundle if it is fresh.
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      sleep(200);
      if (!bundleIsStale()) return;
    }
  }
  try {
    if (!bundleIsStale()) return;
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
    assert.equal(build.status, 0, `node esbuild.mjs failed:\n${build.stdout}\n${build.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string = repoRoot, env: NodeJS.ProcessEnv = process.env): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: CLI_TIMEOUT_MS,
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw result.error;
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** The run finished on its own (no timeout kill, no crash) with one of the expected exit codes. */
export function assertFinished(run: CliRun, allowed: readonly number[] = [0, 1]): void {
  assert.equal(run.signal, null, `the CLI was killed by ${run.signal} (hang or crash)\nstderr: ${run.stderr.slice(0, 2000)}`);
  assert.ok(allowed.includes(run.status ?? -1), `exit ${run.status}, expected one of ${allowed.join('/')}\nstderr: ${run.stderr.slice(0, 4000)}`);
  assert.doesNotMatch(run.stderr, /internal error|Unhandled|at .+\.js:\d+:\d+/, 'stderr shows a crash');
}

/** The JSON format's finding (DESIGN.md contract). */
export interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
  related: Array<{ file: string; range: JsonFinding['range']; message: string }>;
}

export function runJson(args: readonly string[], cwd?: string): { run: CliRun; findings: JsonFinding[] } {
  const run = runCli(['check', '--format', 'json', ...args], cwd);
  assertFinished(run);
  return { run, findings: JSON.parse(run.stdout) as JsonFinding[] };
}

/** A temp folder with the given files (relative path → content); remove() deletes it. */
export function tempTree(files: Record<string, string | Uint8Array>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
  for (const [relativePath, content] of Object.entries(files)) {
    const path = join(dir, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
