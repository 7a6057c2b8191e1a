import type { Origin, YEntry, YMap, YNode, YScalar, YSeq } from './tree';

/** Small, total readers over the merged tree: malformed input gives undefined or nothing, never a throw. */

export function asMap(node: YNode | undefined): YMap | undefined {
  return node?.kind === 'map' ? node : undefined;
}

export function asSeq(node: YNode | undefined): YSeq | undefined {
  return node?.kind === 'seq' ? node : undefined;
}

export function asScalar(node: YNode | undefined): YScalar | undefined {
  return node?.kind === 'scalar' ? node : undefined;
}

/** The node at a key path below a map. */
export function get(node: YNode | undefined, ...keys: string[]): YNode | undefined {
  let current = node;
  for (const key of keys) current = asMap(current)?.entries.get(key)?.value;
  return current;
}

/** The entry (key with its origins) of a map. */
export function entry(node: YNode | undefined, key: string): YEntry | undefined {
  return asMap(node)?.entries.get(key);
}

export function entries(node: YNode | undefined): YEntry[] {
  return [...(asMap(node)?.entries.values() ?? [])];
}

export function items(node: YNode | undefined): YNode[] {
  return asSeq(node)?.items ?? [];
}

/** A known string (numbers count, as Compose reads them as text); undefined when unknown or not a scalar. */
export function str(node: YNode | undefined): string | undefined {
  const scalar = asScalar(node);
  if (!scalar || scalar.unresolved) return undefined;
  if (typeof scalar.value === 'string') return scalar.value;
  if (typeof scalar.value === 'number' && Number.isFinite(scalar.value)) return String(scalar.value);
  return undefined;
}

/** A known integer, as Compose casts interpolated strings. */
export function int(node: YNode | undefined): number | undefined {
  const text = str(node);
  return text !== undefined && /^[+-]?\d+$/.test(text.trim()) ? Number(text) : undefined;
}

/** A known boolean (true/false, also as strings after interpolation). */
export function bool(node: YNode | undefined): boolean | undefined {
  const scalar = asScalar(node);
  if (!scalar || scalar.unresolved) return undefined;
  if (typeof scalar.value === 'boolean') return scalar.value;
  if (typeof scalar.value === 'string' && /^(true|false)$/i.test(scalar.value)) return scalar.value.toLowerCase() === 'true';
  return undefined;
}

/** Whether a value is explicitly false. */
export function isFalse(node: YNode | undefined): boolean {
  return bool(node) === false;
}

export function isTrue(node: YNode | undefined): boolean {
  return bool(node) === true;
}

/** The first place an entry was written. */
export function firstOrigin(e: YEntry): Origin {
  return e.origins[0]!;
}

/**
 * A sub-range [start, end) of a scalar's written text for a part of its value, when the value is
 * written as is (no interpolation changed it); undefined means "the whole scalar".
 */
export function subOf(node: YNode, start: number, end: number): [number, number] | undefined {
  const scalar = asScalar(node);
  if (!scalar || typeof scalar.raw !== 'string' || scalar.raw !== scalar.value) return undefined;
  return [start, end];
}
