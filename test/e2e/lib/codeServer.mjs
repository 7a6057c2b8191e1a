// Starts code-server (VS Code 1.139 served to a browser, its extension host a Node 24 process) on a free
// 127.0.0.1 port, with its own config, user data and extensions folders inside the run folder.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerEntry, node24 } from './paths.mjs';
import { spawnGroup, stopGroup } from './processes.mjs';

// No welcome page, no trust prompt, no update or gallery traffic: the tests see only what they open.
const quietSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  // Tests edit buffers and revert them; code-server's default auto-save would write the edits to the fixtures.
  'files.autoSave': 'off',
};

/**
 * @param {{ dir: string, folder: string, userDataDir?: string, extensionsDir?: string, smokeTestDriver?: boolean }} options
 *   dir: this server's folder in the run folder; smokeTestDriver: honour the `payload` URL parameter
 *   (extensionDevelopmentPath/extensionTestsPath), which only the smoke-test driver mode reads.
 */
export async function startCodeServer({ dir, folder, userDataDir = join(dir, 'user-data'), extensionsDir = join(dir, 'extensions'), smokeTestDriver = false }) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(quietSettings, null, 2));
  // Without --config, code-server writes a config with a password into ~/.config.
  const config = join(dir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const port = await freePort();
  const args = [
    codeServerEntry,
    ...['--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none'],
    ...['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'],
    ...['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    folder,
  ];
  const log = join(dir, 'code-server.log');
  const child = spawnGroup(node24, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const logStream = createWriteStream(log);
  child.stderr?.pipe(logStream, { end: false }); // stdout writes to it too
  const pgid = /** @type {number} */ (child.pid);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 30 s; see ${log}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`code-server exited (${code}) before listening; see ${log}`)));
    child.stdout?.on('data', (/** @type {Buffer} */ chunk) => {
      logStream.write(chunk);
      if (chunk.toString().includes('HTTP server listening on')) {
        clearTimeout(timer);
        resolve(undefined);
      }
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    /** The workbench URL for `folder`, with extra query parameters. @param {Record<string, string>} [query] */
    url: (query = {}) => `${origin}/?${new URLSearchParams({ folder, ...query })}`,
    /** A path on this machine as the workbench names it (the extension host runs on the server side). @param {string} path */
    remoteUri: (path) => `vscode-remote://127.0.0.1:${port}${path}`,
    stop: () => stopGroup(pgid),
  };
}

/** `code-server --install-extension` works offline on a .vsix; it exits when done. */
export function installExtension(/** @type {string} */ vsix, /** @type {string} */ extensionsDir) {
  mkdirSync(extensionsDir, { recursive: true });
  const result = spawnSync(node24, [codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  return result.stdout.trim();
}

/** A port the OS just handed out on 127.0.0.1 (free the moment it is closed). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
