// The panel suite: node:test over panel/*.test.mjs, which render the dry-run webview in headless Chromium
// (no editor needed; needs `node esbuild.mjs` to have built client/out/webview.js). Prints the closing
// "N passed, N failed" line that ../run.mjs counts; exit 0 when all passed.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { e2eDir } from '../lib/paths.mjs';
import { guardProcess, stopAll } from '../lib/processes.mjs';
import { RUN_ENV, useRunDir } from '../lib/runDir.mjs';

guardProcess(Number(process.env.SHIPSHAPE_E2E_PANEL_TIMEOUT_MS ?? 180_000), 'panel suite');
// Chromium writes its profile and caches into the run folder; one made here (run standalone) is ours to remove.
const ownRunDir = !process.env[RUN_ENV];
const runDir = useRunDir();

const dir = join(e2eDir, 'panel');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.test.mjs'))
  .sort()
  .map((name) => join(dir, name));
let passed = 0;
let failed = 0;
const stream = run({ files, concurrency: 1, timeout: 120_000 });
stream.on('test:pass', () => passed++);
stream.on('test:fail', () => failed++);
for await (const chunk of stream.compose(new spec())) process.stdout.write(chunk);
console.log(`${passed} passed, ${failed} failed`);
await stopAll();
if (ownRunDir) rmSync(runDir, { recursive: true, force: true });
process.exit(failed > 0 || passed === 0 ? 1 : 0);
