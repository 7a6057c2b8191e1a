import type { PathSegment } from './yamlPath';

/**
 * Where every key and value of a document sits, by path, as plain data, built in the same walk as
 * its value (walkDocument.ts): findings in documents parsed by the worker, or kept without their
 * syntax tree, are placed without composing it again. Offsets are relative to the chunk start;
 * aliases and merge keys are not followed (such paths fall back to the tree).
 * Each entry: [keyStart, keyEnd, valueStart, valueEnd, isCollection] (-1 where absent).
 */
export type PositionTable = Record<string, [number, number, number, number, 0 | 1]>;

export function pathKey(path: readonly PathSegment[]): string {
  return path.join('\u0001');
}

/** Bounds on a table: entries, and the depth below which nothing is recorded. */
export const MAX_ENTRIES = 20_000;
export const MAX_DEPTH = 64;
