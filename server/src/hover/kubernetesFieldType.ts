import { isSchema, type SchemaAt, type SchemaNavigator } from '../schema/schemaNavigator';

// Definitions whose wire form is not what their schema's `type` says.
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const TIMES = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime']);

/** `io.k8s.api.core.v1.Container` → `Container`. */
export function shortDefinition(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * The type of a Kubernetes field as a reader thinks of it: `integer (int32)`, `string or integer`,
 * `quantity`, `array of Container`, `map of string`, `object (ResourceRequirements)`.
 */
export function kubernetesTypeText(at: SchemaAt, navigator: SchemaNavigator, depth = 0): string {
  const { schema, definition } = at;
  if (definition === QUANTITY || schema.format === 'quantity') return 'quantity';
  if (definition === INT_OR_STRING || schema.format === 'int-or-string') return 'string or integer';
  if (definition && TIMES.has(definition)) return 'string (date-time)';
  const type = typeof schema.type === 'string' ? schema.type : undefined;
  if (type === 'array') {
    const items = isSchema(schema.items) ? navigator.resolve(schema.items) : undefined;
    return items && depth < 2 ? `array of ${kubernetesTypeText(items, navigator, depth + 1)}` : 'array';
  }
  if (type === 'object' || isSchema(schema.properties)) {
    if (definition && !isSchema(schema.additionalProperties)) return depth > 0 ? shortDefinition(definition) : `object (${shortDefinition(definition)})`;
    if (isSchema(schema.additionalProperties) && depth < 2) return `map of ${kubernetesTypeText(navigator.resolve(schema.additionalProperties), navigator, depth + 1)}`;
    return 'object';
  }
  if (type) return typeof schema.format === 'string' ? `${type} (${schema.format})` : type;
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf.filter(isSchema) : [];
  if (branches.length && depth < 2) return [...new Set(branches.map((b) => kubernetesTypeText(navigator.resolve(b), navigator, depth + 1)))].join(' or ');
  return 'any';
}
