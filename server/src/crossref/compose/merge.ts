import { asMap, entries, get, str } from './model';
import { mountTarget } from './mounts';
import type { YEntry, YMap, YNode, YSeq } from './tree';

/**
 * Compose's merge rules (13-merge.md, compose-go override/merge.go and uncity.go), on trees
 * that keep their origins: maps merge key by key, lists append, scalars are replaced;
 * `command`, `entrypoint` and `healthcheck.test` are replaced whole; `!reset` removes what the
 * earlier files set and `!override` replaces it. Inputs are never modified.
 */

const REPLACED = ['services.*.command', 'services.*.entrypoint', 'services.*.healthcheck.test'];

function matches(path: readonly string[], pattern: string): boolean {
  const parts = pattern.split('.');
  return parts.length === path.length && parts.every((p, i) => p === '*' || p === path[i]);
}

/** A node with its `!reset` descendants removed and tags cleared; undefined if the node itself is reset. */
export function strip(node: YNode): YNode | undefined {
  if (node.tag === 'reset') return undefined;
  if (node.kind === 'scalar') return node.tag ? { ...node, tag: undefined } : node;
  if (node.kind === 'seq') {
    const items = node.items.map(strip).filter((n): n is YNode => n !== undefined);
    return { ...node, tag: undefined, items };
  }
  const out = new Map<string, YEntry>();
  for (const e of node.entries.values()) {
    const value = strip(e.value);
    if (value) out.set(e.key, { ...e, value });
  }
  return { ...node, tag: undefined, entries: out };
}

/** Merges `over` onto `base` at `path`; undefined when `over` resets the value. */
export function merge(base: YNode | undefined, over: YNode, path: readonly string[]): YNode | undefined {
  if (over.tag === 'reset') return undefined;
  if (!base || over.tag === 'override' || REPLACED.some((p) => matches(path, p))) return strip(over);
  if (base.kind === 'map' && over.kind === 'map') return mergeMaps(base, over, path);
  if (base.kind === 'seq' && over.kind === 'seq') {
    const tail = strip(over) as YSeq;
    return { ...tail, origin: base.origin, items: [...base.items, ...tail.items] };
  }
  return strip(over);
}

function mergeMaps(base: YMap, over: YMap, path: readonly string[]): YMap {
  const out = new Map(base.entries);
  for (const e of over.entries.values()) {
    const previous = out.get(e.key);
    const value = merge(previous?.value, e.value, [...path, e.key]);
    if (!value) out.delete(e.key);
    else out.set(e.key, { key: e.key, origins: [...(previous?.origins ?? []), ...e.origins], value });
  }
  const inherited = [...(base.inherited ?? []), ...(over.inherited ?? [])];
  return { kind: 'map', origin: base.origin, entries: out, ...(inherited.length ? { inherited } : {}) };
}

// Unique keys of list items (compose-go uncity.go): a later item with the same key replaces the earlier one.
type Indexer = (item: YNode) => string | undefined;

const keyValue: Indexer = (item) => str(item)?.split('=')[0];
const mount =
  (defaultDir: string): Indexer =>
  (item) => {
    const map = asMap(item);
    if (!map) return str(item) === undefined ? undefined : `${defaultDir}/${str(item)}`;
    return str(get(map, 'target')) ?? `${defaultDir}/${str(get(map, 'source')) ?? ''}`;
  };
const port: Indexer = (item) => {
  const map = asMap(item);
  if (!map) return str(item);
  const published = str(get(map, 'published')) ?? '';
  return `${str(get(map, 'host_ip')) ?? '0.0.0.0'}:${published}:${str(get(map, 'target')) ?? ''}/${str(get(map, 'protocol')) ?? 'tcp'}`;
};
const envFile: Indexer = (item) => str(item) ?? str(get(item, 'path'));

const UNIQUE: Record<string, Indexer> = {
  volumes: (item) => mountTarget(item),
  secrets: mount('/run/secrets'),
  configs: mount(''),
  ports: port,
  links: keyValue,
  profiles: keyValue,
  tmpfs: keyValue,
  expose: (item) => str(item),
  env_file: envFile,
  label_file: (item) => str(item),
};

function dedupe(seq: YSeq, indexer: Indexer): YSeq {
  const out: YNode[] = [];
  const seen = new Map<string, number>();
  for (const item of seq.items) {
    const key = indexer(item);
    // Unknown keys (unresolved variables) are kept: we can't tell them apart.
    const at = key === undefined ? undefined : seen.get(key);
    if (at !== undefined) out[at] = item;
    else {
      if (key !== undefined) seen.set(key, out.length);
      out.push(item);
    }
  }
  return out.length === seq.items.length ? seq : { ...seq, items: out };
}

/** Applies Compose's list unicity to every service of a merged model (in place on the service maps). */
export function enforceUnicity(root: YMap): void {
  for (const service of entries(get(root, 'services'))) {
    const map = asMap(service.value);
    if (!map) continue;
    for (const [field, indexer] of Object.entries(UNIQUE)) {
      const e = map.entries.get(field);
      if (e?.value.kind === 'seq') map.entries.set(field, { ...e, value: dedupe(e.value, indexer) });
    }
    for (const network of entries(get(map, 'networks'))) {
      const aliases = asMap(network.value)?.entries.get('aliases');
      if (aliases?.value.kind === 'seq') asMap(network.value)!.entries.set('aliases', { ...aliases, value: dedupe(aliases.value, (i) => str(i)) });
    }
  }
}
