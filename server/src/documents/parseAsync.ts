import { assembleFile, ParsedChunk, planParse, reuseChunk, type ChunkPlan, type ManifestFile, type SharedChunks } from './manifestFile';
import type { ParsePool } from './parsePool';

/** Below this many characters of new text, handing work to the worker costs more than it saves. */
const WORKER_THRESHOLD = 200_000;
/** The share of the text this thread parses itself, unless a caller has other work for it (WhileWorkerParses). */
const MAIN_SHARE = 0.5;

/**
 * Work this thread can do while the worker parses: the caller is handed the values this thread
 * parsed (to compile the validators their kinds need, say), and may take a smaller share of the
 * text so that the work fits in the worker's time.
 */
export interface WhileWorkerParses {
  /** This thread's share of the new text, from 0.1 to 0.5. */
  share: number;
  work(values: readonly unknown[]): Promise<void> | void;
}

/**
 * parseManifestFile, sharing the parse of large new text with a worker thread: the worker takes
 * the last chunks to parse while this thread parses the first ones. Results are identical to the
 * synchronous parse; if the worker fails, this thread parses its share too.
 */
export async function parseManifestFileAsync(
  uri: string,
  text: string,
  previous: ManifestFile | undefined,
  pool: ParsePool | undefined,
  meanwhile?: () => WhileWorkerParses | undefined,
  shared?: SharedChunks,
): Promise<ManifestFile> {
  const { file, plan } = planParse(uri, text, previous, shared);
  if (!plan) return file;
  const fresh = plan.filter((p) => !p.reused && !p.shared);
  const freshChars = fresh.reduce((n, p) => n + p.text.length, 0);
  if (!pool || freshChars < WORKER_THRESHOLD) {
    return assembleFile(file, plan.map((p) => reuseChunk(p) ?? ParsedChunk.parse(p.text, p.start)));
  }
  const extra = meanwhile?.();
  const share = pool.balance.share(extra ? Math.min(0.5, Math.max(0.1, extra.share)) : MAIN_SHARE);
  const offloaded = new Set<ChunkPlan>();
  let kept = 0;
  for (const p of fresh) {
    if (kept < freshChars * share) kept += p.text.length;
    else offloaded.add(p);
  }
  const offloadedList = [...offloaded];
  let arrived = 0;
  const fromWorker = pool
    .parse(offloadedList.map((p) => ({ text: p.text, start: p.start })))
    .then((entries) => ((arrived = performance.now()), entries))
    .catch(() => undefined);
  const started = performance.now();
  const parsed = new Map<ChunkPlan, ParsedChunk>();
  for (const p of plan) {
    if (!offloaded.has(p)) parsed.set(p, reuseChunk(p) ?? ParsedChunk.parseLean(p.text, p.start));
  }
  const parsedAt = performance.now();
  if (extra) {
    try {
      await extra.work([...parsed.values()].flatMap((chunk) => chunk.entries.map((e) => e.value)));
    } catch {
      // the work is an optimisation (it would be done later anyway): never a reason to fail the parse
    }
  }
  const workedAt = performance.now();
  const entries = await fromWorker;
  // A result already waiting when this thread got here was taken in at once: no wait.
  if (entries) pool.balance.record(kept / freshChars, parsedAt - started, workedAt - parsedAt, Math.max(0, arrived - workedAt));
  offloadedList.forEach((p, i) => {
    const done = entries?.[i];
    parsed.set(p, done ? new ParsedChunk(p.text, p.start, done) : ParsedChunk.parse(p.text, p.start));
  });
  return assembleFile(file, plan.map((p) => parsed.get(p)!));
}

/**
 * Parses many files (a workspace scan, a CLI run), the worker taking about half of the text
 * while this thread parses the rest. Results are in input order and identical to parsing each
 * file with parseManifestFile.
 */
export async function parseManyAsync(inputs: ReadonlyArray<{ uri: string; text: string }>, pool: ParsePool | undefined): Promise<ManifestFile[]> {
  const planned = inputs.map(({ uri, text }) => planParse(uri, text));
  const total = inputs.reduce((n, i) => n + i.text.length, 0);
  const offloaded = new Set<number>();
  if (pool && total >= WORKER_THRESHOLD) {
    let kept = 0;
    planned.forEach((p, i) => {
      if (!p.plan) return;
      if (kept < total * MAIN_SHARE) kept += inputs[i]!.text.length;
      else offloaded.add(i);
    });
  }
  const sent = [...offloaded].flatMap((i) => planned[i]!.plan!.map((c) => ({ file: i, chunk: c })));
  const fromWorker = sent.length ? pool!.parse(sent.map(({ chunk }) => ({ text: chunk.text, start: chunk.start }))).catch(() => undefined) : Promise.resolve(undefined);
  const out: ManifestFile[] = new Array(inputs.length);
  planned.forEach(({ file, plan }, i) => {
    if (offloaded.has(i)) return;
    out[i] = plan ? assembleFile(file, plan.map((c) => (offloaded.size ? ParsedChunk.parseLean(c.text, c.start) : ParsedChunk.parse(c.text, c.start)))) : file;
  });
  const entries = await fromWorker;
  const chunksByFile = new Map<number, ParsedChunk[]>();
  sent.forEach(({ file, chunk }, k) => {
    const done = entries?.[k];
    const parsed = done ? new ParsedChunk(chunk.text, chunk.start, done) : ParsedChunk.parse(chunk.text, chunk.start);
    const list = chunksByFile.get(file) ?? [];
    list.push(parsed);
    chunksByFile.set(file, list);
  });
  for (const i of offloaded) out[i] = assembleFile(planned[i]!.file, chunksByFile.get(i) ?? []);
  return out;
}
