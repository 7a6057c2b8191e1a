import type { CompletionItem } from 'vscode-languageserver-types';
import type { JsonSchema, KubernetesVersionSchemas } from '../schema/kubernetesSchemas';
import { isSchema, type SchemaAt, type SchemaNavigator } from '../schema/schemaNavigator';
import { CompletionItemKind, keyInsertion, makeItem, RANK, type ItemEnv, type Shape } from './items';

/** What completion says about one field: how its value is written, its type, its allowed values. */
export interface FieldFacts {
  shape: Shape;
  /** Kubernetes-style type: `string`, `integer (int32)`, `[]Container`, `map[string]string`, `int-or-string`. */
  type: string;
  /** Allowed scalar values (enums, booleans). */
  choices?: string[];
  description?: string;
  /** For lists: the shape of one item. */
  itemShape?: Shape;
}

export interface KeyFact extends FieldFacts {
  name: string;
  required: boolean;
  rank: number;
}

// Fields people write in nearly every manifest: offered right after the required ones. A ranking
// hint only; which fields exist always comes from the schema.
const COMMON = new Set([
  'apiVersion', 'kind', 'metadata', 'spec', 'data', 'stringData', 'name', 'namespace', 'labels', 'annotations',
  'replicas', 'selector', 'template', 'containers', 'image', 'ports', 'env', 'envFrom', 'resources', 'volumeMounts',
  'volumes', 'command', 'args', 'containerPort', 'port', 'targetPort', 'protocol', 'type', 'rules', 'matchLabels',
  'serviceAccountName', 'imagePullPolicy', 'livenessProbe', 'readinessProbe', 'requests', 'limits', 'mountPath',
  'schedule', 'jobTemplate', 'accessModes', 'storageClassName', 'host', 'http', 'paths', 'path', 'pathType', 'backend',
  'service', 'number', 'value', 'valueFrom', 'restartPolicy', 'securityContext', 'minReplicas', 'maxReplicas',
  'scaleTargetRef', 'metrics', 'podSelector', 'policyTypes', 'ingress', 'egress', 'minAvailable', 'maxUnavailable',
  'verbs', 'apiGroups', 'roleRef', 'subjects', 'serviceName', 'volumeClaimTemplates',
]);

function shapeOf(schema: JsonSchema): Shape {
  if (schema.type === 'array') return 'list';
  if (schema.type === 'object' || isSchema(schema.properties) || isSchema(schema.additionalProperties) || schema['x-kubernetes-preserve-unknown-fields'] === true) return 'object';
  return 'scalar';
}

function typeLabel(nav: SchemaNavigator, field: JsonSchema, depth = 0): string {
  const { schema, definition } = nav.resolve(field);
  const oneOf = Array.isArray(schema.oneOf) ? (schema.oneOf as JsonSchema[]) : [];
  const format = typeof schema.format === 'string' ? schema.format : oneOf.find((s) => typeof s.format === 'string')?.format;
  if (format === 'int-or-string' || format === 'quantity') return String(format);
  if (depth > 4) return String(schema.type ?? 'object');
  if (schema.type === 'array') return `[]${isSchema(schema.items) ? typeLabel(nav, schema.items, depth + 1) : 'any'}`;
  if (isSchema(schema.properties) && definition) return definition.slice(definition.lastIndexOf('.') + 1);
  if (isSchema(schema.additionalProperties)) return `map[string]${typeLabel(nav, schema.additionalProperties, depth + 1)}`;
  if (typeof schema.type === 'string') return typeof format === 'string' ? `${schema.type} (${format})` : schema.type;
  if (oneOf.length) return oneOf.map((s) => String(s.type ?? 'object')).join(' | ');
  return 'object';
}

/** Completion facts of a field schema (as written in its parent, `$ref`s resolved here). */
export function fieldFacts(nav: SchemaNavigator, field: JsonSchema): FieldFacts {
  const { schema } = nav.resolve(field);
  const shape = shapeOf(schema);
  const facts: FieldFacts = { shape, type: typeLabel(nav, field) };
  if (Array.isArray(schema.enum)) facts.choices = schema.enum.filter((v) => v !== null).map(String);
  else if (schema.type === 'boolean') facts.choices = ['true', 'false'];
  if (typeof schema.description === 'string') facts.description = schema.description;
  if (shape === 'list' && isSchema(schema.items)) facts.itemShape = shapeOf(nav.resolve(schema.items).schema);
  return facts;
}

function isDeprecated(description: string | undefined): boolean {
  return Boolean(description && /^\s*deprecated|deprecated[:.]|is (a )?deprecated|depreciated alias|this field is deprecated/i.test(description));
}

// Key lists per version and definition: built once, reused on every keystroke.
const cache = new WeakMap<KubernetesVersionSchemas, Map<string, KeyFact[]>>();

/** The keys an object schema allows, with their facts, required ones marked. */
export function keyFacts(nav: SchemaNavigator, version: KubernetesVersionSchemas, at: SchemaAt): KeyFact[] {
  let perVersion = cache.get(version);
  if (!perVersion) cache.set(version, (perVersion = new Map()));
  const cached = at.definition ? perVersion.get(at.definition) : undefined;
  if (cached) return cached;
  const required = new Set(Array.isArray(at.schema.required) ? (at.schema.required as string[]) : []);
  const facts = Object.entries(nav.properties(at)).map(([name, field]): KeyFact => {
    const f = fieldFacts(nav, field);
    const rank = required.has(name) ? RANK.required : isDeprecated(f.description) ? RANK.rare : COMMON.has(name) ? RANK.common : RANK.normal;
    return { ...f, name, required: required.has(name), rank };
  });
  if (at.definition) perVersion.set(at.definition, facts);
  return facts;
}

/** Key items for the mapping at the cursor: present keys left out; `dash` starts a new list item. */
export function keyItems(env: ItemEnv, facts: readonly KeyFact[], options: { dash?: boolean; root?: boolean } = {}): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const fact of facts) {
    if (env.ctx.siblings.has(fact.name)) continue;
    if (options.root && fact.name === 'status') continue; // written by the cluster, not by manifests
    const rank = options.root && ['apiVersion', 'kind', 'metadata', 'spec'].includes(fact.name) ? RANK.required : fact.rank;
    out.push(
      makeItem(env, fact.name, keyInsertion(env.ctx, fact.name, fact.shape, { choices: fact.choices, dash: options.dash }), {
        kind: CompletionItemKind.Property,
        detail: fact.required ? `${fact.type} (required)` : fact.type,
        documentation: fact.description,
        rank,
        filterText: fact.name,
        snippet: true,
      }),
    );
  }
  return out;
}
