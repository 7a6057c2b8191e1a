import type { CompletionItem } from 'vscode-languageserver-types';
import type { KubernetesVersionSchemas } from '../schema/kubernetesSchemas';
import type { SchemaAt, SchemaNavigator } from '../schema/schemaNavigator';
import type { CompletionIndex } from './completionIndex';
import type { DocFacts } from './docFacts';
import { CompletionItemKind, keyInsertion, makeItem, RANK, type ItemEnv } from './items';
import { fieldFacts, keyFacts, keyItems } from './keys';
import { labelItems } from './labelReferences';
import { referenceItems } from './references';
import { apiVersionItems, choiceItems, kindItems, servedApiVersions } from './values';

export interface KubernetesSources {
  navigator: SchemaNavigator;
  version: KubernetesVersionSchemas;
  index?: CompletionIndex;
}

/** The apiVersion whose schema describes the document: its own when served, else the preferred one for its kind. */
function schemaApiVersion(facts: DocFacts, version: KubernetesVersionSchemas): string | undefined {
  if (!facts.kind) return undefined;
  if (facts.apiVersion && version.kindInfo(facts.apiVersion, facts.kind)) return facts.apiVersion;
  return servedApiVersions(version, facts.kind)[0];
}

// Top-level keys of a document whose kind is not known yet (or not a built-in kind).
function rootKeys(env: ItemEnv): CompletionItem[] {
  const keys: Array<[string, 'scalar' | 'object', string]> = [
    ['apiVersion', 'scalar', 'The versioned schema of this object (`group/version`).'],
    ['kind', 'scalar', 'The kind of object this document describes.'],
    ['metadata', 'object', "The object's name, namespace, labels and annotations."],
  ];
  return keys
    .filter(([name]) => !env.ctx.siblings.has(name))
    .map(([name, shape, documentation]) =>
      makeItem(env, name, keyInsertion(env.ctx, name, shape), { kind: CompletionItemKind.Property, documentation, rank: RANK.required, filterText: name, snippet: true }),
    );
}

/** Values for the scalar at the cursor: schema choices, then workspace references. */
function scalarItems(env: ItemEnv, sources: KubernetesSources, facts: DocFacts, at: SchemaAt | undefined, dash: boolean): CompletionItem[] {
  const out: CompletionItem[] = [];
  if (at) {
    const field = fieldFacts(sources.navigator, at.schema);
    if (field.choices) out.push(...choiceItems(env, field.choices, { detail: field.type, description: field.description, dash, defaultValue: at.schema.default }));
  }
  if (!dash) out.push(...referenceItems(env, facts, sources.index));
  return out;
}

/** Completion inside a Kubernetes document (or one that will be: no `kind` yet). */
export function kubernetesItems(env: ItemEnv, sources: KubernetesSources, facts: DocFacts): CompletionItem[] {
  const { ctx } = env;
  const { navigator, version } = sources;
  const out: CompletionItem[] = [];
  const labels = labelItems(env, facts, sources.index);
  if (labels) out.push(...labels);

  const top = ctx.path.length === 1 ? ctx.path[0] : undefined;
  if (ctx.target === 'value' && top === 'apiVersion') return [...out, ...apiVersionItems(env, version, facts.kind)];
  if (ctx.target === 'value' && top === 'kind') return [...out, ...kindItems(env, version, facts.apiVersion, facts.hasApiVersionKey || ctx.flow)];

  const apiVersion = schemaApiVersion(facts, version);
  const at = apiVersion && facts.kind ? navigator.at(apiVersion, facts.kind, ctx.path) : undefined;
  if (ctx.target === 'value') return [...out, ...scalarItems(env, sources, facts, at, false)];

  if (ctx.path.length === 0 && !at) return [...out, ...rootKeys(env)];
  if (!at) return out;
  const schema = at.schema;
  if (schema.type === 'array' && !ctx.item) {
    // A line below `list:` that is not an item yet: offer the first key (or the value) of a new item.
    const item = navigator.child(at, 0);
    if (item && fieldFacts(navigator, item.schema).shape === 'object') out.push(...keyItems(env, keyFacts(navigator, version, item), { dash: true }));
    else out.push(...scalarItems(env, sources, facts, item, true));
    return out;
  }
  const shape = fieldFacts(navigator, schema).shape;
  if (shape === 'object') return [...out, ...keyItems(env, keyFacts(navigator, version, at), { root: ctx.path.length === 0 })];
  if (shape === 'scalar') return [...out, ...scalarItems(env, sources, facts, at, false)];
  return out;
}
