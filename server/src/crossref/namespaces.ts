/**
 * How two objects' namespaces relate. `undefined` is the contextual namespace of a manifest that
 * sets none (decided at apply time by `kubectl -n` or the Helm release): it matches another
 * contextual one and, by default, an explicit `default` (kube-linter#140); against another
 * explicit namespace it only "may" differ, so findings built on it are downgraded to Hints.
 */
export type NamespaceRelation = 'same' | 'maybe' | 'different';

export function namespaceRelation(a: string | undefined, b: string | undefined, defaultNamespace = 'default'): NamespaceRelation {
  if (a === b) return 'same';
  if (a === undefined) return b === defaultNamespace ? 'same' : 'maybe';
  if (b === undefined) return a === defaultNamespace ? 'same' : 'maybe';
  return 'different';
}

/** Kinds whose objects have no namespace (built-in cluster-scoped kinds and well-known CRDs). */
export const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'IngressClass', 'PriorityClass', 'RuntimeClass',
  'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding', 'APIService', 'CSIDriver', 'CSINode',
  'VolumeAttachment', 'ClusterIssuer', 'PodSecurityPolicy', 'FlowSchema', 'PriorityLevelConfiguration',
  'CertificateSigningRequest', 'DeviceClass', 'StorageVersionMigration',
]);
