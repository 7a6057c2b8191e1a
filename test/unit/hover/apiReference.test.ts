import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeReferenceUrl, kebabKind, kubernetesReferenceUrl } from '../../../server/src/hover/apiReference';

const K8S = 'https://kubernetes.io/docs/reference/kubernetes-api/';

const pages: Array<[string, string, string]> = [
  ['apps/v1', 'Deployment', 'workload-resources/deployment-v1/'],
  ['batch/v1', 'CronJob', 'workload-resources/cron-job-v1/'],
  ['v1', 'Pod', 'workload-resources/pod-v1/'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', 'workload-resources/horizontal-pod-autoscaler-v2/'],
  ['v1', 'Service', 'service-resources/service-v1/'],
  ['v1', 'Endpoints', 'service-resources/endpoints-v1/'],
  ['networking.k8s.io/v1', 'Ingress', 'service-resources/ingress-v1/'],
  ['discovery.k8s.io/v1', 'EndpointSlice', 'service-resources/endpoint-slice-v1/'],
  ['v1', 'ConfigMap', 'config-and-storage-resources/config-map-v1/'],
  ['v1', 'Secret', 'config-and-storage-resources/secret-v1/'],
  ['v1', 'PersistentVolumeClaim', 'config-and-storage-resources/persistent-volume-claim-v1/'],
  ['storage.k8s.io/v1', 'CSIDriver', 'config-and-storage-resources/csi-driver-v1/'],
  ['v1', 'ServiceAccount', 'authentication-resources/service-account-v1/'],
  ['certificates.k8s.io/v1', 'CertificateSigningRequest', 'authentication-resources/certificate-signing-request-v1/'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'authorization-resources/cluster-role-binding-v1/'],
  ['policy/v1', 'PodDisruptionBudget', 'policy-resources/pod-disruption-budget-v1/'],
  ['networking.k8s.io/v1', 'NetworkPolicy', 'policy-resources/network-policy-v1/'],
  ['v1', 'ResourceQuota', 'policy-resources/resource-quota-v1/'],
  ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'extend-resources/custom-resource-definition-v1/'],
  ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'extend-resources/validating-webhook-configuration-v1/'],
  ['v1', 'Namespace', 'cluster-resources/namespace-v1/'],
  ['apiregistration.k8s.io/v1', 'APIService', 'cluster-resources/api-service-v1/'],
  ['networking.k8s.io/v1', 'IPAddress', 'cluster-resources/ip-address-v1/'],
];

for (const [apiVersion, kind, page] of pages) {
  test(`API reference page of ${apiVersion} ${kind}`, () => assert.equal(kubernetesReferenceUrl(apiVersion, kind), K8S + page));
}

test('kind names become page names as the reference writes them', () => {
  assert.deepEqual(['ServiceCIDR', 'CSIStorageCapacity', 'Pod'].map(kebabKind), ['service-cidr', 'csi-storage-capacity', 'pod']);
});

const COMPOSE = 'https://docs.docker.com/reference/compose-file/';
const composePages: Array<[Array<string | number>, string | undefined]> = [
  [['services'], 'services/'],
  [['services', 'web'], 'services/'],
  [['services', 'web', 'depends_on'], 'services/#depends_on'],
  [['services', 'web', 'ports', 0, 'target'], 'services/#ports'],
  [['networks', 'front', 'driver'], 'networks/#driver'],
  [['volumes', 'data', 'external'], 'volumes/#external'],
  [['configs', 'app', 'file'], 'configs/#file'],
  [['secrets', 'token', 'environment'], 'secrets/#environment'],
  [['include', 0], 'include/'],
  [['name'], 'version-and-name/'],
  [['x-common'], undefined],
];

for (const [path, page] of composePages) {
  test(`Compose specification section of ${path.join('.')}`, () => assert.equal(composeReferenceUrl(path), page && COMPOSE + page));
}
