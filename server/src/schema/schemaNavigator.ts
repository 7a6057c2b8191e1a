import type { JsonSchema, KubernetesVersionSchemas } from './kubernetesSchemas';
import type { PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';

/** A schema reached by walking a path from a kind's root, with what the walk learned on the way. */
export interface SchemaAt {
  /** The schema at the path with `$ref`s resolved (descriptions of the property win over the definition's). */
  schema: JsonSchema;
  /** The definition the schema came from (`io.k8s.api.core.v1.Container`), when it is one. */
  definition?: string;
  /** The schema of the field as written in its parent (before resolving `$ref`), carrying patch metadata. */
  field?: JsonSchema;
  /** The parent object's schema (for `required`), undefined at the root. */
  parent?: JsonSchema;
  /** The property name that led here (undefined at the root and for list items, which all share one schema). */
  key?: string;
}

const MAX_DEPTH = 64;

/**
 * Walks the generated schema of one Kubernetes version along a document path: object properties,
 * list items and map values (`additionalProperties`). Pure lookups, no compilation: completion,
 * hover, quick fixes and the dry run's strategic merge read field facts this way.
 */
export class SchemaNavigator {
  // Walks repeat (every object of a kind, every keystroke): each step is resolved once and kept.
  private readonly roots = new Map<string, SchemaAt | undefined>();
  private readonly children = new WeakMap<SchemaAt, Map<string, SchemaAt | undefined>>();

  constructor(private readonly schemas: KubernetesVersionSchemas) {}

  /** The root schema of a served kind, or undefined for unknown kinds (CRDs, typos). */
  root(apiVersion: string, kind: string): SchemaAt | undefined {
    const key = `${apiVersion}/${kind}`;
    if (this.roots.has(key)) return this.roots.get(key);
    const info = this.schemas.kindInfo(apiVersion, kind);
    const schema = info && this.schemas.definition(info.definition);
    const root = schema ? { schema, definition: info.definition } : undefined;
    this.roots.set(key, root);
    return root;
  }

  /** The schema at a path below a kind's root; undefined when the path leaves the schema. */
  at(apiVersion: string, kind: string, path: readonly PathSegment[]): SchemaAt | undefined {
    let here = this.root(apiVersion, kind);
    for (let i = 0; i < path.length && here && i < MAX_DEPTH; i++) here = this.child(here, path[i]!);
    return here;
  }

  /** One step down: a property of an object, the item schema of a list, or the value schema of a map. */
  child(from: SchemaAt, key: PathSegment): SchemaAt | undefined {
    let known = this.children.get(from);
    if (!known) this.children.set(from, (known = new Map()));
    // Every item of a list has the same schema; the index itself only matters as `key`.
    const cacheKey = typeof key === 'number' ? '\u0000item' : key;
    if (known.has(cacheKey)) return known.get(cacheKey);
    const found = this.step(from, key);
    known.set(cacheKey, found);
    return found;
  }

  private step(from: SchemaAt, key: PathSegment): SchemaAt | undefined {
    const { schema } = from;
    let field: JsonSchema | undefined;
    if (typeof key === 'number' || schema.type === 'array') {
      field = isSchema(schema.items) ? schema.items : undefined;
    } else {
      const properties = isSchema(schema.properties) ? schema.properties : undefined;
      field = properties && isSchema(properties[key]) ? (properties[key] as JsonSchema) : isSchema(schema.additionalProperties) ? schema.additionalProperties : undefined;
    }
    if (!field) return undefined;
    const resolved = this.resolve(field);
    return { ...resolved, field, parent: schema, ...(typeof key === 'string' ? { key } : {}) };
  }

  /** Follows a `$ref` to its definition; the referring schema's own description and default win. */
  resolve(field: JsonSchema): SchemaAt {
    const ref = typeof field.$ref === 'string' ? field.$ref : undefined;
    if (!ref) return { schema: field };
    const target = this.schemas.definition(ref);
    if (!target) return { schema: field };
    const { $ref: _ref, ...own } = field;
    return { schema: { ...target, ...own }, definition: ref };
  }

  /** The properties an object schema allows, by name. */
  properties(at: SchemaAt): Record<string, JsonSchema> {
    return isSchema(at.schema.properties) ? (at.schema.properties as Record<string, JsonSchema>) : {};
  }
}

/** A schema object (a mapping): what every schema position may hold besides booleans. */
export function isSchema(value: unknown): value is JsonSchema {
  return isRecord(value);
}
