import type { ManifestFile } from '../../documents/manifestFile';
import type { PathSegment } from '../../documents/yamlPath';
import { readLabels, type Labels } from '../labelSelector';
import { CLUSTER_SCOPED } from '../namespaces';
import { podTemplatePaths } from './podTemplates';
import { isRecord } from '../../documents/plainValues';
export { isRecord } from '../../documents/plainValues';

/** Where an object lives: its file, its document, and its path inside the document (List items). */
export interface ObjectLocation {
  uri: string;
  docIndex: number;
  base: PathSegment[];
}

export interface PodTemplate {
  /** Path of the template (the object with `metadata` and `spec`) relative to the object. */
  path: PathSegment[];
  labels: Labels;
  spec: Record<string, unknown>;
}

/** One Kubernetes object as the cross-reference rules see it. */
export interface K8sObject {
  location: ObjectLocation;
  apiVersion: string;
  /** API group ("" for core, "apps", …). */
  group: string;
  kind: string;
  name: string;
  /** The explicit namespace, or undefined for the contextual one (cluster-scoped kinds: undefined). */
  namespace: string | undefined;
  clusterScoped: boolean;
  labels: Labels;
  annotations: Labels;
  value: Record<string, unknown>;
  podTemplates: PodTemplate[];
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function toObject(value: unknown, location: ObjectLocation, namespaceOverride: string | undefined): K8sObject | undefined {
  if (!isRecord(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return undefined;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : typeof metadata.generateName === 'string' ? metadata.generateName : '';
  const clusterScoped = CLUSTER_SCOPED.has(value.kind);
  const explicit = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
  const kind = value.kind;
  const templates: PodTemplate[] = [];
  for (const path of podTemplatePaths(kind)) {
    let node: unknown = value;
    for (const segment of path) node = isRecord(node) ? node[segment as string] : undefined;
    if (!isRecord(node)) continue;
    const spec = isRecord(node.spec) ? node.spec : {};
    const meta = isRecord(node.metadata) ? node.metadata : {};
    templates.push({ path, labels: readLabels(meta.labels), spec });
  }
  return {
    location,
    apiVersion: value.apiVersion,
    group: groupOf(value.apiVersion),
    kind,
    name,
    namespace: clusterScoped ? undefined : namespaceOverride ?? explicit, // kustomize's namespace wins, as its transformer does
    clusterScoped,
    labels: readLabels(metadata.labels),
    annotations: readLabels(metadata.annotations),
    value,
    podTemplates: templates,
  };
}

/**
 * The Kubernetes objects of a parsed file, `kind: List` items expanded (values already have
 * anchors and merge keys resolved). Templated files (Helm) are not indexed: they are not
 * manifests until rendered. `namespaceOverride` is a kustomization's `namespace:`.
 */
export function extractObjects(file: ManifestFile, namespaceOverride?: string): K8sObject[] {
  if (file.templated) return [];
  const out: K8sObject[] = [];
  for (const doc of file.docs) {
    if (doc.flavor !== 'kubernetes' || !isRecord(doc.value)) continue;
    const value = doc.value;
    if (value.kind === 'List' && Array.isArray(value.items)) {
      value.items.forEach((item, i) => {
        const object = toObject(item, { uri: file.uri, docIndex: doc.index, base: ['items', i] }, namespaceOverride);
        if (object) out.push(object);
      });
      continue;
    }
    const object = toObject(value, { uri: file.uri, docIndex: doc.index, base: [] }, namespaceOverride);
    if (object) out.push(object);
  }
  return out;
}
