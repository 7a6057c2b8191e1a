import { isMap, isNode, isScalar, isSeq } from 'yaml';
import type { ManifestDoc, ManifestFile } from '../../documents/manifestFile';
import type { PathSegment } from '../../documents/yamlPath';
import { LIMITS } from '../../documents/limits';
import { interpolateString } from '../../validation/compose/interpolation';
import { isRecord } from '../../documents/plainValues';

/**
 * The Compose model as a tree that remembers where every part was written, so merged values
 * (override files, includes, extends) still point at their source. Strings are interpolated
 * as Compose does before merging (no environment: defaults apply, unset variables are unknown).
 */

/** One `---` document being loaded, and the directory URI its relative paths resolve against. */
export interface Source {
  file: ManifestFile;
  doc: number;
  dir: string | undefined;
  /** Loaded only as the base of `extends: {file: …}`: only its services are used. */
  viaExtends?: boolean;
}

/** Where a value (or a map key) is written. */
export interface Origin {
  src: Source;
  path: PathSegment[];
  on: 'key' | 'value';
}

export type Tag = 'reset' | 'override';

interface Base {
  origin: Origin;
  tag?: Tag;
}

export interface YScalar extends Base {
  kind: 'scalar';
  /** The value after interpolation. */
  value: unknown;
  /** The value as written. */
  raw: unknown;
  /** Depends on a variable that is unset and has no default (or bad `${…}` syntax): unknown. */
  unresolved: boolean;
}

export interface YSeq extends Base {
  kind: 'seq';
  items: YNode[];
}

export interface YEntry {
  key: string;
  /** Every place that wrote this key (base file, override file, extends base, …). */
  origins: Origin[];
  value: YNode;
}

/** A service that took its base from `extends`. */
export interface ExtendsLink {
  /** The `extends` key of the extending service. */
  at: Origin;
  service: string;
  base: string;
  /** The file holding the base service. */
  baseUri: string;
}

export interface YMap extends Base {
  kind: 'map';
  entries: Map<string, YEntry>;
  /** On service maps: the `extends` that built them. */
  inherited?: ExtendsLink[];
}

export type YNode = YScalar | YSeq | YMap;

// Written as lists but merged as maps keyed by name (compose-go mergeDependsOn/mergeNetworks/mergeModels).
const LIST_AS_MAP = new Set(['depends_on', 'networks', 'models']);
// Written as one string or a list, merged as lists.
const STRING_AS_LIST = new Set(['env_file', 'label_file', 'tmpfs', 'profiles', 'dns', 'dns_search']);

/** `!reset` and `!override` tags of a document, by path. */
function tagPaths(doc: ManifestDoc): Map<string, Tag> {
  const out = new Map<string, Tag>();
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (path.length > LIMITS.maxDepth) return;
    if (isNode(node) && (node.tag === '!reset' || node.tag === '!override')) out.set(path.join('\u0000'), node.tag === '!reset' ? 'reset' : 'override');
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) && typeof pair.key.value !== 'symbol' ? String(pair.key.value) : undefined;
        if (key !== undefined && key !== '<<') walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.yaml.contents, []);
  return out;
}

/** Converts one Compose document; undefined when it is not a mapping (nothing to load). */
export function toTree(src: Source): YMap | undefined {
  const doc = src.file.docs[src.doc];
  if (!doc || !isRecord(doc.value)) return undefined;
  // Reading tags builds the syntax tree: only worth it when the text has any.
  const tags = /!(reset|override)\b/.test(src.file.text.slice(doc.start, doc.end)) ? tagPaths(doc) : new Map<string, Tag>();
  const node = convert(src, doc.value, [], tags);
  return node?.kind === 'map' ? node : undefined;
}

function convert(src: Source, raw: unknown, path: PathSegment[], tags: Map<string, Tag>): YNode | undefined {
  if (path.length > LIMITS.maxDepth) return undefined;
  const origin: Origin = { src, path, on: 'value' };
  const tag = tags.get(path.join('\u0000'));
  const parent = path.length === 3 && path[0] === 'services' ? String(path[2]) : undefined;
  let node: YNode;
  if (Array.isArray(raw)) {
    if (parent && LIST_AS_MAP.has(parent)) node = listAsMap(src, raw, path, tags);
    else {
      const items: YNode[] = [];
      raw.forEach((item, i) => {
        const child = convert(src, item, [...path, i], tags);
        // compose-go drops a `!reset` list item while reading the file
        if (child && child.tag !== 'reset') items.push(child);
      });
      node = { kind: 'seq', origin, items };
    }
  } else if (isRecord(raw)) {
    const entries = new Map<string, YEntry>();
    for (const [key, value] of Object.entries(raw)) {
      const child = convert(src, value, [...path, key], tags);
      if (child) entries.set(key, { key, origins: [{ src, path: [...path, key], on: 'key' }], value: child });
    }
    node = { kind: 'map', origin, entries };
  } else {
    const scalar = toScalar(origin, raw);
    if (parent === 'build') {
      // `build: ./dir` is `build: {context: ./dir}`
      node = { kind: 'map', origin, entries: new Map([['context', { key: 'context', origins: [origin], value: scalar }]]) };
    } else if (parent && STRING_AS_LIST.has(parent) && typeof raw === 'string') node = { kind: 'seq', origin, items: [scalar] };
    else node = scalar;
  }
  if (tag) node.tag = tag;
  return node;
}

function toScalar(origin: Origin, raw: unknown): YScalar {
  if (typeof raw !== 'string' || !raw.includes('$')) return { kind: 'scalar', origin, value: raw, raw, unresolved: false };
  const result = interpolateString(raw);
  return { kind: 'scalar', origin, value: result.value, raw, unresolved: result.unresolved };
}

// `depends_on: [db]` → `{db: {}}`, each key pointing at its list item.
function listAsMap(src: Source, raw: unknown[], path: PathSegment[], tags: Map<string, Tag>): YMap {
  const entries = new Map<string, YEntry>();
  raw.forEach((item, i) => {
    const itemPath = [...path, i];
    if (tags.get(itemPath.join('\u0000')) === 'reset') return;
    const scalar = toScalar({ src, path: itemPath, on: 'value' }, item);
    if (typeof scalar.value !== 'string' || scalar.unresolved) return;
    const value: YMap = { kind: 'map', origin: scalar.origin, entries: new Map() };
    const existing = entries.get(scalar.value);
    if (existing) existing.origins.push(scalar.origin);
    else entries.set(scalar.value, { key: scalar.value, origins: [scalar.origin], value });
  });
  return { kind: 'map', origin: { src, path, on: 'value' }, entries };
}
