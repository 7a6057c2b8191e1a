import type { PathSegment } from '../../documents/yamlPath';
import { equalitySelectorMatches, readLabels, readSelector, selectorMatches, type Labels } from '../labelSelector';
import { CLUSTER_SCOPED } from '../namespaces';
import { isRecord, type K8sObject } from './k8sObject';
import { podObjectReferences } from './podReferences';
import { list } from './containers';

/** A by-name reference from an object to another object, for navigation and rename. */
export interface OutgoingReference {
  kind: string;
  name: string;
  /** Path of the name scalar, relative to the source object. */
  path: PathSegment[];
  /** Namespace the target is looked up in (undefined: the contextual one). */
  namespace: string | undefined;
}

/** A selector of an object and how it selects pod templates. */
export interface SelectorSite {
  path: PathSegment[];
  matches(labels: Labels): boolean;
}

function at(value: unknown, path: PathSegment[]): unknown {
  let node = value;
  for (const segment of path) node = isRecord(node) ? node[segment as string] : Array.isArray(node) ? node[segment as number] : undefined;
  return node;
}

function push(out: OutgoingReference[], kind: string, name: unknown, path: PathSegment[], namespace: string | undefined): void {
  if (typeof name === 'string' && name !== '') out.push({ kind, name, path, namespace: CLUSTER_SCOPED.has(kind) ? undefined : namespace });
}

/** Every by-name reference an object makes (pod specs, Ingress backends, HPA targets, RBAC, storage). */
export function outgoingReferences(object: K8sObject): OutgoingReference[] {
  const out: OutgoingReference[] = [];
  const ns = object.namespace;
  const v = object.value;
  for (const template of object.podTemplates) {
    for (const ref of podObjectReferences(template)) push(out, ref.kind, ref.name, ref.namePath, ns);
    const spec: PathSegment[] = [...template.path, 'spec'];
    push(out, 'ServiceAccount', template.spec.serviceAccountName, [...spec, 'serviceAccountName'], ns);
    push(out, 'PriorityClass', template.spec.priorityClassName, [...spec, 'priorityClassName'], ns);
    list(template.spec.imagePullSecrets).forEach((s, i) => push(out, 'Secret', isRecord(s) ? s.name : undefined, [...spec, 'imagePullSecrets', i, 'name'], ns));
    list(template.spec.volumes).forEach((volume, i) => {
      const claim = isRecord(volume) && isRecord(volume.persistentVolumeClaim) ? volume.persistentVolumeClaim.claimName : undefined;
      push(out, 'PersistentVolumeClaim', claim, [...spec, 'volumes', i, 'persistentVolumeClaim', 'claimName'], ns);
    });
  }
  switch (object.kind) {
    case 'Ingress': {
      push(out, 'Service', at(v, ['spec', 'defaultBackend', 'service', 'name']), ['spec', 'defaultBackend', 'service', 'name'], ns);
      push(out, 'Service', at(v, ['spec', 'backend', 'serviceName']), ['spec', 'backend', 'serviceName'], ns);
      list(at(v, ['spec', 'rules'])).forEach((rule, r) => {
        list(at(rule, ['http', 'paths'])).forEach((p, i) => {
          const base: PathSegment[] = ['spec', 'rules', r, 'http', 'paths', i, 'backend'];
          push(out, 'Service', at(p, ['backend', 'service', 'name']), [...base, 'service', 'name'], ns);
          push(out, 'Service', at(p, ['backend', 'serviceName']), [...base, 'serviceName'], ns);
        });
      });
      list(at(v, ['spec', 'tls'])).forEach((tls, i) => push(out, 'Secret', at(tls, ['secretName']), ['spec', 'tls', i, 'secretName'], ns));
      break;
    }
    case 'HorizontalPodAutoscaler': {
      const kind = at(v, ['spec', 'scaleTargetRef', 'kind']);
      if (typeof kind === 'string') push(out, kind, at(v, ['spec', 'scaleTargetRef', 'name']), ['spec', 'scaleTargetRef', 'name'], ns);
      break;
    }
    case 'StatefulSet':
      push(out, 'Service', at(v, ['spec', 'serviceName']), ['spec', 'serviceName'], ns);
      break;
    case 'RoleBinding':
    case 'ClusterRoleBinding': {
      const kind = at(v, ['roleRef', 'kind']);
      if (typeof kind === 'string') push(out, kind, at(v, ['roleRef', 'name']), ['roleRef', 'name'], ns);
      list(v.subjects).forEach((s, i) => {
        if (!isRecord(s) || s.kind !== 'ServiceAccount') return;
        push(out, 'ServiceAccount', s.name, ['subjects', i, 'name'], typeof s.namespace === 'string' ? s.namespace : ns);
      });
      break;
    }
    case 'PersistentVolumeClaim':
      push(out, 'StorageClass', at(v, ['spec', 'storageClassName']), ['spec', 'storageClassName'], ns);
      push(out, 'PersistentVolume', at(v, ['spec', 'volumeName']), ['spec', 'volumeName'], ns);
      break;
  }
  return out;
}

const LABEL_SELECTOR_PATHS: Record<string, PathSegment[]> = {
  Deployment: ['spec', 'selector'],
  ReplicaSet: ['spec', 'selector'],
  StatefulSet: ['spec', 'selector'],
  DaemonSet: ['spec', 'selector'],
  NetworkPolicy: ['spec', 'podSelector'],
  PodDisruptionBudget: ['spec', 'selector'],
};

/** The pod selector of an object, if it has one (Services: equality only). */
export function selectorSite(object: K8sObject): SelectorSite | undefined {
  if (object.kind === 'Service') {
    const spec = object.value.spec;
    if (!isRecord(spec) || spec.type === 'ExternalName' || !isRecord(spec.selector)) return undefined;
    const selector = readLabels(spec.selector);
    if (Object.keys(selector).length === 0) return undefined;
    return { path: ['spec', 'selector'], matches: (labels) => equalitySelectorMatches(selector, labels) };
  }
  const path = LABEL_SELECTOR_PATHS[object.kind];
  if (!path) return undefined;
  const selector = readSelector(at(object.value, path));
  return selector ? { path, matches: (labels) => selectorMatches(selector, labels) } : undefined;
}
