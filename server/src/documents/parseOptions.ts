import type { Tags } from 'yaml';

// Compose's merge tags: `!reset` drops an inherited value, `!override` replaces it whole.
// For validation both stand for the value they carry (`!reset` on a scalar for null).
const COMPOSE_TAGS: Tags = [
  { tag: '!reset', resolve: () => null },
  { tag: '!reset', collection: 'map', resolve: (v: unknown) => v } as never,
  { tag: '!reset', collection: 'seq', resolve: (v: unknown) => v } as never,
  { tag: '!override', resolve: (s: string) => s },
  { tag: '!override', collection: 'map', resolve: (v: unknown) => v } as never,
  { tag: '!override', collection: 'seq', resolve: (v: unknown) => v } as never,
];

/** The options every YAML parse of a manifest uses (the composer's and the CST walk's scalar tags). */
// logLevel: `yaml` would print warnings (collection keys) on stderr, which is the editor's output channel.
export const PARSE_OPTIONS = { merge: true, customTags: COMPOSE_TAGS, uniqueKeys: true, prettyErrors: false, strict: false, logLevel: 'error' } as const;
