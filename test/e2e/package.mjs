// `npm run package` (after the production build): the .vsix, made offline by vsce from the toolchain in
// this folder. Usage: node test/e2e/package.mjs [--out FILE]   (default: shipshape-<version>.vsix)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { e2eDir, repoDir } from './lib/paths.mjs';
import { installToolchain } from './setup.mjs';

const MAX_BYTES = 10 * 1024 * 1024;

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const { name, version } = JSON.parse(readFileSync(join(repoDir, 'package.json'), 'utf8'));
const vsix = values.out ? resolve(values.out) : join(repoDir, `${name}-${version}.vsix`);
installToolchain();
const vsce = join(e2eDir, 'node_modules', '@vscode', 'vsce', 'vsce');
// --no-dependencies: the bundles carry their dependencies; --allow-missing-repository: there is no public
// repository to name, and vsce must not make one up.
const args = ['package', '--no-dependencies', '--allow-missing-repository', '--out', vsix];
// vsce matches every file under its folder against .vscodeignore, the e2e toolchain's 25,000 included
// (14 s): it packages a copy of the project without node_modules, .git and test output instead.
const stage = mkdtempSync(join(tmpdir(), 'shipshape-package-'));
const skipped = new Set(['node_modules', '.git', '.vscode-test', '.test-output']);
cpSync(repoDir, stage, { recursive: true, filter: (source) => !skipped.has(basename(source)) });
const result = spawnSync(process.execPath, [vsce, ...args], { cwd: stage, encoding: 'utf8' });
rmSync(stage, { recursive: true, force: true });
// vsce colours its output even into a pipe (Node 20's styleText does not look at the stream).
const plain = (/** @type {string} */ text) => (process.stdout.isTTY ? text : text.replace(/\x1b\[[0-9;]*m/g, ''));
process.stdout.write(plain(result.stdout));
process.stderr.write(plain(result.stderr));
if (result.status !== 0) process.exit(result.status ?? 1);

const bytes = statSync(vsix).size;
const shown = vsix.startsWith(repoDir) ? relative(repoDir, vsix) : vsix;
console.log(`${shown}: ${(bytes / 1024 / 1024).toFixed(2)} MB (limit ${MAX_BYTES / 1024 / 1024} MB)`);
if (bytes > MAX_BYTES) {
  console.error('the package is over the size limit: check .vscodeignore');
  process.exit(1);
}
