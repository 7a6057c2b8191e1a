import { parentPort } from 'node:worker_threads';
import { parseChunkLean } from './chunkParser';
import { warmParser } from './parserWarmup';

/** Worker-thread entry: parses chunks and returns their plain entries (values and problems). */
export interface ParseRequest {
  id: number;
  chunks: Array<{ text: string; start: number }>;
}

let requested = false;

parentPort?.on('message', (request: ParseRequest) => {
  requested = true;
  try {
    const entries = request.chunks.map((c) => parseChunkLean(c.text, c.start));
    parentPort!.postMessage({ id: request.id, entries });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) });
  }
});

// Started ahead of need (ParsePool.warm), the worker spends its idle start warming the parser.
if (parentPort) warmParser(20, () => requested);
