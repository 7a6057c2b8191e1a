import { isRecord } from '../documents/plainValues';
import { podTemplatePaths } from '../crossref/k8s/podTemplates';
import type { KObject } from './kobject';
import { namespaceOrDefault as namespaceOf } from './k8s/objectMeta';

/** A workload whose pod template reads a ConfigMap or Secret (env, envFrom, volumes, projected volumes). */
export interface ConfigConsumer {
  workload: KObject;
  /** The names of the ConfigMaps (or Secrets) it reads, by kind. */
  via: 'env' | 'volume';
}

type ConfigKind = 'ConfigMap' | 'Secret';

function containers(spec: Record<string, unknown>): Record<string, unknown>[] {
  const all = [spec.containers, spec.initContainers, spec.ephemeralContainers].flatMap((list) => (Array.isArray(list) ? list : []));
  return all.filter(isRecord);
}

function readsByEnv(spec: Record<string, unknown>, kind: ConfigKind, name: string): boolean {
  const refKey = kind === 'ConfigMap' ? 'configMapRef' : 'secretRef';
  const keyRefKey = kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
  return containers(spec).some((container) => {
    const fromEnvFrom = Array.isArray(container.envFrom) && container.envFrom.some((e) => isRecord(e) && isRecord(e[refKey]) && e[refKey].name === name);
    const fromEnv =
      Array.isArray(container.env) &&
      container.env.some((e) => isRecord(e) && isRecord(e.valueFrom) && isRecord(e.valueFrom[keyRefKey]) && e.valueFrom[keyRefKey].name === name);
    return fromEnvFrom || fromEnv;
  });
}

function readsByVolume(spec: Record<string, unknown>, kind: ConfigKind, name: string): boolean {
  const volumes = Array.isArray(spec.volumes) ? spec.volumes.filter(isRecord) : [];
  const direct = (source: Record<string, unknown>): boolean =>
    kind === 'ConfigMap' ? isRecord(source.configMap) && source.configMap.name === name : isRecord(source.secret) && source.secret.secretName === name;
  const projected = (source: Record<string, unknown>): boolean => {
    const sources = isRecord(source.projected) && Array.isArray(source.projected.sources) ? source.projected.sources : [];
    const key = kind === 'ConfigMap' ? 'configMap' : 'secret';
    return sources.some((s) => isRecord(s) && isRecord(s[key]) && s[key].name === name);
  };
  return volumes.some((v) => direct(v) || projected(v));
}

function templateSpec(workload: KObject): Record<string, unknown> | undefined {
  for (const path of podTemplatePaths(String(workload.kind))) {
    let node: unknown = workload;
    for (const segment of path) node = isRecord(node) ? node[segment as string] : undefined;
    if (isRecord(node) && isRecord(node.spec)) return node.spec;
  }
  return undefined;
}

/** The workloads (Deployments, StatefulSets, DaemonSets, …, never ReplicaSets they own) that read a ConfigMap or Secret. */
export function configConsumers(objects: readonly KObject[], kind: ConfigKind, name: string, namespace: string): ConfigConsumer[] {
  const out: ConfigConsumer[] = [];
  for (const workload of objects) {
    if (workload.kind === 'ReplicaSet' || workload.kind === 'Pod' || namespaceOf(workload) !== namespace) continue;
    const spec = templateSpec(workload);
    if (!spec) continue;
    if (readsByEnv(spec, kind, name)) out.push({ workload, via: 'env' });
    else if (readsByVolume(spec, kind, name)) out.push({ workload, via: 'volume' });
  }
  return out;
}
