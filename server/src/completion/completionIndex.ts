import type { WorkspaceIndex } from '../crossref/workspaceIndex';
import { dependency } from '../crossref/workspaceIndex';
import type { K8sObject, PodTemplate } from '../crossref/k8s/k8sObject';
import { isRecord } from '../documents/plainValues';
import { readLabels, type Labels } from '../crossref/labelSelector';
import { selectorFields } from '../crossref/k8s/selectorFields';

/** A pod template with the object that carries it. */
export interface TemplateSource {
  object: K8sObject;
  template: PodTemplate;
}

/** The equality part of a selector written in the workspace: labels some pod template should carry. */
export interface SelectorSource {
  object: K8sObject;
  labels: Labels;
}

/** The read-only view of the workspace's Kubernetes objects that completion needs. */
export interface CompletionIndex {
  /** Objects of a kind, in any namespace. */
  objectsOfKind(kind: string): Iterable<K8sObject>;
  /** Every pod template of the workspace. */
  podTemplates(): Iterable<TemplateSource>;
  /** Every pod selector's `matchLabels` (or a Service's `selector`) of the workspace. */
  selectors(): readonly SelectorSource[];
}

// Kinds whose selectors pick pods (selectorFields reads them); a change to any re-derives the table.
const SELECTOR_KINDS = ['Service', 'ReplicationController', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'PodDisruptionBudget', 'NetworkPolicy'];

function selectorLabels(value: unknown, form: 'label' | 'map'): Labels {
  if (!isRecord(value)) return {};
  return readLabels(form === 'map' ? value : value.matchLabels);
}

/** Completion's view of the workspace index; the selector table is derived once per change of its kinds. */
export function completionIndexOf(index: WorkspaceIndex): CompletionIndex {
  return {
    objectsOfKind: (kind) => index.ofKind(kind),
    podTemplates: () => index.podSources(),
    selectors: () =>
      index.memo('completion:selectors', [...SELECTOR_KINDS, dependency.pods], () => {
        const out: SelectorSource[] = [];
        for (const kind of SELECTOR_KINDS) {
          for (const object of index.ofKind(kind)) {
            for (const field of selectorFields(object)) {
              const labels = selectorLabels(field.value, field.form);
              if (Object.keys(labels).length) out.push({ object, labels });
            }
          }
        }
        return out;
      }),
  };
}
