// The UI suite: mocha in Node over ui/*.test.mjs, which drive code-server in headless Chromium with the
// packaged extension installed. Needs $SHIPSHAPE_E2E_VSIX (run.mjs packages one). Exit 0 when all passed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { e2eDir } from '../lib/paths.mjs';
import { guardProcess, stopAll } from '../lib/processes.mjs';
import { useRunDir } from '../lib/runDir.mjs';

if (!process.env.SHIPSHAPE_E2E_VSIX) {
  console.error('set SHIPSHAPE_E2E_VSIX to the .vsix to test (npm run test:e2e does)');
  process.exit(2);
}
guardProcess(Number(process.env.SHIPSHAPE_E2E_UI_TIMEOUT_MS ?? 300_000), 'UI suite');
useRunDir();

const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, forbidOnly: true });
const dir = join(e2eDir, 'ui');
for (const file of readdirSync(dir).filter((name) => name.endsWith('.test.mjs')).sort()) mocha.addFile(join(dir, file));
await mocha.loadFilesAsync();
const failures = await new Promise((resolve) => {
  const runner = mocha.run((count) => {
    console.log(`${runner.stats?.passes ?? 0} passed, ${count} failed`);
    resolve(count);
  });
});
await stopAll();
process.exit(failures > 0 ? 1 : 0);
