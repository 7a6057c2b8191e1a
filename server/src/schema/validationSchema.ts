import { isRecord } from '../documents/plainValues';
import type { JsonSchema } from './kubernetesSchemas';

// Keywords whose value is a map of subschemas, a subschema, or a list of subschemas: the walk
// descends only through these, so a property that happens to be named "description" is kept.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/** Keywords that only annotate: hover and completion read them from the stored schema. */
function isAnnotation(keyword: string): boolean {
  return keyword === 'description' || keyword === 'default' || keyword === 'example' || keyword.startsWith('x-kubernetes-');
}

/**
 * A stored definition as validation needs it: without descriptions and other annotations (most
 * of its text), which makes compiling faster and compiled code smaller. Adds the definitions it
 * references (`$ref`) to `refs`.
 */
export function validationSchema(schema: JsonSchema, refs: string[]): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isRecord(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [keyword, value] of Object.entries(node)) {
      if (isAnnotation(keyword)) continue;
      if (keyword === '$ref' && typeof value === 'string') refs.push(value);
      if (SCHEMA_MAPS.has(keyword) && isRecord(value)) out[keyword] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
      else if (SCHEMA_VALUES.has(keyword) || SCHEMA_LISTS.has(keyword)) out[keyword] = walk(value);
      else out[keyword] = value;
    }
    return out;
  };
  return walk(schema) as JsonSchema;
}
