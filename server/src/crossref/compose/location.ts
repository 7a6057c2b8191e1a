import { isScalar } from 'yaml';
import type { Location, Range } from 'vscode-languageserver-types';
import { locatePath, nodeRange } from '../../documents/yamlPath';
import { scalarIndexOffsets } from '../../validation/compose/scalarOffsets';
import type { Origin } from './tree';

/**
 * Text offsets of an origin: the key or the value it names (through aliases and `<<` merges),
 * or characters [sub) of a scalar's value when its source maps one-to-one. An empty value
 * (`db:` with nothing after it) gives its key.
 */
export function originOffsets(origin: Origin, sub?: [number, number]): [number, number] {
  const { file } = origin.src;
  const doc = file.docs[origin.src.doc];
  if (!doc) return [0, 0];
  const loc = locatePath(doc.yaml, origin.path);
  const keyRange = nodeRange(loc.key);
  if (loc.found.length < origin.path.length) return keyRange ?? [doc.start, doc.start];
  if (origin.on === 'key' && keyRange) return keyRange;
  const range = nodeRange(loc.node);
  if (!range || range[0] === range[1]) return keyRange ?? range ?? [doc.start, doc.start];
  if (sub && isScalar(loc.node)) {
    const map = scalarIndexOffsets(file.text, loc.node);
    if (map && sub[0] >= 0 && sub[1] < map.length && sub[0] <= sub[1]) return [map[sub[0]]!, map[sub[1]]!];
  }
  return range;
}

export function originRange(origin: Origin, sub?: [number, number]): Range {
  const [start, end] = originOffsets(origin, sub);
  return origin.src.file.lines.rangeOf(start, end);
}

export function originLocation(origin: Origin, sub?: [number, number]): Location {
  return { uri: origin.src.file.uri, range: originRange(origin, sub) };
}

/** A key identifying the place an origin names, for de-duplication. */
export function originKey(origin: Origin, sub?: [number, number]): string {
  return [origin.src.file.uri, origin.src.doc, origin.path.join('\u0000'), origin.on, sub?.join(',') ?? ''].join('\u0001');
}
