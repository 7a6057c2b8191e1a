import { checkHovers } from './hoverHelpers';

const object = (apiVersion: string, kind: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n`;
/** The cursor on the apiVersion's value (`$0` after its first character). */
const onApiVersion = (apiVersion: string, kind: string) => object(apiVersion, kind).replace(`apiVersion: ${apiVersion}`, `apiVersion: ${apiVersion[0]}$0${apiVersion.slice(1)}`);

checkHovers([
  {
    name: 'apiVersion value: served by every shipped version',
    text: onApiVersion('apps/v1', 'Deployment'),
    header: '`apiVersion`: `string`',
    contains: ['Served: in every shipped Kubernetes version (1.23–1.35)', 'APIVersion defines the versioned schema', '(https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/)'],
    lacks: ['Deprecated', 'Optional'],
    covers: 'apps/v1',
  },
  {
    name: 'apiVersion value removed within the shipped versions: when, and the replacement',
    text: onApiVersion('policy/v1beta1', 'PodDisruptionBudget'),
    contains: ['Served: in Kubernetes 1.23–1.24 (removed in 1.25) — not in 1.35, the configured version', 'Deprecated: use `policy/v1`.'],
  },
  {
    name: 'apiVersion value served by the configured version but removed later',
    text: onApiVersion('batch/v1beta1', 'CronJob'),
    version: '1.24',
    contains: ['Served: in Kubernetes 1.23–1.24 (removed in 1.25)', 'Deprecated: use `batch/v1`.'],
    lacks: ['configured version'],
  },
  {
    name: 'apiVersion value added within the shipped versions',
    text: onApiVersion('admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy'),
    version: '1.29',
    contains: ['Served: in Kubernetes 1.30–1.35 (added in 1.30) — not in 1.29, the configured version', 'policy-resources/validating-admission-policy-v1/'],
  },
  {
    name: 'apiVersion value removed before the oldest shipped version',
    text: onApiVersion('extensions/v1beta1', 'Deployment'),
    contains: ['`extensions/v1beta1` Deployment was removed in Kubernetes 1.16; use `apps/v1`.', '(https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/)'],
  },
  {
    name: 'a stable apiVersion with a newer one: not deprecated',
    text: onApiVersion('autoscaling/v1', 'HorizontalPodAutoscaler'),
    contains: ['Served: in every shipped Kubernetes version (1.23–1.35)', 'Newer version: `autoscaling/v2`.', 'workload-resources/horizontal-pod-autoscaler-v1/'],
    lacks: ['Deprecated'],
  },
  {
    name: 'the apiVersion key speaks of the same lifecycle',
    text: object('batch/v1', 'CronJob').replace('apiVersion:', 'apiVer$0sion:'),
    contains: ['Served: in every shipped Kubernetes version (1.23–1.35)', 'workload-resources/cron-job-v1/'],
  },
  {
    name: 'kind value: the kind’s own description',
    text: object('rbac.authorization.k8s.io/v1', 'Role').replace('kind: Role', 'kind: R$0ole'),
    header: '`kind`: `string`',
    contains: ['Served: in every shipped Kubernetes version', 'Role is a namespaced, logical grouping of PolicyRules', 'authorization-resources/role-v1/'],
    lacks: ['Kind is a string value representing the REST resource'],
    covers: 'Role',
  },
  {
    name: 'kind key: the kind field’s description',
    text: object('v1', 'ServiceAccount').replace('kind:', 'ki$0nd:'),
    contains: ['Kind is a string value representing the REST resource', 'authentication-resources/service-account-v1/'],
  },
  { name: 'a custom resource’s apiVersion: no hover', text: onApiVersion('example.com/v1', 'Widget'), none: true },
]);
