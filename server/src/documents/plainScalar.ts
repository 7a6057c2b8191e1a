import { Document, isScalar } from 'yaml';
import { PARSE_OPTIONS } from './parseOptions';
import { isPlainScalar } from './plainValues';

// The schema's own scalar tags (core schema, merge key, our custom tags), tested in the schema's
// order as the composer does for plain scalars; results are memoised, manifests repeat values a lot.
const SCHEMA_DOC = new Document(null, PARSE_OPTIONS);
const DEFAULT_TAGS = SCHEMA_DOC.schema.tags.filter((tag) => !('collection' in tag && tag.collection));
const plainCache = new Map<string, unknown>();
const PLAIN_CACHE_LIMIT = 50_000;
const CACHED_LENGTH = 64;

/** What resolvePlainScalar gives where only the composer can say: a merge key, or a value the tag rejects. */
export const NOT_PLAIN: unique symbol = Symbol('not plain');

/** The value of an untagged plain scalar as the composer resolves it (as a key when `atKey`), or NOT_PLAIN. */
export function resolvePlainScalar(source: string, atKey: boolean): unknown {
  // Short values repeat (names, ports, enums); long ones rarely do and would only fill the cache.
  if (source.length > CACHED_LENGTH) return resolveUncached(source, atKey);
  const cacheKey = atKey ? '\u0000' + source : source;
  const cached = plainCache.get(cacheKey);
  if (cached !== undefined || plainCache.has(cacheKey)) return cached;
  const resolved = resolveUncached(source, atKey);
  if (plainCache.size >= PLAIN_CACHE_LIMIT) plainCache.clear();
  plainCache.set(cacheKey, resolved);
  return resolved;
}

function resolveUncached(source: string, atKey: boolean): unknown {
  const tag = DEFAULT_TAGS.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(source));
  if (tag?.default === 'key') return NOT_PLAIN; // a merge key: only toJS applies it
  if (!tag) return source;
  let failed = false;
  const result: unknown = tag.resolve(source, () => (failed = true), SCHEMA_DOC.options as never);
  const resolved = isScalar(result) ? result.value : result;
  return failed || !isPlainScalar(resolved) ? NOT_PLAIN : resolved;
}
