// Headless Chromium from apt, driven by playwright-core (which downloads no browser of its own).
import { join } from 'node:path';
import { chromium as playwrightChromium } from 'playwright-core';
import { chromium } from './paths.mjs';
import { onCleanup } from './processes.mjs';

/** Opens a fresh browser profile in `dir`; it is closed by stopAll() or `close()`. */
export async function openBrowser(/** @type {string} */ dir) {
  const context = await playwrightChromium.launchPersistentContext(join(dir, 'chromium-profile'), {
    executablePath: chromium,
    headless: true,
    viewport: { width: 1440, height: 900 },
    // The run's XDG_*/TMPDIR, so Chromium writes nothing into the home folder.
    env: /** @type {Record<string, string>} */ (process.env),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // processes.mjs owns signal handling, so the browser is closed in the same order as everything else.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close() };
}
