import type { Hover } from 'vscode-languageserver-types';
import type { ManifestDoc, ManifestFile } from '../documents/manifestFile';
import { formatPath, type PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import { getComposeSchema, type ComposeSchema } from '../schema/composeSchema';
import type { ComposeProject } from '../crossref/compose/composeProject';
import type { K8sObject } from '../crossref/k8s/k8sObject';
import type { PodSource } from '../crossref/workspaceIndex';
import { fieldVersionsFor } from './fieldVersions';
import { kubernetesFieldHover } from './kubernetesHover';
import { composeFieldHover } from './composeHover';
import { composeReferenceSection } from './composeReferenceHover';
import { objectAt, referenceLookup, referenceSection, type HoverIndex, type ReferenceLookup } from './referenceHover';
import { renderFieldHover, type FieldHover } from './hoverMarkdown';
import { hoverCursor } from './hoverCursor';

/** What hover reads of the workspace (WorkspaceIndex satisfies it). */
export interface HoverWorkspaceIndex extends HoverIndex {
  ofKind(kind: string): Iterable<K8sObject>;
  podSources(): Iterable<PodSource>;
}

export interface HoverRequest {
  file: ManifestFile;
  offset: number;
  schemas: KubernetesSchemas;
  /** The configured Kubernetes version (`shipshape.kubernetesVersion`). */
  version: string;
  /** The workspace index: without it, selectors and name references get no summary. */
  index?: HoverWorkspaceIndex;
  /** How references resolve; by default `referenceLookup(index)`, which resolves as go-to-definition does. */
  navigation?: ReferenceLookup;
  /** The merged Compose project of the file, when it is a Compose file (for reference summaries). */
  compose?: ComposeProject;
  /** The Compose schema; read from the schemas folder when not given. */
  composeSchema?: ComposeSchema;
}

/** The document holding an offset, by binary search: hover never walks the other documents. */
export function docAtOffset(file: ManifestFile, offset: number): ManifestDoc | undefined {
  let lo = 0;
  let hi = file.docs.length - 1;
  let found: ManifestDoc | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const doc = file.docs[mid]!;
    if (doc.start <= offset) {
      found = doc;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && offset <= found.end ? found : undefined;
}

/** apiVersion, kind and the path relative to the object: the document, or an item of a `kind: List`. */
function objectOf(value: unknown, path: PathSegment[]): { apiVersion: string; kind: string; base: PathSegment[] } | undefined {
  if (!isRecord(value)) return undefined;
  if (value.kind === 'List' && path[0] === 'items' && typeof path[1] === 'number' && Array.isArray(value.items)) {
    const item = value.items[path[1]];
    if (isRecord(item) && typeof item.apiVersion === 'string' && typeof item.kind === 'string') return { apiVersion: item.apiVersion, kind: item.kind, base: path.slice(0, 2) };
    return undefined;
  }
  if (typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return undefined;
  return { apiVersion: value.apiVersion, kind: value.kind, base: [] };
}

function kubernetesHover(request: HoverRequest, doc: ManifestDoc, path: PathSegment[], on: 'key' | 'value'): FieldHover | undefined {
  const object = objectOf(doc.value, path);
  if (!object) return undefined;
  const relative = path.slice(object.base.length);
  if (relative.length === 0) return undefined;
  const fields = fieldVersionsFor(request.schemas);
  const facts = kubernetesFieldHover(fields, { apiVersion: object.apiVersion, kind: object.kind, path: relative, on }, request.version);
  const indexed = request.index && objectAt(request.index, request.file.uri, doc.index, path);
  const lookup = request.navigation ?? (request.index && referenceLookup(request.index));
  const section = request.index && indexed && lookup ? referenceSection(request.index, lookup, indexed, relative) : undefined;
  if (!section) return facts;
  return { ...(facts ?? { path: formatPath(relative) }), sections: [section] };
}

function composeHover(request: HoverRequest, doc: ManifestDoc, path: PathSegment[], on: 'key' | 'value'): FieldHover | undefined {
  const schema = request.composeSchema ?? getComposeSchema(request.schemas.dir);
  const facts = composeFieldHover(schema, path);
  const section = request.compose && composeReferenceSection(request.compose, request.file, doc.index, path, on);
  if (!section) return facts;
  return { ...(facts ?? { path: formatPath(path) }), sections: [section] };
}

/**
 * Hover on a key or value of a Kubernetes or Compose document: the field's type, whether it is
 * required, its default and allowed values, the Kubernetes versions that have it, its description
 * and a link to the reference; on selectors the pod templates they select, on name references
 * the object named. Reads only the document under the cursor (and the index for references).
 */
export function hover(request: HoverRequest): Hover | null {
  const { file, offset } = request;
  const doc = docAtOffset(file, offset);
  if (!doc || doc.flavor === 'other') return null;
  const cursor = hoverCursor(doc, offset);
  // On a mapping or list itself the cursor is between entries (or on a bracket): nothing to say.
  if (!cursor || cursor.path.length === 0 || (cursor.on === 'value' && cursor.collection)) return null;
  const facts = doc.flavor === 'kubernetes' ? kubernetesHover(request, doc, cursor.path, cursor.on) : composeHover(request, doc, cursor.path, cursor.on);
  if (!facts) return null;
  const range = cursor.range;
  return {
    contents: { kind: 'markdown', value: renderFieldHover(facts) },
    ...(range ? { range: file.lines.rangeOf(range[0], range[1]) } : {}),
  };
}
