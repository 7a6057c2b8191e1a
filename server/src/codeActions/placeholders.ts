import type { SchemaAt, SchemaNavigator } from '../schema/schemaNavigator';
import type { YamlOut } from './renderYaml';

// Deep enough for a required list of objects with required fields; schemas are recursive.
const MAX_DEPTH = 4;

function isScalarValue(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * A value that satisfies a field's schema and shows the user what to fill in: the default or
 * first allowed value when there is one, an empty value of the right type otherwise, and for
 * objects their own required fields (a required list of objects gets one such item).
 */
export function placeholderOf(navigator: SchemaNavigator, at: SchemaAt, depth = 0): YamlOut {
  const schema = at.schema;
  if (Array.isArray(schema.enum) && isScalarValue(schema.enum[0])) return schema.enum[0];
  const type = typeof schema.type === 'string' ? schema.type : undefined;
  // OpenAPI writes `default: {}` on some non-object fields; only a default of the field's own type is used.
  if (isScalarValue(schema.default) && (type === undefined || typeof schema.default === (type === 'integer' ? 'number' : type))) return schema.default;
  if (schema.format === 'int-or-string') return 0;
  if (schema.format === 'quantity') return '0';
  if (type === 'object' || (type === undefined && schema.properties)) {
    const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
    if (required.length === 0 || depth >= MAX_DEPTH) return {};
    const out: Record<string, YamlOut> = {};
    for (const field of required) {
      const child = navigator.child(at, field);
      out[field] = child ? placeholderOf(navigator, child, depth + 1) : '';
    }
    return out;
  }
  if (type === 'array') {
    const item = navigator.child(at, 0);
    const needsFields = item && Array.isArray(item.schema.required) && item.schema.required.length > 0;
    return needsFields && depth < MAX_DEPTH ? [placeholderOf(navigator, item, depth + 1)] : [];
  }
  if (type === 'integer' || type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 0;
  if (type === 'boolean') return false;
  return '';
}
