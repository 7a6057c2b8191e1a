// A per-run folder that holds every file the editor and the browser write: code-server writes to
// ~/.config and ~/.local/share, Chromium to ~/.config/chromium, VS Code its sockets to $TMPDIR.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Marks the environment of every process of this run (see sweepRun in run.mjs). */
export const RUN_ENV = 'SHIPSHAPE_E2E_RUN';

/**
 * The run folder named by $SHIPSHAPE_E2E_RUN, or a new one; points XDG_* and TMPDIR of this process,
 * and so of everything it starts, into it.
 */
export function useRunDir() {
  const dir = process.env[RUN_ENV] ?? mkdtempSync(join(tmpdir(), 'shipshape-e2e-'));
  const env = {
    [RUN_ENV]: dir,
    XDG_CONFIG_HOME: join(dir, 'xdg', 'config'),
    XDG_DATA_HOME: join(dir, 'xdg', 'data'),
    XDG_CACHE_HOME: join(dir, 'xdg', 'cache'),
    XDG_RUNTIME_DIR: join(dir, 'xdg', 'runtime'),
    TMPDIR: join(dir, 'tmp'),
  };
  for (const [name, value] of Object.entries(env)) {
    if (name !== RUN_ENV) mkdirSync(value, { recursive: true, mode: 0o700 });
    process.env[name] = value;
  }
  return dir;
}
