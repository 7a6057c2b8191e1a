import type { ComposeSchema } from '../schema/composeSchema';
import { formatPath, type PathSegment } from '../documents/yamlPath';
import { composeReferenceUrl } from './apiReference';
import type { FieldHover } from './hoverMarkdown';

type Schema = Record<string, unknown>;

interface ComposeAt {
  schema: Schema;
  required?: boolean;
  description?: string;
}

const MAX_DEPTH = 64;
const patterns = new Map<string, RegExp | null>();

function isSchema(value: unknown): value is Schema {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

function pattern(source: string): RegExp | null {
  if (!patterns.has(source)) {
    let compiled: RegExp | null = null;
    try {
      compiled = new RegExp(source, 'u');
    } catch {
      // a pattern JavaScript cannot read: treat it as matching nothing
    }
    patterns.set(source, compiled);
  }
  return patterns.get(source)!;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** Follows local `#/$defs/…` references; the referring schema's own annotations win. */
function resolve(root: ComposeSchema, schema: Schema, depth = 0): Schema {
  const ref = typeof schema.$ref === 'string' && schema.$ref.startsWith('#/$defs/') ? schema.$ref.slice('#/$defs/'.length) : undefined;
  const target = ref !== undefined ? root.$defs?.[ref] : undefined;
  if (!isSchema(target) || depth > 16) return schema;
  const { $ref: _ref, ...own } = schema;
  return { ...resolve(root, target, depth + 1), ...own };
}

/** The schema and its oneOf/anyOf/allOf branches, resolved: any of them may hold a key. */
function alternatives(root: ComposeSchema, schema: Schema, depth = 0): Schema[] {
  const resolved = resolve(root, schema);
  const out = [resolved];
  if (depth > 4) return out;
  for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
    const list = resolved[keyword];
    if (Array.isArray(list)) for (const branch of list.filter(isSchema)) out.push(...alternatives(root, branch, depth + 1));
  }
  return out;
}

/** One step down the Compose schema: a property, a named entry (pattern), a map value or a list item. */
function child(root: ComposeSchema, schema: Schema, key: PathSegment): { schema: Schema; own: boolean; required: boolean } | undefined {
  for (const branch of alternatives(root, schema)) {
    if (typeof key === 'number') {
      if (isSchema(branch.items)) return { schema: resolve(root, branch.items), own: false, required: false };
      continue;
    }
    const properties = isSchema(branch.properties) ? branch.properties : {};
    if (Object.hasOwn(properties, key) && isSchema(properties[key])) {
      const required = Array.isArray(branch.required) && branch.required.includes(key);
      return { schema: resolve(root, properties[key] as Schema), own: true, required };
    }
    const patterned = isSchema(branch.patternProperties) ? Object.entries(branch.patternProperties).find(([p]) => pattern(p)?.test(key)) : undefined;
    if (patterned && isSchema(patterned[1])) return { schema: resolve(root, patterned[1]), own: false, required: false };
    if (isSchema(branch.additionalProperties)) return { schema: resolve(root, branch.additionalProperties), own: false, required: false };
  }
  return undefined;
}

function walk(root: ComposeSchema, path: readonly PathSegment[]): ComposeAt | undefined {
  let at: ComposeAt = { schema: root as Schema, description: stringOf(root.description) };
  for (const segment of path.slice(0, MAX_DEPTH)) {
    const next = child(root, at.schema, segment);
    if (!next) return undefined;
    // A list item or named entry without its own words is described by its list or map.
    const description = stringOf(next.schema.description) ?? (next.own ? undefined : at.description);
    at = { schema: next.schema, required: next.own ? next.required : undefined, description };
  }
  return at;
}

/** `string`, `number or string`, `array of string`, `object or array of string`… */
export function composeTypeText(root: ComposeSchema, schema: Schema, depth = 0): string {
  const s = resolve(root, schema);
  const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? s.type.filter((t): t is string => typeof t === 'string') : [];
  if (types.length) {
    return types.map((t) => (t === 'array' && isSchema(s.items) && depth < 2 ? `array of ${composeTypeText(root, s.items, depth + 1)}` : t)).join(' or ');
  }
  const branches = [...(Array.isArray(s.oneOf) ? s.oneOf : []), ...(Array.isArray(s.anyOf) ? s.anyOf : [])].filter(isSchema);
  if (branches.length && depth < 3) return [...new Set(branches.map((b) => composeTypeText(root, b, depth + 1)))].join(' or ');
  return 'any';
}

function enumOf(root: ComposeSchema, schema: Schema): unknown[] | undefined {
  for (const branch of alternatives(root, schema)) if (Array.isArray(branch.enum)) return branch.enum;
  return undefined;
}

/** Hover facts of a Compose key or value from the Compose JSON schema; undefined off the schema. */
export function composeFieldHover(root: ComposeSchema, path: readonly PathSegment[]): FieldHover | undefined {
  if (path.length === 0) return undefined;
  const at = walk(root, path);
  if (!at) return undefined;
  const url = composeReferenceUrl(path);
  const section = typeof path[2] === 'string' && ['services', 'networks', 'volumes', 'configs', 'secrets', 'models'].includes(String(path[0])) ? `${path[0]} › ${path[2]}` : String(path[0]);
  return {
    path: formatPath(path),
    type: composeTypeText(root, at.schema),
    required: at.required,
    default: at.schema.default,
    enum: enumOf(root, at.schema),
    deprecated: at.schema.deprecated === true,
    description: at.description,
    link: url ? { title: `Compose specification: ${section}`, url } : undefined,
  };
}
