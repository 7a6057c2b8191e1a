import { isSchema, type SchemaAt, type SchemaNavigator } from '../schema/schemaNavigator';
import { formatPath, type PathSegment } from '../documents/yamlPath';
import { availabilityText, lifecycleLines, lifecycleOf, type FieldVersions } from './fieldVersions';
import { kubernetesTypeText } from './kubernetesFieldType';
import { kubernetesReferenceUrl } from './apiReference';
import type { FieldHover } from './hoverMarkdown';

/** The field under the cursor, relative to its object (the document, or an item of a `kind: List`). */
export interface KubernetesField {
  apiVersion: string;
  kind: string;
  path: PathSegment[];
  on: 'key' | 'value';
}

/** A schema walk that also records the path as every version would name it, and an inherited description. */
interface Walked {
  at: SchemaAt;
  /** List indexes as 0, map keys as `*`: the same field in every version and every object. */
  canonical: PathSegment[];
  required?: boolean;
  description?: string;
}

function walk(navigator: SchemaNavigator, field: KubernetesField): Walked | undefined {
  let at = navigator.root(field.apiVersion, field.kind);
  if (!at) return undefined;
  const canonical: PathSegment[] = [];
  let required: boolean | undefined;
  let description = stringOf(at.schema.description);
  for (const segment of field.path) {
    const own = typeof segment === 'string' && at.schema.type !== 'array' && Object.hasOwn(navigator.properties(at), segment);
    const next = navigator.child(at, segment);
    if (!next) return undefined;
    canonical.push(typeof segment === 'number' ? 0 : own ? segment : '*');
    required = own ? Array.isArray(at.schema.required) && at.schema.required.includes(segment) : undefined;
    // A list item or map entry without its own words is described by its list or map.
    const ownDescription = stringOf(next.field?.description) ?? stringOf(next.schema.description);
    description = ownDescription ?? (own ? undefined : description);
    at = next;
  }
  return { at, canonical, required, description };
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/**
 * The schema that describes the field: the configured version's, or else the newest shipped
 * version that has the field (a field added later or removed since is still explained).
 */
function describe(fields: FieldVersions, field: KubernetesField, target: string): { version: string; navigator: SchemaNavigator; walked: Walked } | undefined {
  const candidates = new Set([target, ...[...fields.servingVersions(field.apiVersion, field.kind)].reverse()]);
  for (const version of candidates) {
    const navigator = fields.navigator(version);
    const walked = walk(navigator, field);
    if (walked) return { version, navigator, walked };
  }
  return undefined;
}

function enumOf(at: SchemaAt, navigator: SchemaNavigator): unknown[] | undefined {
  if (Array.isArray(at.schema.enum)) return at.schema.enum;
  const items = isSchema(at.schema.items) ? navigator.resolve(at.schema.items).schema : undefined;
  return Array.isArray(items?.enum) ? items.enum : undefined;
}

/** Whether a kind is one of the built-in APIs (its page exists in the API reference). */
function builtIn(fields: FieldVersions, apiVersion: string, kind: string): boolean {
  return lifecycleOf(fields.schemas, apiVersion, kind) !== undefined || fields.servingVersions(apiVersion, kind).length > 0;
}

function referenceLink(fields: FieldVersions, apiVersion: string, kind: string): FieldHover['link'] {
  if (!builtIn(fields, apiVersion, kind)) return undefined;
  // A retired pre-release version has no page any more: its successor's page describes the kind.
  const entry = lifecycleOf(fields.schemas, apiVersion, kind);
  const pageVersion = entry?.replacement && /v\d+(alpha|beta)\d+$/.test(apiVersion) ? entry.replacement : apiVersion;
  return { title: `${kind} (${pageVersion}) in the Kubernetes API reference`, url: kubernetesReferenceUrl(pageVersion, kind) };
}

/**
 * Hover facts for a field of a built-in kind: type, required, default, allowed values, the
 * versions that have it, its description and the kind's API reference page. `apiVersion` and
 * `kind` speak of the kind itself (served versions, deprecation); undefined off the schema.
 */
export function kubernetesFieldHover(fields: FieldVersions, field: KubernetesField, target: string): FieldHover | undefined {
  const { apiVersion, kind, path } = field;
  const aboutKind = path.length === 1 && (path[0] === 'apiVersion' || path[0] === 'kind');
  const described = describe(fields, field, target);
  if (!described) {
    if (!aboutKind) return undefined;
    const lines = lifecycleLines(fields, apiVersion, kind, target);
    return lines.length ? { path: formatPath(path), type: 'string', versions: lines, link: referenceLink(fields, apiVersion, kind) } : undefined;
  }
  const { version, navigator, walked } = described;
  const { at } = walked;
  const versions = aboutKind ? lifecycleLines(fields, apiVersion, kind, target) : [availabilityText(fields.versionsWith(apiVersion, kind, walked.canonical), fields.shipped, target)];
  if (version !== target) versions.push(`Described from the Kubernetes ${version} schema.`);
  const kindDescription = path[0] === 'kind' && field.on === 'value' ? stringOf(navigator.root(apiVersion, kind)?.schema.description) : undefined;
  return {
    path: formatPath(path),
    type: kubernetesTypeText(at, navigator),
    required: aboutKind ? undefined : walked.required,
    default: at.schema.default,
    enum: enumOf(at, navigator),
    versions,
    description: kindDescription ?? walked.description,
    link: referenceLink(fields, apiVersion, kind),
  };
}
