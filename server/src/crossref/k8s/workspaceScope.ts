import { namespaceRelation } from '../namespaces';
import type { K8sObject } from './k8sObject';
import type { RuleContext } from './ruleContext';

/**
 * Whether two indexed objects are one API object (same kind, name and namespace): a manifest
 * repeated in several files (an all-in-one bundle beside the split files) is applied once.
 */
export function sameObject(a: K8sObject, b: K8sObject): boolean {
  return a === b || (a.kind === b.kind && a.name === b.name && (a.clusterScoped || namespaceRelation(a.namespace, b.namespace) === 'same'));
}

/**
 * Whether the workspace holds any object of `kind` in `namespace`. A reference into a namespace
 * the workspace never defines objects of that kind in points at something managed elsewhere
 * (another team's namespace, a cluster add-on), so a miss there is only a Hint.
 */
export function kindPresentInNamespace(ctx: RuleContext, kind: string, namespace: string | undefined): boolean {
  return ctx.ofKind(kind).some((o) => o.clusterScoped || namespaceRelation(namespace, o.namespace) !== 'different');
}
