import { posix } from 'node:path';
import { interpolateString } from '../../validation/compose/interpolation';
import { asMap, asScalar, get, str } from './model';
import type { Origin, YNode } from './tree';

/**
 * Service `volumes` entries as compose-go reads them (format/volume.go): short syntax split on
 * `:` outside `${…}`, a one-letter part before `:` kept as a Windows drive, the source classified
 * after interpolation (`.`, `/`, `~`, `\\`, `X:` → bind, anything else → named volume).
 */
export interface Mount {
  /** bind, volume, tmpfs, image, npipe, cluster; undefined when unknown. */
  type: string | undefined;
  /** Named volume, host path or image; undefined for anonymous volumes or when unknown. */
  source: string | undefined;
  target: string | undefined;
  /** Where the source is written, and its characters inside a short-syntax scalar. */
  sourceAt: Origin;
  sourceSub?: [number, number];
  /** Where the whole entry is written. */
  at: Origin;
}

/** A part of a short spec: [start, end) in the written string, and its interpolated value. */
interface Part {
  start: number;
  end: number;
  value: string;
  unresolved: boolean;
}

function splitSpec(spec: string): Part[] | undefined {
  const parts: Part[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i <= spec.length; i++) {
    const ch = spec[i];
    if (ch === '$' && spec[i + 1] === '{') {
      depth++;
      continue;
    }
    if (ch === '}' && depth > 0) {
      depth--;
      continue;
    }
    if (ch === ':' && i - start === 1 && /\p{L}/u.test(spec[start]!)) continue; // Windows drive "C:"
    if ((ch === ':' && depth === 0) || ch === undefined) {
      if (i === start) return undefined; // empty section between colons: invalid spec
      const raw = spec.slice(start, i);
      const result = raw.includes('$') ? interpolateString(raw) : { value: raw, unresolved: false };
      parts.push({ start, end: i, value: result.value, unresolved: result.unresolved });
      start = i + 1;
    }
  }
  return parts;
}

/** Whether compose-go reads a short-syntax source as a host path. */
export function isFilePath(source: string): boolean {
  if (!source) return false;
  if ('./~'.includes(source[0]!)) return true;
  if (source.startsWith('\\\\')) return true;
  return /^\p{L}:/u.test(source);
}

/** path.Clean, as compose-go normalizes mount targets before comparing them. */
export function cleanPath(path: string): string {
  if (!path) return '.';
  const clean = posix.normalize(path);
  return clean.length > 1 && clean.endsWith('/') ? clean.slice(0, -1) : clean;
}

/** Reads one `volumes` list item; undefined when it can't be known (unresolved variables, bad shape). */
export function parseMount(node: YNode): Mount | undefined {
  const map = asMap(node);
  if (map) {
    const sourceNode = get(map, 'source');
    const sourceScalar = asScalar(sourceNode);
    if (sourceScalar?.unresolved) return undefined;
    return {
      type: str(get(map, 'type')),
      source: str(sourceNode) || undefined,
      target: str(get(map, 'target')),
      sourceAt: sourceScalar?.origin ?? map.origin,
      at: map.origin,
    };
  }
  const scalar = asScalar(node);
  if (!scalar || typeof scalar.raw !== 'string') return undefined;
  const whole = scalar.raw.includes('$') ? interpolateString(scalar.raw) : { value: scalar.raw, unresolved: false };
  if (whole.unresolved) return undefined;
  if (whole.value.length <= 2) return { type: 'volume', source: undefined, target: whole.value, sourceAt: scalar.origin, at: scalar.origin };
  const parts = splitSpec(scalar.raw);
  if (!parts || parts.some((p) => p.unresolved)) return undefined;
  if (parts.length === 1) return { type: 'volume', source: undefined, target: parts[0]!.value, sourceAt: scalar.origin, at: scalar.origin };
  const [source, target] = parts as [Part, Part];
  return {
    type: isFilePath(source.value) ? 'bind' : 'volume',
    source: source.value,
    target: target.value,
    sourceAt: scalar.origin,
    sourceSub: [source.start, source.end],
    at: scalar.origin,
  };
}

/** The target of a `volumes` item as compose-go's unicity check reads it (uncleaned). */
export function mountTarget(node: YNode): string | undefined {
  return parseMount(node)?.target;
}
