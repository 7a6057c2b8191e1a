import { Worker } from 'node:worker_threads';
import type { ChunkEntry } from './chunkParser';
import type { ParseRequest } from './parseWorker';
import { ParseBalance } from './parseBalance';

interface Pending {
  resolve: (entries: ChunkEntry[][]) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread that parses chunks while the main thread parses others: on a 2-core machine
 * this halves the time to first diagnostics for large multi-document files. A worker that fails
 * rejects its requests (callers parse on the main thread instead) and is replaced on next use.
 */
export class ParsePool {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Chunks the worker has parsed so far (for tests and benchmarks). */
  parsedChunks = 0;
  /** How to split a file's text between the calling thread and this worker. */
  readonly balance = new ParseBalance();

  constructor(private readonly script: string) {}

  parse(chunks: ParseRequest['chunks']): Promise<ChunkEntry[][]> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    worker.ref(); // keep the process alive while an answer is due
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, chunks } satisfies ParseRequest);
    });
  }

  /**
   * Starts the worker ahead of the first large file, while the server is idle: loading its bundle
   * and warming its parser would otherwise come first on the path to that file's diagnostics.
   */
  warm(): void {
    this.ensureWorker();
  }

  dispose(): void {
    this.failAll(new Error('parse pool disposed'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref(); // idle, it never keeps the process alive
    worker.on('message', (message: { id: number; entries?: ChunkEntry[][]; error?: string }) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (message.entries) {
        this.parsedChunks += message.entries.length;
        pending.resolve(message.entries);
      }
      else pending.reject(new Error(message.error ?? 'parse worker failed'));
    });
    const lost = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`parse worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
