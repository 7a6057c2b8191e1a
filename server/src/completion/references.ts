import type { CompletionItem } from 'vscode-languageserver-types';
import type { PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';
import { namespaceRelation } from '../crossref/namespaces';
import { equalitySelectorMatches, readLabels } from '../crossref/labelSelector';
import { containersOf, list } from '../crossref/k8s/containers';
import type { K8sObject } from '../crossref/k8s/k8sObject';
import type { CompletionIndex } from './completionIndex';
import { endsWith, stringAt, valueAt, type DocFacts, type PathPattern } from './docFacts';
import { CompletionItemKind, RANK, yamlString, type ItemEnv } from './items';
import { valueItem } from './values';

type Path = readonly PathSegment[];

/** A field naming another object: the pattern its path ends with, and the kind it names. */
interface NameSite {
  pattern: PathPattern;
  kind: string | ((path: Path, facts: DocFacts) => string | undefined);
  /** Only in documents of these kinds. */
  in?: readonly string[];
  /** The namespace the target lives in, when the reference says (RoleBinding subjects). */
  namespace?: (path: Path, facts: DocFacts) => string | undefined;
}

const sibling = (name: string) => (path: Path, facts: DocFacts) => stringAt(facts.value, [...path.slice(0, -1), name]);

const NAME_SITES: NameSite[] = [
  { pattern: ['configMapKeyRef', 'name'], kind: 'ConfigMap' },
  { pattern: ['configMapRef', 'name'], kind: 'ConfigMap' },
  { pattern: ['configMap', 'name'], kind: 'ConfigMap' },
  { pattern: ['secretKeyRef', 'name'], kind: 'Secret' },
  { pattern: ['secretRef', 'name'], kind: 'Secret' },
  { pattern: ['secret', 'secretName'], kind: 'Secret' },
  { pattern: ['secret', 'name'], kind: 'Secret' },
  { pattern: ['imagePullSecrets', '#', 'name'], kind: 'Secret' },
  { pattern: ['tls', '#', 'secretName'], kind: 'Secret', in: ['Ingress'] },
  { pattern: ['persistentVolumeClaim', 'claimName'], kind: 'PersistentVolumeClaim' },
  { pattern: ['serviceAccountName'], kind: 'ServiceAccount' },
  { pattern: ['service', 'name'], kind: 'Service' },
  { pattern: ['backend', 'serviceName'], kind: 'Service' },
  { pattern: ['spec', 'serviceName'], kind: 'Service', in: ['StatefulSet'] },
  { pattern: ['scaleTargetRef', 'name'], kind: sibling('kind') },
  { pattern: ['roleRef', 'name'], kind: sibling('kind') },
  { pattern: ['subjects', '#', 'name'], kind: (path, facts) => (sibling('kind')(path, facts) === 'ServiceAccount' ? 'ServiceAccount' : undefined), namespace: sibling('namespace') },
  { pattern: ['priorityClassName'], kind: 'PriorityClass' },
  { pattern: ['storageClassName'], kind: 'StorageClass' },
  { pattern: ['ingressClassName'], kind: 'IngressClass' },
];

/** Fields naming a key of a ConfigMap or Secret: the kind, and where the object's name is written. */
const KEY_SITES: Array<{ pattern: PathPattern; kind: 'ConfigMap' | 'Secret'; name: (path: Path) => PathSegment[] }> = [
  { pattern: ['configMapKeyRef', 'key'], kind: 'ConfigMap', name: (p) => [...p.slice(0, -1), 'name'] },
  { pattern: ['secretKeyRef', 'key'], kind: 'Secret', name: (p) => [...p.slice(0, -1), 'name'] },
  { pattern: ['configMap', 'items', '#', 'key'], kind: 'ConfigMap', name: (p) => [...p.slice(0, -3), 'name'] },
  { pattern: ['secret', 'items', '#', 'key'], kind: 'Secret', name: (p) => [...p.slice(0, -3), 'secretName'] },
];

// Objects of the document's namespace rank first, those that may be in it (no namespace on one side) after.
function rankIn(facts: DocFacts, object: K8sObject, namespace = facts.namespace): number | undefined {
  const relation = object.clusterScoped ? 'same' : namespaceRelation(namespace, object.namespace);
  return relation === 'same' ? RANK.common : relation === 'maybe' ? RANK.rare : undefined;
}

function dataKeys(object: K8sObject): string[] {
  const keys = new Set<string>();
  for (const field of ['data', 'binaryData', 'stringData']) {
    const data = object.value[field];
    if (isRecord(data)) for (const key of Object.keys(data)) keys.add(key);
  }
  return [...keys];
}

function nameItems(env: ItemEnv, facts: DocFacts, index: CompletionIndex, kind: string, namespace: string | undefined): CompletionItem[] {
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  for (const object of index.objectsOfKind(kind)) {
    const rank = rankIn(facts, object, namespace);
    if (!object.name || seen.has(object.name) || rank === undefined) continue;
    seen.add(object.name);
    const keys = kind === 'ConfigMap' || kind === 'Secret' ? dataKeys(object) : [];
    const where = object.namespace ? ` in ${object.namespace}` : '';
    out.push(
      valueItem(env, object.name, yamlString(object.name), {
        kind: CompletionItemKind.Reference,
        detail: `${kind}${where}`,
        documentation: keys.length ? `Keys: ${keys.map((k) => `\`${k}\``).join(', ')}` : undefined,
        rank,
      }),
    );
  }
  return out;
}

function keyItems(env: ItemEnv, facts: DocFacts, index: CompletionIndex, kind: string, name: string | undefined): CompletionItem[] {
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const object of index.objectsOfKind(kind)) {
    const rank = rankIn(facts, object);
    if ((name !== undefined && object.name !== name) || rank === undefined) continue;
    for (const key of dataKeys(object)) {
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(valueItem(env, key, yamlString(key), { kind: CompletionItemKind.Reference, detail: `key of ${kind} ${object.name}`, rank }));
    }
  }
  return out;
}

// Ingress `backend.service.port.number|name`: the ports of the Service named beside it.
function servicePortItems(env: ItemEnv, facts: DocFacts, index: CompletionIndex, path: Path): CompletionItem[] {
  const field = path[path.length - 1];
  const name = stringAt(facts.value, [...path.slice(0, -2), 'name']);
  const out: CompletionItem[] = [];
  for (const service of index.objectsOfKind('Service')) {
    const rank = rankIn(facts, service);
    if ((name !== undefined && service.name !== name) || rank === undefined) continue;
    for (const port of list(valueAt(service.value, ['spec', 'ports']))) {
      if (!isRecord(port)) continue;
      const value = field === 'number' ? port.port : port.name;
      if (value === undefined || value === null || value === '') continue;
      const text = typeof value === 'string' ? yamlString(value) : String(value);
      out.push(valueItem(env, String(value), text, { kind: CompletionItemKind.Reference, detail: `port of Service ${service.name}`, rank }));
    }
  }
  return out;
}

// Service `targetPort`: the container ports of the pods its selector picks (names first).
function targetPortItems(env: ItemEnv, facts: DocFacts, index: CompletionIndex): CompletionItem[] {
  const selector = readLabels(valueAt(facts.value, ['spec', 'selector']));
  const out: CompletionItem[] = [];
  for (const { object, template } of index.podTemplates()) {
    const rank = rankIn(facts, object);
    if (rank === undefined) continue;
    if (Object.keys(selector).length && !equalitySelectorMatches(selector, template.labels)) continue;
    for (const { container, name } of containersOf(template, ['containers'])) {
      for (const port of list(container.ports)) {
        if (!isRecord(port)) continue;
        const detail = `port of container ${name ?? '?'} in ${object.kind} ${object.name}`;
        // names first: a named targetPort survives a change of the container's port number
        if (typeof port.name === 'string' && port.name) out.push(valueItem(env, port.name, yamlString(port.name), { kind: CompletionItemKind.Reference, detail, rank: rank - 1 }));
        if (typeof port.containerPort === 'number') out.push(valueItem(env, String(port.containerPort), String(port.containerPort), { kind: CompletionItemKind.Reference, detail, rank }));
      }
    }
  }
  return out;
}

/**
 * Values read from the workspace for the scalar at the cursor: names of objects, keys of
 * ConfigMaps and Secrets, Service and container ports.
 */
export function referenceItems(env: ItemEnv, facts: DocFacts, index: CompletionIndex | undefined): CompletionItem[] {
  const { ctx } = env;
  if (!index) return [];
  const path = ctx.path;
  for (const site of NAME_SITES) {
    if (!endsWith(path, site.pattern) || (site.in && !site.in.includes(facts.kind ?? ''))) continue;
    const kind = typeof site.kind === 'string' ? site.kind : site.kind(path, facts);
    if (!kind) return [];
    return nameItems(env, facts, index, kind, site.namespace?.(path, facts) ?? facts.namespace);
  }
  for (const site of KEY_SITES) {
    if (endsWith(path, site.pattern)) return keyItems(env, facts, index, site.kind, stringAt(facts.value, site.name(path)));
  }
  if (endsWith(path, ['service', 'port', 'number']) || endsWith(path, ['service', 'port', 'name'])) return servicePortItems(env, facts, index, path);
  if (facts.kind === 'Service' && endsWith(path, ['spec', 'ports', '#', 'targetPort'])) return targetPortItems(env, facts, index);
  return [];
}
