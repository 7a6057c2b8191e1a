import type { PathSegment } from '../documents/yamlPath';
import type { K8sObject } from './k8s/k8sObject';
import { selectorSite, type OutgoingReference } from './k8s/outgoingReferences';
import { namespaceRelation } from './namespaces';
import type { PodSource } from './workspaceIndex';

/** What reference resolution reads of the index (WorkspaceIndex satisfies it). */
export interface TargetIndex {
  ofKind(kind: string): Iterable<K8sObject>;
  podSources(): Iterable<PodSource>;
}

/** The objects a name reference points at: same kind and name, in a namespace that may be the same. */
export function referenceTargets(index: TargetIndex, ref: OutgoingReference): K8sObject[] {
  return [...index.ofKind(ref.kind)].filter((o) => o.name === ref.name && (o.clusterScoped || namespaceRelation(ref.namespace, o.namespace) !== 'different'));
}

/** The pod templates a selector (Service, NetworkPolicy, PDB, workload…) selects, with the path of their labels. */
export function selectedTemplates(index: TargetIndex, selector: K8sObject): Array<{ object: K8sObject; path: PathSegment[] }> {
  const site = selectorSite(selector);
  if (!site) return [];
  const out: Array<{ object: K8sObject; path: PathSegment[] }> = [];
  for (const { object, template } of index.podSources()) {
    if (namespaceRelation(selector.namespace, object.namespace) === 'different') continue;
    if (site.matches(template.labels)) out.push({ object, path: [...template.path, 'metadata', 'labels'] });
  }
  return out;
}
