// Every long-lived process the e2e run starts is a process-group leader, so stopping the group stops
// all it forked (code-server's extension host, the language server, file watchers...).
import { spawn } from 'node:child_process';

/** @type {Set<number>} process-group ids still to stop */
const groups = new Set();
/** @type {Array<() => Promise<unknown>>} graceful cleanups (the browser), newest first */
const cleanups = [];
/** True once stopAll() began: start nothing new. */
export let stopping = false;

/**
 * Starts `command` as the leader of a new process group (setsid).
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid) groups.add(child.pid);
  return child;
}

/** SIGTERM to the whole group, SIGKILL to what is left after `graceMs`. @param {number} pgid */
export async function stopGroup(pgid, graceMs = 3000) {
  if (!groups.delete(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  // A group has no exit event of its own; probing it with signal 0 is the only way to see it gone.
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  signalGroup(pgid, 'SIGKILL');
}

/** @param {() => Promise<unknown>} cleanup */
export function onCleanup(cleanup) {
  cleanups.unshift(cleanup);
}

/** @type {Promise<void> | undefined} */
let stopped;

/** Runs the cleanups, then stops every group still running. Every call waits for the same, single stop. */
export function stopAll() {
  stopping = true;
  stopped ??= (async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
    await Promise.all([...groups].map((pgid) => stopGroup(pgid)));
  })();
  return stopped;
}

/**
 * Stops everything, also when the process is told to stop or its deadline passes. Call once per entry point.
 * @param {number} deadlineMs the whole run's global timeout
 * @param {string} what names the run in the timeout message
 */
export function guardProcess(deadlineMs, what) {
  const finish = async (/** @type {number} */ code) => {
    await stopAll();
    process.exit(code);
  };
  for (const [signal, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]])) {
    process.once(signal, () => void finish(code));
  }
  // Last resort when exiting without the graceful path (uncaught error, process.exit elsewhere).
  process.once('exit', () => groups.forEach((pgid) => signalGroup(pgid, 'SIGKILL')));
  setTimeout(() => {
    console.error(`${what}: global timeout of ${deadlineMs / 1000} s reached; stopping everything.`);
    void finish(1);
  }, deadlineMs).unref();
}

/** @param {number} pgid @param {NodeJS.Signals} signal */
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** @param {number} pgid */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
