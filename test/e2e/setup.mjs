// Installs the pinned e2e toolchain (package.json here) and code-server (code-server/), each only when
// its lockfile changed since it was last installed, and checks for what apt must provide.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, codeServerDir, e2eDir, node24Dir, repoDir } from './lib/paths.mjs';

const APT_HINT = 'install them with: apt-get install -y chromium libkrb5-dev (as .ci/run does)';

/** Node 24, playwright-core, mocha, @vscode/test-electron, @vscode/vsce. */
export function installToolchain() {
  npmCi(e2eDir, {});
}

/** code-server needs Node 24, and its native modules build against Node 24's headers (not the machine's). */
export function installCodeServer() {
  installToolchain();
  if (!existsSync('/usr/include/gssapi/gssapi.h')) throw new Error(`code-server's kerberos module needs libkrb5-dev; ${APT_HINT}`);
  npmCi(codeServerDir, { PATH: `${join(node24Dir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: node24Dir });
}

export function checkBrowser() {
  if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium} (set CHROMIUM_PATH to use another); ${APT_HINT}`);
}

/**
 * `npm ci` in `dir` with `env` added, skipped when node_modules was installed from this very lockfile.
 * @param {string} dir @param {NodeJS.ProcessEnv} extraEnv
 */
function npmCi(dir, extraEnv) {
  const lockHash = createHash('sha256').update(readFileSync(join(dir, 'package-lock.json'))).digest('hex');
  const stamp = join(dir, 'node_modules', '.installed-from-lockfile');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) return;
  console.log(`npm ci in ${relative(repoDir, dir)}...`);
  // Under `npm run`, the outer npm's npm_* variables would act as this npm's config: code-server's
  // postinstall reads the Node version from npm_config_user_agent, for one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ci in ${relative(repoDir, dir)} failed (${result.status})`);
  writeFileSync(stamp, lockHash);
}
