import type { PathSegment } from '../../documents/yamlPath';
import { namespaceRelation } from '../namespaces';
import { groupOf, isRecord, type K8sObject } from './k8sObject';
import { resolveReference } from './references';
import type { RuleContext, RuleFinding } from './ruleContext';

/** What an autoscaler points at: `scaleTargetRef` (HPA, KEDA ScaledObject) or `targetRef` (VPA). */
export interface ScaleTarget {
  /** Undefined when the reference gives no apiVersion (then any group is accepted). */
  group: string | undefined;
  kind: string;
  name: unknown;
  /** Path of the reference object, relative to the autoscaler. */
  path: PathSegment[];
}

export const AUTOSCALER_KINDS = ['HorizontalPodAutoscaler', 'ScaledObject'] as const;

/** Built-in kinds with a `/scale` subresource (plus well-known CRDs that have one). */
export const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController', 'DeploymentConfig', 'Rollout']);

/** Built-in kinds without `/scale` (by API group): the HPA controller answers FailedGetScale. */
const UNSCALABLE: Record<string, string[]> = {
  DaemonSet: ['apps', 'extensions'],
  Job: ['batch'],
  CronJob: ['batch'],
  Pod: [''],
  PodTemplate: [''],
  Service: [''],
  ConfigMap: [''],
  Secret: [''],
  ServiceAccount: [''],
  PersistentVolumeClaim: [''],
  Ingress: ['networking.k8s.io', 'extensions'],
};

export function unscalable(target: ScaleTarget): boolean {
  const groups = UNSCALABLE[target.kind];
  return !!groups && (target.group === undefined || groups.includes(target.group));
}

/** Kinds every cluster serves: a miss on them is checked even when the workspace has none (CRD kinds are not). */
export const BUILT_IN_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController', ...Object.keys(UNSCALABLE)]);

// The same resource has been served from more than one group (extensions/v1beta1 → apps/v1).
const GROUP_ALIASES: Record<string, string> = { extensions: 'apps' };

export function groupsMatch(a: string | undefined, b: string): boolean {
  return a === undefined || (GROUP_ALIASES[a] ?? a) === (GROUP_ALIASES[b] ?? b);
}

export function scaleTargetOf(object: K8sObject): ScaleTarget | undefined {
  const spec = object.value.spec;
  if (!isRecord(spec)) return undefined;
  const field = object.kind === 'VerticalPodAutoscaler' ? 'targetRef' : object.kind === 'HorizontalPodAutoscaler' || object.kind === 'ScaledObject' ? 'scaleTargetRef' : undefined;
  const ref = field ? spec[field] : undefined;
  if (!field || !isRecord(ref)) return undefined;
  // KEDA defaults the target to an apps/v1 Deployment.
  const keda = object.kind === 'ScaledObject';
  const apiVersion = typeof ref.apiVersion === 'string' && ref.apiVersion !== '' ? ref.apiVersion : keda ? 'apps/v1' : undefined;
  const kind = typeof ref.kind === 'string' ? ref.kind : keda ? 'Deployment' : '';
  if (!kind) return undefined;
  return { group: apiVersion === undefined ? undefined : groupOf(apiVersion), kind, name: ref.name, path: ['spec', field] };
}

/** Whether an autoscaler's target is this workload: the controller resolves by group + kind + name, any version. */
export function targets(autoscaler: K8sObject, workload: K8sObject): boolean {
  const target = scaleTargetOf(autoscaler);
  return (
    !!target &&
    target.kind === workload.kind &&
    target.name === workload.name &&
    groupsMatch(target.group, workload.group) &&
    namespaceRelation(autoscaler.namespace, workload.namespace) === 'same'
  );
}

/** HPAs and KEDA ScaledObjects that scale the workload. */
export function autoscalersOf(ctx: RuleContext, workload: K8sObject): K8sObject[] {
  return autoscalersByTarget(ctx, workload.kind, workload.name).filter((a) => targets(a, workload));
}

/** Autoscalers whose target has this kind and name (any group, any namespace), from a shared table. */
export function autoscalersByTarget(ctx: RuleContext, kind: string, name: unknown): K8sObject[] {
  const table = ctx.memo('autoscalers-by-target', AUTOSCALER_KINDS, () => {
    const map = new Map<string, K8sObject[]>();
    for (const k of AUTOSCALER_KINDS) {
      for (const autoscaler of ctx.ofKind(k)) {
        const target = scaleTargetOf(autoscaler);
        if (!target || typeof target.name !== 'string') continue;
        const key = `${target.kind}/${target.name}`;
        map.set(key, [...(map.get(key) ?? []), autoscaler]);
      }
    }
    return map;
  });
  return table.get(`${kind}/${String(name)}`) ?? [];
}

/** The fewest replicas an autoscaler keeps (HPA `minReplicas` defaults to 1, KEDA `minReplicaCount` to 0). */
export function minReplicasOf(autoscaler: K8sObject): number {
  const spec = isRecord(autoscaler.value.spec) ? autoscaler.value.spec : {};
  const value = autoscaler.kind === 'ScaledObject' ? spec.minReplicaCount : spec.minReplicas;
  return typeof value === 'number' ? value : autoscaler.kind === 'ScaledObject' ? 0 : 1;
}

/**
 * The finding for an autoscaler whose target does not resolve: by group + kind + name in its
 * namespace, any version (the controller's RESTMapping). A CRD kind the workspace never defines
 * is not checked: its objects come from elsewhere.
 */
export function scaleTargetFinding(ctx: RuleContext, object: K8sObject, target: ScaleTarget): RuleFinding | undefined {
  if (typeof target.name !== 'string' || target.name === '') return undefined;
  if (!BUILT_IN_KINDS.has(target.kind) && ctx.countOfKind(target.kind) === 0) return undefined;
  const path = [...target.path, 'name'];
  const resolution = resolveReference(ctx, object, { kind: target.kind, name: target.name, path }, 'warning', `scale target ${target.kind}`);
  if (resolution.status === 'finding') return resolution.finding;
  if (resolution.status !== 'found' || groupsMatch(target.group, resolution.target.group)) return undefined;
  const found = resolution.target;
  return {
    path: [...target.path, 'apiVersion'],
    message: `${target.kind} "${found.name}" is in API group "${found.group || 'core'}", but the reference names group "${target.group || 'core'}"; the controller resolves group + kind, so it will not find it.`,
    related: [{ object: found, path: ['apiVersion'], message: `${found.kind} "${found.name}" (${found.apiVersion})` }],
  };
}
