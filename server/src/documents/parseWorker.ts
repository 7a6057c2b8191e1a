import { parentPort } from 'node:worker_threads';
import { parseChunkLean } from './chunkParser';

/** Worker-thread entry: parses chunks and returns their plain entries (values and problems). */
export interface ParseRequest {
  id: number;
  chunks: Array<{ text: string; start: number }>;
}

parentPort?.on('message', (request: ParseRequest) => {
  try {
    const entries = request.chunks.map((c) => parseChunkLean(c.text, c.start));
    parentPort!.postMessage({ id: request.id, entries });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) });
  }
});
