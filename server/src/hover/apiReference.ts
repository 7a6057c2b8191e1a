/**
 * Links to the Kubernetes API reference and to the Compose specification.
 *
 * The section tables mirror the page layout of https://kubernetes.io/docs/reference/kubernetes-api/
 * (one folder per resource category, one page per kind and version: `workload-resources/deployment-v1/`).
 * A group maps to its category; the few groups split across categories name their kinds.
 */

const REFERENCE = 'https://kubernetes.io/docs/reference/kubernetes-api/';

const GROUP_SECTIONS: Record<string, string> = {
  apps: 'workload-resources',
  batch: 'workload-resources',
  autoscaling: 'workload-resources',
  'scheduling.k8s.io': 'workload-resources',
  'resource.k8s.io': 'workload-resources',
  'discovery.k8s.io': 'service-resources',
  'storage.k8s.io': 'config-and-storage-resources',
  'storagemigration.k8s.io': 'config-and-storage-resources',
  'authentication.k8s.io': 'authentication-resources',
  'certificates.k8s.io': 'authentication-resources',
  'authorization.k8s.io': 'authorization-resources',
  'rbac.authorization.k8s.io': 'authorization-resources',
  policy: 'policy-resources',
  'flowcontrol.apiserver.k8s.io': 'policy-resources',
  'admissionregistration.k8s.io': 'policy-resources',
  'apiextensions.k8s.io': 'extend-resources',
};

// Core kinds, and kinds whose page sits outside their group's category.
const KIND_SECTIONS: Record<string, string> = {
  Pod: 'workload-resources',
  PodTemplate: 'workload-resources',
  ReplicationController: 'workload-resources',
  Binding: 'workload-resources',
  Service: 'service-resources',
  Endpoints: 'service-resources',
  Ingress: 'service-resources',
  IngressClass: 'service-resources',
  ConfigMap: 'config-and-storage-resources',
  Secret: 'config-and-storage-resources',
  PersistentVolume: 'config-and-storage-resources',
  PersistentVolumeClaim: 'config-and-storage-resources',
  ServiceAccount: 'authentication-resources',
  LimitRange: 'policy-resources',
  ResourceQuota: 'policy-resources',
  NetworkPolicy: 'policy-resources',
  MutatingWebhookConfiguration: 'extend-resources',
  ValidatingWebhookConfiguration: 'extend-resources',
  DeviceClass: 'extend-resources',
};

/** `PersistentVolumeClaim` → `persistent-volume-claim`, `APIService` → `api-service`, as the page names are. */
export function kebabKind(kind: string): string {
  return kind
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** The reference page of a built-in kind at an apiVersion (`apps/v1`, `v1`, `batch/v1`). */
export function kubernetesReferenceUrl(apiVersion: string, kind: string): string {
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const section = KIND_SECTIONS[kind] ?? GROUP_SECTIONS[group] ?? 'cluster-resources';
  return `${REFERENCE}${section}/${kebabKind(kind)}-${version}/`;
}

const COMPOSE_REFERENCE = 'https://docs.docker.com/reference/compose-file/';
/** Top-level Compose keys and the page of the specification that describes them. */
const COMPOSE_PAGES: Record<string, string> = {
  services: 'services/',
  networks: 'networks/',
  volumes: 'volumes/',
  configs: 'configs/',
  secrets: 'secrets/',
  models: 'models/',
  include: 'include/',
  name: 'version-and-name/',
  version: 'version-and-name/',
};

/**
 * The section of the Compose specification for a path: `services.web.ports.0` → services/#ports.
 * Keys deeper than an element's own attribute link to that attribute (its page section holds them).
 */
export function composeReferenceUrl(path: readonly (string | number)[]): string | undefined {
  const top = path[0];
  if (typeof top !== 'string') return undefined;
  const page = COMPOSE_PAGES[top];
  if (!page) return undefined;
  const named = ['services', 'networks', 'volumes', 'configs', 'secrets', 'models'].includes(top);
  const attribute = named ? path[2] : undefined;
  return typeof attribute === 'string' ? `${COMPOSE_REFERENCE}${page}#${attribute.toLowerCase()}` : `${COMPOSE_REFERENCE}${page}`;
}
