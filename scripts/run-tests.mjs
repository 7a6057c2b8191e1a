#!/usr/bin/env node
// Runs the *.test.ts files under the given folders with Node's test runner (Node 20's --test
// does not expand globs itself). Usage: node scripts/run-tests.mjs test/unit test/lsp test/cli
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function testFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return testFiles(path);
      return name.endsWith('.test.ts') ? [path] : [];
    });
}

const folders = process.argv.slice(2);
const files = folders.flatMap(testFiles);
if (files.length === 0) {
  console.error(`no *.test.ts files under ${folders.join(', ')}`);
  process.exit(2);
}
// The run's compiled validators go to a folder of its own, not the user's cache: the test files
// (parallel processes) share it, so both storing and loading run, and nothing outlives the run.
const cacheDir = mkdtempSync(join(tmpdir(), 'shipshape-test-cache-'));
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...files], { stdio: 'inherit', env: { ...process.env, SHIPSHAPE_CACHE_DIR: cacheDir } });
rmSync(cacheDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
