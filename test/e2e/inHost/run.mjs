// The in-editor suite through @vscode/test-electron's runTests(): with $VSCODE_EXECUTABLE if set, with a
// downloaded desktop VS Code where there is a display and network, and otherwise with codeShim.mjs
// (code-server + headless Chromium). Exit code: 0 when every test passed.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { e2eDir, fixturesDir, repoDir } from '../lib/paths.mjs';
import { useRunDir } from '../lib/runDir.mjs';

const dir = join(useRunDir(), 'in-host');
const workspace = join(dir, 'workspace');
// A copy, because the tests write workspace settings.
cpSync(fixturesDir, workspace, { recursive: true });

try {
  await runTests({
    vscodeExecutablePath: await editorExecutable(),
    extensionDevelopmentPath: repoDir,
    extensionTestsPath: join(e2eDir, 'inHost', 'index.js'),
    launchArgs: [workspace, `--user-data-dir=${join(dir, 'user-data')}`, `--extensions-dir=${join(dir, 'extensions')}`, '--disable-extensions'],
  });
} catch (error) {
  console.error(`in-editor suite: ${/** @type {Error} */ (error).message}`);
  process.exit(1);
}

async function editorExecutable() {
  const shim = join(e2eDir, 'inHost', 'codeShim.mjs');
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  // Desktop VS Code needs a display; headless Linux (CI) goes straight to code-server.
  const display = process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!display) return shim;
  try {
    return await downloadAndUnzipVSCode({ cachePath: join(repoDir, '.vscode-test') });
  } catch (error) {
    console.log(`No desktop VS Code (${/** @type {Error} */ (error).message}); using code-server.`);
    return shim;
  }
}
