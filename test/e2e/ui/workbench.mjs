// The code-server workbench as the UI tests drive it: started with the packaged extension installed,
// and the few gestures the tests need, each waiting on the element it brings up (never on time).
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from '../lib/browser.mjs';
import { installExtension, startCodeServer } from '../lib/codeServer.mjs';
import { fixturesDir, outputDir } from '../lib/paths.mjs';

export const screenshotDir = join(outputDir, 'screenshots');

/** Installs `vsix` with `code-server --install-extension`, starts code-server on a fixture copy, opens it. */
export async function openWorkbench(/** @type {string} */ runDir, /** @type {string} */ vsix) {
  const dir = join(runDir, 'ui');
  const folder = join(dir, 'workspace');
  cpSync(fixturesDir, folder, { recursive: true });
  const extensionsDir = join(dir, 'extensions');
  installExtension(vsix, extensionsDir);
  const server = await startCodeServer({ dir, folder, extensionsDir });
  const { page, close } = await openBrowser(dir);
  await page.goto(server.url());
  await page.locator('.monaco-workbench').waitFor();
  mkdirSync(screenshotDir, { recursive: true });
  return {
    page,
    /** The workspace folder code-server opened (a copy of the fixtures). */
    folder,
    /** Saves the whole window as `.test-output/e2e/screenshots/<name>.png`. @param {string} name */
    screenshot: (name) => page.screenshot({ path: join(screenshotDir, `${name}.png`) }),
    close: async () => {
      await close();
      await server.stop();
    },
  };
}

/** Ctrl+P, the file name, Enter; resolves when its editor tab is active. */
export async function openFile(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ name) {
  await page.keyboard.press('Control+P');
  await page.keyboard.type(name);
  await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor();
}

/**
 * Ctrl+Shift+P, the command's title, then the row of exactly that title (another command's title may
 * start with it, and the recently used one is listed first).
 */
export async function runCommand(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ title) {
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type(title);
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const exact = new RegExp(`^${escaped}$`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first().click();
}

/**
 * The content of the webview panel on screen: code-server puts each webview in an `iframe.webview` whose
 * document holds the extension's HTML in a nested `#active-frame`.
 */
export function webviewContent(/** @type {import('playwright-core').Page} */ page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}
