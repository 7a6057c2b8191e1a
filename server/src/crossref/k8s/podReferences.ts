import type { PathSegment } from '../../documents/yamlPath';
import { isRecord, type PodTemplate } from './k8sObject';
import { CONTAINER_LISTS, list } from './containers';

/** A reference from a pod spec to a ConfigMap or Secret (or a key of one). */
export interface PodObjectReference {
  kind: 'ConfigMap' | 'Secret';
  name: unknown;
  /** Path of the name, relative to the object. */
  namePath: PathSegment[];
  key?: { value: unknown; path: PathSegment[] };
  optional: boolean;
}

/** Every ConfigMap/Secret reference of a pod template: env, envFrom, volumes, projected volumes. */
export function podObjectReferences(template: PodTemplate): PodObjectReference[] {
  const out: PodObjectReference[] = [];
  const spec = template.spec;
  const base: PathSegment[] = [...template.path, 'spec'];
  for (const listName of CONTAINER_LISTS) {
    list(spec[listName]).forEach((container, c) => {
      if (!isRecord(container)) return;
      const at: PathSegment[] = [...base, listName, c];
      list(container.env).forEach((env, e) => {
        if (!isRecord(env) || !isRecord(env.valueFrom)) return;
        for (const [field, kind] of [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const) {
          const ref = env.valueFrom[field];
          if (!isRecord(ref)) continue;
          const p: PathSegment[] = [...at, 'env', e, 'valueFrom', field];
          out.push({ kind, name: ref.name, namePath: [...p, 'name'], key: { value: ref.key, path: [...p, 'key'] }, optional: ref.optional === true });
        }
      });
      list(container.envFrom).forEach((source, e) => {
        if (!isRecord(source)) return;
        for (const [field, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const) {
          const ref = source[field];
          if (!isRecord(ref)) continue;
          out.push({ kind, name: ref.name, namePath: [...at, 'envFrom', e, field, 'name'], optional: ref.optional === true });
        }
      });
    });
  }
  list(spec.volumes).forEach((volume, v) => {
    if (!isRecord(volume)) return;
    const at: PathSegment[] = [...base, 'volumes', v];
    if (isRecord(volume.configMap)) out.push(...volumeSource('ConfigMap', volume.configMap, 'name', [...at, 'configMap']));
    if (isRecord(volume.secret)) out.push(...volumeSource('Secret', volume.secret, 'secretName', [...at, 'secret']));
    if (isRecord(volume.projected)) {
      list(volume.projected.sources).forEach((source, s) => {
        if (!isRecord(source)) return;
        const p: PathSegment[] = [...at, 'projected', 'sources', s];
        if (isRecord(source.configMap)) out.push(...volumeSource('ConfigMap', source.configMap, 'name', [...p, 'configMap']));
        if (isRecord(source.secret)) out.push(...volumeSource('Secret', source.secret, 'name', [...p, 'secret']));
      });
    }
  });
  return out;
}

function volumeSource(kind: 'ConfigMap' | 'Secret', source: Record<string, unknown>, nameField: string, at: PathSegment[]): PodObjectReference[] {
  const optional = source.optional === true;
  const out: PodObjectReference[] = [];
  const items = list(source.items);
  if (items.length === 0) return [{ kind, name: source[nameField], namePath: [...at, nameField], optional }];
  items.forEach((item, i) => {
    if (!isRecord(item)) return;
    out.push({ kind, name: source[nameField], namePath: [...at, nameField], key: { value: item.key, path: [...at, 'items', i, 'key'] }, optional });
  });
  return out;
}
