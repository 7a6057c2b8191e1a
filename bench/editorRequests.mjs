// The timed requests of the editor benchmark (bench/editorBench.mjs): one request as the client
// sees it, waiting for a server to be idle, and completion right after a keystroke.
import { now, waitIdle as waitIdleWithin, withTimeout } from './lspProcess.mjs';
import { checkCompletion, completionLabels } from './editorChecks.mjs';

/** Waits until the server is idle after its first diagnostics (the editor's big file takes longer than lspBench's). */
export const waitIdle = (server) => waitIdleWithin(server, { maxMs: 60_000 });

/** One request, timed on the client; a stuck server fails the run after `timeoutMs`. */
export async function timedRequest(server, method, uri, at, timeoutMs) {
  const label = `${server.name} ${method} at ${at.position.line + 1}:${at.position.character + 1} (${at.label}, document ${at.doc})`;
  const t0 = now();
  const result = await server.request(method, { textDocument: { uri }, position: at.position }, label, timeoutMs);
  return { ms: now() - t0, result };
}

/**
 * Completion right after a keystroke, as while typing a key: at each half-typed key, the next
 * letter of the expected key is inserted (an incremental didChange) and completion is asked at
 * once, behind it. Before the next keystroke the server's diagnostics of the new text are in
 * (ours: pulled; YLS: pushed after its debounce) and it is idle, so no keystroke waits for the
 * previous one's validation.
 */
export async function typedCompletions(session, uri, positions, timeoutMs, checks) {
  const { server, name } = session;
  const out = [];
  for (const at of positions) {
    const [prefix, expected] = at.partial;
    const typed = expected[prefix.length];
    const version = (session.docs.versions.get(uri) ?? 1) + 1;
    session.docs.versions.set(uri, version);
    const pushed = name === 'yls' ? session.nextDiagnostics(uri) : undefined;
    const change = { range: { start: at.position, end: at.position }, text: typed };
    const sent = server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const after = { ...at, label: `key \`${prefix}${typed}|\` just typed`, position: { line: at.position.line, character: at.position.character + 1 } };
    const { ms: elapsed, result } = await timedRequest(server, 'textDocument/completion', uri, after, timeoutMs);
    await sent;
    out.push({ at: after, ms: elapsed, items: completionLabels(result).length, problem: checkCompletion(result, after, checks) });
    await withTimeout(pushed ?? session.pull(uri), `${name} diagnostics after the keystroke`, 120_000);
    await waitIdle(server);
  }
  return out;
}
