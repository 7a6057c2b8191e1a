#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() spawns, where no desktop
// VS Code can be had: starts code-server, opens the workbench in headless Chromium with runTests'
// extensionDevelopmentPath/extensionTestsPath as the smoke-test driver's `payload`, prints the extension
// host's console, and exits with the code the test run reports.
import { join } from 'node:path';
import { format, parseArgs } from 'node:util';
import { openBrowser } from '../lib/browser.mjs';
import { startCodeServer } from '../lib/codeServer.mjs';
import { guardProcess, stopAll } from '../lib/processes.mjs';
import { useRunDir } from '../lib/runDir.mjs';

/** index.js's first line. */
const SUITE_START = 'In-editor suite:';

// runTests passes desktop flags too (--no-sandbox, --disable-updates...): accept and ignore them.
const { values, positionals } = parseArgs({
  strict: false,
  allowPositionals: true,
  options: {
    extensionTestsPath: { type: 'string' },
    extensionDevelopmentPath: { type: 'string' },
    'user-data-dir': { type: 'string' },
    'extensions-dir': { type: 'string' },
  },
});
const testsPath = String(values.extensionTestsPath);
const devPath = String(values.extensionDevelopmentPath);
const folder = positionals[0];
if (!values.extensionTestsPath || !values.extensionDevelopmentPath || !folder) {
  console.error('usage: codeShim.mjs FOLDER --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=DIR] [--extensions-dir=DIR]');
  process.exit(2);
}

guardProcess(Number(process.env.SHIPSHAPE_E2E_SHIM_TIMEOUT_MS ?? 240_000), 'code-server shim');
const dir = join(useRunDir(), 'in-host');
const server = await startCodeServer({
  dir,
  folder,
  userDataDir: /** @type {string | undefined} */ (values['user-data-dir']),
  extensionsDir: /** @type {string | undefined} */ (values['extensions-dir']),
  smokeTestDriver: true,
});
const { page } = await openBrowser(dir);

// The workbench calls window.codeAutomationExit(code) when the test run's run() settles.
const exitCode = new Promise((resolve) => {
  void page.exposeFunction('codeAutomationExit', resolve);
  page.once('crash', () => resolve(1));
});
// The extension host's console reaches the page's console mixed with the workbench's own log; the
// suite's output starts at index.js's first line (errors are always shown).
let suiteStarted = false;
page.on('console', async (message) => {
  const text = await consoleText(message);
  suiteStarted ||= text.startsWith(SUITE_START);
  const show = message.type() === 'error' ? !isNoise(message.text()) : suiteStarted && !isWorkbenchLog(text);
  if (show) console.log(text);
});
page.on('pageerror', (error) => console.error(`workbench error: ${error.message}`));

const payload = [
  ['extensionDevelopmentPath', server.remoteUri(devPath)],
  ['extensionTestsPath', server.remoteUri(testsPath)],
];
await page.goto(server.url({ payload: JSON.stringify(payload) }));
const code = Number(await exitCode);
await stopAll();
process.exit(code);

/** Arrives as printf-style arguments after a "%c INFO", "color: ..." tag: drop the tag, apply the format. */
async function consoleText(/** @type {import('playwright-core').ConsoleMessage} */ message) {
  const args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => String(arg))));
  if (args.length === 0) return message.text();
  const tagged = typeof args[0] === 'string' && /^%c\s*[A-Z]+$/.test(args[0]);
  return format(...(tagged ? args.slice(2) : args));
}

/** The workbench's own components log as "[Component] ..."; mocha's lines never start that way. */
function isWorkbenchLog(/** @type {string} */ text) {
  return /^\[[\w:. -]+\] /.test(text);
}

/** Offline, the gallery, the GitHub sign-in and the proprietary vsda lookups fail: nothing to do with us. */
function isNoise(/** @type {string} */ text) {
  return /ENOTFOUND|Failed to load resource|authentication provider 'github'/.test(text);
}
