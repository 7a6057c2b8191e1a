import type { PathSegment } from './yamlPath';

/**
 * Where every key and value of a document sits, by path, as plain data, built in the same walk as
 * its value (walkDocument.ts): findings in documents parsed by the worker, or kept without their
 * syntax tree, are placed without composing it again. Offsets are relative to the chunk start;
 * aliases and merge keys are not followed (such paths fall back to the tree).
 * Each entry: [keyStart, keyEnd, valueStart, valueEnd, isCollection] (-1 where absent).
 */
export type PositionTable = Record<string, PositionEntry>;
export type PositionEntry = [number, number, number, number, 0 | 1];

const SEPARATOR = '\u0001';

export function pathKey(path: readonly PathSegment[]): string {
  return path.join(SEPARATOR);
}

/** The key of a child of the path `prefix` (at `depth`, 0 for the document's top level), as pathKey makes it. */
export function childKey(prefix: string, depth: number, segment: string | number): string {
  return depth === 0 ? String(segment) : prefix + SEPARATOR + segment;
}

/** A table entry from absolute ranges (none where absent), made relative to the chunk start. */
export function positionEntry(key: readonly number[] | null | undefined, value: readonly number[] | null | undefined, collection: boolean, chunkStart: number): PositionEntry {
  return [key ? key[0]! - chunkStart : -1, key ? key[1]! - chunkStart : -1, value ? value[0]! - chunkStart : -1, value ? value[1]! - chunkStart : -1, collection ? 1 : 0];
}

/** Bounds on a table: entries, and the depth below which nothing is recorded. */
export const MAX_ENTRIES = 20_000;
export const MAX_DEPTH = 64;
