// A language server in a child process, spoken to over stdio with vscode-languageserver-protocol,
// with the bounds a benchmark needs: every wait has a timeout, every child is killed at the end.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

export const REQUEST_TIMEOUT_MS = 120_000;

const live = new Set();

/** Kills every server still running (its whole process group). Safe to call more than once. */
export function killAll() {
  for (const child of live) killGroup(child);
  live.clear();
}

function killGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** Rejects with a labelled error when `promise` takes longer than `ms`. */
export function withTimeout(promise, label, ms = REQUEST_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const now = () => performance.now();
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** How the client talks to a server: `ipc` as VS Code's language client starts both servers' extensions (TransportKind.ipc), `stdio` as other editors do. */
const TRANSPORTS = ['stdio', 'ipc'];
export const DEFAULT_TRANSPORT = 'ipc';

/** A `--transport` value, checked. */
export function parseTransport(value) {
  if (!TRANSPORTS.includes(value)) throw new Error(`--transport: one of ${TRANSPORTS.join(', ')}, not ${value}`);
  return value;
}

/**
 * Spawns `node <script> --stdio` (or `--node-ipc`) in its own process group and connects to it.
 * Unhandled requests from the server get `null`; its log messages and stderr are kept for error reports.
 */
export function spawnServer(name, script, { env = {}, cwd, execArgv = [], transport = DEFAULT_TRANSPORT } = {}) {
  const ipc = parseTransport(transport) === 'ipc';
  // execArgv: node options for the server (e.g. --cpu-prof, which NODE_OPTIONS does not take)
  const child = spawn(process.execPath, [...execArgv, script, ipc ? '--node-ipc' : '--stdio'], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  if (ipc) child.stdout.resume(); // not the protocol's stream here: drained so a chatty server never blocks
  live.add(child);
  let stderr = '';
  const logs = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-16_000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stopping = false;
  // Whatever waits on the server fails at once when it dies before stop(), not at the timeout. The
  // waits register here and leave when settled: nothing accumulates per request on a long-lived
  // promise (a race against one would keep a reaction per request until the server exits).
  const waiting = new Set();
  exited.then(({ code, signal }) => {
    if (stopping) return;
    for (const fail of waiting) fail(new Error(`${name} exited with ${signal ?? `code ${code}`}`));
  });

  const connection = ipc
    ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
    : createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const unexpected = [];
  connection.onRequest((method) => {
    unexpected.push(method);
    return null;
  });
  connection.onNotification('window/logMessage', (p) => logs.push(p.message));
  connection.onNotification(() => {});
  connection.onError(([error]) => logs.push(`connection error: ${error?.message ?? error}`));

  const server = {
    name,
    child,
    connection,
    logs,
    unexpectedRequests: unexpected,
    exited,
    get stderr() {
      return stderr;
    },
    /** `promise`, failing after `ms` (the label names it) or as soon as the server dies. */
    guard(promise, label, ms = REQUEST_TIMEOUT_MS) {
      return new Promise((resolve, reject) => {
        const fail = (error) => {
          settle();
          error.message += server.tail();
          reject(error);
        };
        const timer = setTimeout(() => fail(new Error(`timed out after ${ms / 1000} s: ${name} ${label}`)), ms);
        const settle = () => {
          clearTimeout(timer);
          waiting.delete(fail);
        };
        waiting.add(fail);
        // An error answer (a ResponseError, with its numeric code) is the server's reply, not its failure: no tail.
        promise.then((value) => (settle(), resolve(value)), (error) => (typeof error?.code === 'number' ? (settle(), reject(error)) : fail(error)));
      });
    },
    request(method, params, label = method, ms = REQUEST_TIMEOUT_MS) {
      return server.guard(connection.sendRequest(method, params), label, ms);
    },
    notify(method, params) {
      return connection.sendNotification(method, params);
    },
    /** Stops the server process (SIGSTOP) while another is measured; resume() lets it go on. */
    pause() {
      process.kill(child.pid, 'SIGSTOP');
    },
    resume() {
      process.kill(child.pid, 'SIGCONT');
    },
    /** Peak resident set size of the server process so far, in MiB (VmHWM). */
    peakRssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return match ? Number(match[1]) / 1024 : NaN;
    },
    /** What went wrong, for an error message: the end of stderr and the last log lines. */
    tail() {
      const lines = [...logs.slice(-5), ...stderr.trim().split('\n').slice(-10)].filter(Boolean);
      return lines.length ? `\n  last output of ${name}:\n    ${lines.join('\n    ')}` : '';
    },
    async stop() {
      stopping = true;
      try {
        await withTimeout(connection.sendRequest('shutdown'), `${name} shutdown`, 5_000);
        await connection.sendNotification('exit');
        await withTimeout(exited, `${name} exit`, 3_000);
      } catch {
        // killed below
      } finally {
        connection.dispose();
        killGroup(child);
        live.delete(child);
      }
    },
  };
  exited.then(({ code, signal }) => {
    live.delete(child);
    server.exitInfo = `exited with ${signal ?? `code ${code}`}`;
  });
  connection.listen();
  return server;
}

/** Sends a request the server does not know and waits for its error reply: everything sent before is processed. */
export async function roundTrip(server, ms = REQUEST_TIMEOUT_MS) {
  try {
    await server.request('bench/ping', {}, 'ping', ms);
  } catch (error) {
    if (/timed out/.test(String(error?.message))) throw error;
  }
}

/** Waits until the server answers `needed` pings in a row quickly: its background work (schema pre-warming, indexing) is done. */
export async function waitIdle(server, { fastMs = 15, needed = 3, gapMs = 100, maxMs = 30_000 } = {}) {
  const until = now() + maxMs;
  let streak = 0;
  while (streak < needed) {
    if (now() > until) return false;
    await sleep(gapMs);
    const t0 = now();
    await roundTrip(server);
    streak = now() - t0 < fastMs ? streak + 1 : 0;
  }
  return true;
}
