import type { KnownObjects } from './ruleContext';

// Objects every cluster has (crossref-rules §2.4): they satisfy references without being in the workspace.
const BUILT_IN: Record<string, (name: string) => boolean> = {
  ServiceAccount: (name) => name === 'default' || name === '',
  ClusterRole: (name) => ['cluster-admin', 'admin', 'edit', 'view'].includes(name) || name.startsWith('system:'),
  ClusterRoleBinding: (name) => name.startsWith('system:'),
  // Bootstrap Roles in kube-system (API server aggregation reads its client CA through this one).
  Role: (name) => name === 'extension-apiserver-authentication-reader' || name.startsWith('system:'),
  PriorityClass: (name) => name === 'system-cluster-critical' || name === 'system-node-critical',
  Namespace: (name) => ['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(name),
  ConfigMap: (name) => name === 'kube-root-ca.crt',
};

/**
 * Built-in objects plus the user's `shipshape.crossref.knownObjects` entries, written
 * `Kind/name` (any namespace) or `Kind/namespace/name` (e.g. `Secret/prod/tls-cert`).
 */
export function knownObjects(declared: readonly string[]): KnownObjects {
  const anyNamespace = new Set<string>();
  const inNamespace = new Set<string>();
  for (const entry of declared) {
    const parts = entry.split('/');
    if (parts.length === 2) anyNamespace.add(`${parts[0]}/${parts[1]}`);
    else if (parts.length === 3) inNamespace.add(entry);
  }
  return {
    has(kind, name, namespace) {
      if (BUILT_IN[kind]?.(name)) return true;
      if (anyNamespace.has(`${kind}/${name}`)) return true;
      return inNamespace.has(`${kind}/${namespace ?? 'default'}/${name}`);
    },
  };
}
