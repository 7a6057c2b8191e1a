import type { ManifestFile } from '../documents/manifestFile';

const KUSTOMIZATION_NAME = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

export function isKustomizationFile(uri: string): boolean {
  return KUSTOMIZATION_NAME.test(uri.replace(/[?#].*$/, ''));
}

/** A kustomization's `namespace:` and the resources it applies to (file URIs, or folder URIs ending in '/'). */
export interface NamespaceScope {
  namespace: string;
  targets: string[];
}

/**
 * Reads the `namespace:` of a kustomization file: kustomize sets it on every namespaced
 * resource it lists (crossref-rules §2.2). Remote resources are ignored.
 */
export function kustomizationScope(file: ManifestFile): NamespaceScope | undefined {
  if (!isKustomizationFile(file.uri)) return undefined;
  const value = file.docs[0]?.value as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object' || typeof value.namespace !== 'string' || !value.namespace) return undefined;
  const base = file.uri.slice(0, file.uri.lastIndexOf('/') + 1);
  const targets: string[] = [];
  for (const entry of Array.isArray(value.resources) ? value.resources : []) {
    if (typeof entry !== 'string' || /^[a-z]+:\/\//i.test(entry) || entry.startsWith('github.com/')) continue;
    const resolved = new URL(entry, base).href;
    targets.push(/\.ya?ml$/i.test(entry) ? resolved : resolved.replace(/\/?$/, '/'));
  }
  return { namespace: value.namespace, targets };
}

/** The namespace kustomize would give a file, from the scopes of the kustomizations indexed so far. */
export function namespaceFor(uri: string, scopes: Iterable<NamespaceScope>): string | undefined {
  for (const scope of scopes) {
    if (scope.targets.some((t) => (t.endsWith('/') ? uri.startsWith(t) : uri === t))) return scope.namespace;
  }
  return undefined;
}
