// A stand-in for VS Code's webview host: serves the panel's real HTML (from panelHtml.ts, with its CSP),
// the built webview.js, dryrun.css and the codicons from a temp folder over http://127.0.0.1, sets a
// dark theme's CSS variables as VS Code does, and fakes acquireVsCodeApi (messages recorded, state in
// sessionStorage so it survives a reload like VS Code's setState). Messages "from the extension" are
// posted to the page's window.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { openBrowser } from '../lib/browser.mjs';
import { e2eDir, outputDir, repoDir } from '../lib/paths.mjs';

const STATE_KEY = 'shipshape-panel-state';
const TYPES = /** @type {Record<string, string>} */ ({ '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf' });

/** @param {string} name a fixture in panel/fixtures, without `.json` */
export function fixture(name) {
  return JSON.parse(readFileSync(join(e2eDir, 'panel', 'fixtures', `${name}.json`), 'utf8'));
}

/**
 * The `plan` message the extension posts for a Plan.
 * @param {unknown} plan
 * @param {Record<string, unknown>} [result] fields of DryRunRequest.Result to override
 * @param {boolean} [canImportFromCluster]
 */
export function planMessage(plan, result = {}, canImportFromCluster = false) {
  return {
    type: 'plan',
    target: { scope: 'file', uri: 'file:///work/demo/web.yaml' },
    result: { plan, environment: 'default', environments: ['default', 'staging'], stateFile: '.shipshape/state/default.yaml', files: 1, kubernetesVersion: '1.35', ...result },
    canImportFromCluster,
  };
}

export async function openPanelHarness() {
  const bundle = join(repoDir, 'client', 'out', 'webview.js');
  if (!existsSync(bundle)) throw new Error('client/out/webview.js is missing: run `node esbuild.mjs` first');
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-panel-'));
  const site = join(dir, 'site');
  for (const [from, to] of [
    [bundle, 'out/webview.js'],
    [join(repoDir, 'client', 'out', 'codicons', 'codicon.css'), 'out/codicons/codicon.css'],
    [join(repoDir, 'client', 'out', 'codicons', 'codicon.ttf'), 'out/codicons/codicon.ttf'],
    [join(repoDir, 'client', 'media', 'dryrun.css'), 'media/dryrun.css'],
    [join(e2eDir, 'panel', 'darkTheme.css'), 'theme.css'],
  ]) {
    mkdirSync(join(site, to, '..'), { recursive: true });
    copyFileSync(from, join(site, to));
  }

  const server = createServer((request, response) => {
    const path = normalize(join(site, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(site + sep) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(readFileSync(path));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // The extension's own HTML, with the harness's origin standing in for webview.cspSource.
  const { createNonce, renderPanelHtml } = await tsImport(join(repoDir, 'client', 'src', 'dryrun', 'panelHtml.ts'), import.meta.url);
  const html = /** @type {string} */ (
    renderPanelHtml({
      cspSource: origin,
      nonce: createNonce(),
      scriptUri: `${origin}/out/webview.js`,
      styleUri: `${origin}/media/dryrun.css`,
      codiconsUri: `${origin}/out/codicons/codicon.css`,
    })
  )
    // What VS Code adds around our HTML: the theme's variables and its kind as a body class.
    .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${origin}/theme.css">\n  <link rel="stylesheet"`)
    .replace('<body>', '<body class="vscode-dark">');
  writeFileSync(join(site, 'index.html'), html);

  const browser = await openBrowser(dir);
  const { page } = browser;
  await page.setViewportSize({ width: 1100, height: 800 });
  /** @type {string[]} */
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript((key) => {
    const w = /** @type {any} */ (window);
    w.__posted = [];
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    let acquired = false;
    w.acquireVsCodeApi = () => {
      if (acquired) throw new Error('acquireVsCodeApi called twice');
      acquired = true;
      return {
        postMessage: (/** @type {unknown} */ message) => w.__posted.push(JSON.parse(JSON.stringify(message))),
        getState: () => {
          const saved = sessionStorage.getItem(key);
          return saved === null ? undefined : JSON.parse(saved);
        },
        setState: (/** @type {unknown} */ state) => {
          sessionStorage.setItem(key, JSON.stringify(state));
          return state;
        },
      };
    };
  }, STATE_KEY);

  return {
    page,
    pageErrors,
    /** Loads (or reloads) the panel and waits for its script to say it is ready. */
    async load() {
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => /** @type {any} */ (window).__posted.some((/** @type {{type: string}} */ m) => m.type === 'ready'));
    },
    async reload() {
      await page.reload();
      await page.waitForFunction(() => /** @type {any} */ (window).__posted.some((/** @type {{type: string}} */ m) => m.type === 'ready'));
    },
    /** A message "from the extension". @param {unknown} message */
    post: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
    /** Everything the webview posted since the page loaded. @returns {Promise<Array<Record<string, unknown>>>} */
    posted: () => page.evaluate(() => /** @type {any} */ (window).__posted),
    clearPosted: () => page.evaluate(() => void (/** @type {any} */ (window).__posted.length = 0)),
    /** What the webview last saved with setState. */
    savedState: () => page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? 'null'), STATE_KEY),
    cspViolations: () => page.evaluate(() => /** @type {string[]} */ (/** @type {any} */ (window).__cspViolations)),
    /** @param {string} name */
    screenshot: async (name) => {
      mkdirSync(join(outputDir, 'screenshots'), { recursive: true });
      await page.screenshot({ path: join(outputDir, 'screenshots', `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
