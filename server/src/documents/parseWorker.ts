import { parentPort } from 'node:worker_threads';
import { parseChunk } from './chunkParser';

/** Worker-thread entry: parses chunks and returns their plain entries (values and problems). */
export interface ParseRequest {
  id: number;
  chunks: Array<{ text: string; start: number }>;
}

parentPort?.on('message', (request: ParseRequest) => {
  try {
    const entries = request.chunks.map((c) => parseChunk(c.text, c.start, true).entries);
    parentPort!.postMessage({ id: request.id, entries });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) });
  }
});
