import type { CompletionItem } from 'vscode-languageserver-types';
import type { PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';
import { declarations, type ComposeProject, type ResourceKind } from '../crossref/compose/composeProject';
import { endsWith, valueAt } from './docFacts';
import { ComposeSchemaWalk, type ComposeFacts } from './composeSchemaWalk';
import { composeFileItems, serviceSkeletonItems } from './composeTemplates';
import { CompletionItemKind, keyInsertion, makeItem, RANK, yamlString, type ItemEnv } from './items';
import { choiceItems, valueItem } from './values';

type Schema = Record<string, unknown>;
type NameKind = ResourceKind | 'services';

// Fields of nearly every Compose file: offered first. A ranking hint; the fields come from the schema.
const COMMON = new Set([
  'services', 'networks', 'volumes', 'secrets', 'configs', 'image', 'build', 'ports', 'environment', 'env_file', 'depends_on',
  'command', 'restart', 'healthcheck', 'container_name', 'condition', 'context', 'dockerfile', 'test', 'interval', 'source', 'target',
]);

/** The names a project declares of a kind: the document being edited first, then the merged project. */
function declared(env: ItemEnv, project: ComposeProject | undefined, kind: NameKind): string[] {
  const out = new Set<string>();
  const own = valueAt(env.ctx.value, [kind]);
  if (isRecord(own)) Object.keys(own).forEach((k) => out.add(k));
  if (project) for (const entry of declarations(project, kind)) out.add(entry.key);
  return [...out].filter((name) => !name.startsWith('x-'));
}

/** Where a name of some kind is written, relative to the service (`rest` of services.<name>.rest). */
function nameSite(rest: readonly PathSegment[]): { kind: NameKind; prefix?: string } | undefined {
  if (endsWith(rest, ['depends_on', '#']) && rest.length === 2) return { kind: 'services' };
  if ((endsWith(rest, ['links', '#']) || endsWith(rest, ['volumes_from', '#'])) && rest.length === 2) return { kind: 'services' };
  if ((rest.length === 1 && rest[0] === 'extends') || (rest.length === 2 && rest[0] === 'extends' && rest[1] === 'service')) return { kind: 'services' };
  if (rest.length === 2 && rest[0] === 'networks' && typeof rest[1] === 'number') return { kind: 'networks' };
  if (rest.length === 2 && rest[0] === 'volumes' && typeof rest[1] === 'number') return { kind: 'volumes', prefix: ':' };
  if (rest.length === 3 && rest[0] === 'volumes' && rest[2] === 'source') return { kind: 'volumes' };
  for (const kind of ['secrets', 'configs'] as const) {
    if (rest[0] === kind && typeof rest[1] === 'number' && (rest.length === 2 || (rest.length === 3 && rest[2] === 'source'))) return { kind };
  }
  return undefined;
}

function nameItems(env: ItemEnv, project: ComposeProject | undefined, service: string, rest: readonly PathSegment[], dash: boolean): CompletionItem[] {
  const out: CompletionItem[] = [];
  if (rest.length === 1 && rest[0] === 'network_mode') {
    for (const name of declared(env, project, 'services')) {
      if (name !== service) out.push(valueItem(env, `service:${name}`, yamlString(`service:${name}`), { kind: CompletionItemKind.Reference, detail: 'share the network stack of a service', rank: RANK.common }));
    }
    return out;
  }
  const site = nameSite(rest);
  if (!site) return out;
  const singular = site.kind === 'services' ? 'service' : site.kind.slice(0, -1);
  for (const name of declared(env, project, site.kind)) {
    if (site.kind === 'services' && name === service) continue;
    const text = site.prefix ? `${yamlString(name)}${site.prefix}` : yamlString(name);
    out.push(valueItem(env, name, text, { kind: CompletionItemKind.Reference, detail: `${singular} declared in the project`, rank: RANK.common, dash }));
  }
  return out;
}

// Key facts per schema node (the walk hands out the schema's own objects, so identity is stable).
const factsCache = new WeakMap<Schema, Array<[string, ComposeFacts]>>();

function keyFacts(walk: ComposeSchemaWalk, schema: Schema): Array<[string, ComposeFacts]> {
  let cached = factsCache.get(schema);
  if (!cached) factsCache.set(schema, (cached = [...walk.properties(schema)].map(([name, field]) => [name, walk.facts(field)])));
  return cached;
}

function keyItems(env: ItemEnv, walk: ComposeSchemaWalk, schema: Schema, dash: boolean): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const [name, facts] of keyFacts(walk, schema)) {
    if (env.ctx.siblings.has(name)) continue;
    const deprecated = /deprecated|backward compatibility/i.test(facts.description ?? '');
    out.push(
      makeItem(env, name, keyInsertion(env.ctx, name, facts.shape, { dash, choices: facts.choices }), {
        kind: CompletionItemKind.Property,
        detail: facts.type,
        documentation: facts.description,
        rank: deprecated ? RANK.rare : COMMON.has(name) ? RANK.common : RANK.normal,
        filterText: name,
        snippet: true,
      }),
    );
  }
  return out;
}

// Names as keys of a mapping (`depends_on: {db: …}`, `networks: {front: …}`).
function namedKeyItems(env: ItemEnv, project: ComposeProject | undefined, service: string, kind: NameKind): CompletionItem[] {
  return declared(env, project, kind)
    .filter((name) => !env.ctx.siblings.has(name) && !(kind === 'services' && name === service))
    .map((name) =>
      makeItem(env, name, keyInsertion(env.ctx, name, 'object'), { kind: CompletionItemKind.Reference, detail: `${kind === 'services' ? 'service' : kind.slice(0, -1)} declared in the project`, rank: RANK.common, filterText: name, snippet: true }),
    );
}

/** Completion in a Compose document: keys from the Compose schema, allowed values, declared names. */
export function composeItems(env: ItemEnv, walk: ComposeSchemaWalk, project: ComposeProject | undefined): CompletionItem[] {
  const { ctx } = env;
  const path = ctx.path;
  const service = path[0] === 'services' && typeof path[1] === 'string' ? path[1] : undefined;
  const rest = service !== undefined ? path.slice(2) : [];
  const out: CompletionItem[] = [];
  if (ctx.emptyDocument) out.push(...composeFileItems(env));
  if (ctx.target === 'key' && path.length === 1 && path[0] === 'services') return [...out, ...serviceSkeletonItems(env)];
  const schema = walk.at(path);
  const facts = schema && walk.facts(schema);
  const values = (dash: boolean, at: readonly PathSegment[], field: ComposeFacts | undefined) => [
    ...(field?.choices ? choiceItems(env, field.choices, { detail: field.type, description: field.description, dash }) : []),
    ...(service !== undefined ? nameItems(env, project, service, at, dash) : []),
  ];
  if (ctx.target === 'value') return [...out, ...values(false, rest, facts)];
  const existing = valueAt(ctx.value, path);
  if (service !== undefined && rest.length === 1 && (rest[0] === 'depends_on' || rest[0] === 'networks') && isRecord(existing)) {
    return [...out, ...namedKeyItems(env, project, service, rest[0] === 'depends_on' ? 'services' : 'networks')];
  }
  if (!schema || !facts) return out;
  if (facts.shape === 'list' && !ctx.item) {
    const item = walk.child(schema, 0);
    const itemFacts = item && walk.facts(item);
    if (item && itemFacts?.shape === 'object') out.push(...keyItems(env, walk, item, true));
    out.push(...values(true, [...rest, 0], itemFacts));
    return out;
  }
  if (facts.shape === 'object' || walk.properties(schema).size > 0) {
    out.push(...keyItems(env, walk, schema, false));
    if (ctx.item) out.push(...values(false, rest, facts));
    return out;
  }
  return [...out, ...values(false, rest, facts)];
}
