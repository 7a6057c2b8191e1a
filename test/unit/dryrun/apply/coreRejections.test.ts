import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../../../server/src/dryrun/kobject';
import { apply, at, lines, yaml } from './applyHelpers';

/** Applies `first` (everything must succeed) then `second`; compares kubectl's lines for the second apply. */
function check(first: string | KObject[] | undefined, second: string, expected: string[]): KObject[] {
  let live: KObject[] = [];
  if (typeof first === 'string') {
    const result = apply(first);
    assert.ok(result.applied.every((a) => a.plan.action === 'created'), lines(result).join('\n'));
    live = result.state;
  } else if (first) live = first;
  const result = apply(second, live);
  assert.deepEqual(lines(result), expected);
  return result.state;
}

const service = (spec: string) => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec: {selector: {app: web}, ports: [{port: 80}], ${spec}}
`;

test('§2 Service: the cluster IP may not change once set; omitting it keeps it', () => {
  check(service('clusterIP: 10.96.5.5'), service('clusterIP: 10.96.0.99'), ['The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set']);
  check(service('clusterIP: 10.96.5.5'), service('clusterIP: None'), ['The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set']);
  const state = check(service('clusterIP: 10.96.5.5'), service('type: NodePort'), ['service/web configured']);
  assert.equal(at(state[0], 'spec.clusterIP'), '10.96.5.5');
  check(undefined, service('type: ClusterIP, clusterIP: 10.96.0.10'), ['The Service "web" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated']);
  check(undefined, service('ports: [{port: 80, nodePort: 30080}]'), ["The Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
  check(undefined, service('type: NodePort, ports: [{port: 80, nodePort: 8080}]'), ['The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767']);
  const other = service('type: NodePort, ports: [{port: 80, nodePort: 30080}]').replace('name: web', 'name: other');
  check(other, service('type: NodePort, ports: [{port: 80, nodePort: 30080}]'), ['The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated']);
});

const storageClass = (name: string, expandable: boolean) => yaml`
  apiVersion: storage.k8s.io/v1
  kind: StorageClass
  metadata: {name: ${name}, annotations: {storageclass.kubernetes.io/is-default-class: "true"}}
  provisioner: example.com/disk
  allowVolumeExpansion: ${expandable}
`;
const claim = (storage: string, extra = '') => yaml`
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: data}
  spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: ${storage}}}${extra}}
`;
const RESIZE_FORBIDDEN = [
  'Error from server (Forbidden): error when applying patch:',
  '{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"PersistentVolumeClaim\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"data\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"accessModes\\":[\\"ReadWriteOnce\\"],\\"resources\\":{\\"requests\\":{\\"storage\\":\\"20Gi\\"}}}}\\n"}},"spec":{"resources":{"requests":{"storage":"20Gi"}}}}',
  'to:',
  'Resource: "/v1, Resource=persistentvolumeclaims", GroupVersionKind: "/v1, Kind=PersistentVolumeClaim"',
  'Name: "data", Namespace: "default"',
  'for: "all.yaml": error when patching "all.yaml": persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
].join('\n');

test('§2 PersistentVolumeClaim: growth needs an expandable class, shrinking and other spec edits are refused', () => {
  const fixed = apply([storageClass('standard', false), claim('10Gi')].join('---\n'));
  assert.equal(at(fixed.state[1], 'spec.storageClassName'), 'standard', 'DefaultStorageClass admission');
  check(fixed.state, claim('20Gi'), [RESIZE_FORBIDDEN]);
  const expandable = apply([storageClass('fast', true), claim('10Gi')].join('---\n')).state;
  check(expandable, claim('20Gi'), ['persistentvolumeclaim/data configured']);
  check(expandable, claim('5Gi'), ['The PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity']);
  check(expandable, claim('10240Mi'), ['persistentvolumeclaim/data configured']);
  const edited = apply(claim('10Gi', ', volumeMode: Block'), expandable);
  assert.match(lines(edited)[0]!, /^The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources\.requests and volumeAttributesClassName for bound claims\n/);
  const pending = expandable.map((o) => (o.kind === 'PersistentVolumeClaim' ? { ...o, status: { phase: 'Pending' } } : o));
  assert.match(lines(apply(claim('20Gi'), pending))[0]!, /^The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation/);
  assert.deepEqual(lines(apply(claim('5Gi'), expandable, { k8sVersion: '1.31' })), ['The PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than previous value']);
});

test('§2 ConfigMap and Secret: immutable data, the immutable flag, and the Secret type', () => {
  const configMap = (value: string, immutable = 'true') => yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    immutable: ${immutable}
    data: {mode: ${value}}
  `;
  check(configMap('a'), configMap('b'), ['The ConfigMap "settings" is invalid: data: Forbidden: field is immutable when `immutable` is set']);
  check(configMap('a'), configMap('a', 'false'), ['The ConfigMap "settings" is invalid: immutable: Forbidden: field is immutable when `immutable` is set']);
  check(configMap('a', 'false'), configMap('b', 'false'), ['configmap/settings configured']);
  const secret = (type: string, data: string, immutable = 'false') => yaml`
    apiVersion: v1
    kind: Secret
    metadata: {name: creds}
    type: ${type}
    immutable: ${immutable}
    data: ${data}
  `;
  check(secret('Opaque', '{a: YQ==}'), secret('kubernetes.io/basic-auth', '{a: YQ==}'), ['The Secret "creds" is invalid: type: Invalid value: "kubernetes.io/basic-auth": field is immutable']);
  check(secret('Opaque', '{a: YQ==}', 'true'), secret('Opaque', '{a: Yg==}', 'true'), ['The Secret "creds" is invalid: data: Forbidden: field is immutable when `immutable` is set']);
  check(undefined, secret('kubernetes.io/tls', '{tls.crt: YQ==}'), ['The Secret "creds" is invalid: data[tls.key]: Required value']);
  const stored = check(undefined, secret('Opaque', '{}').replace('data: {}', 'stringData: {user: admin}'), ['secret/creds created']);
  assert.deepEqual(at(stored[0], 'data'), { user: 'YWRtaW4=' });
  assert.equal(at(stored[0], 'stringData'), undefined);
});

const job = (image: string, extra = '') => yaml`
  apiVersion: batch/v1
  kind: Job
  metadata: {name: migrate}
  spec:
    ${extra}
    template:
      spec:
        restartPolicy: Never
        containers: [{name: migrate, image: ${image}}]
`;

test('K27: Job template is immutable, parallelism is not, re-applying is unchanged', () => {
  const created = apply(job('migrate:1'));
  const stored = created.state[0]!;
  const uid = at(stored, 'metadata.uid');
  assert.deepEqual(at(stored, 'spec.selector'), { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
  assert.deepEqual(at(stored, 'spec.template.metadata.labels'), { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'migrate', 'controller-uid': uid, 'job-name': 'migrate' });
  check(created.state, job('migrate:1'), ['job.batch/migrate unchanged']);
  check(created.state, job('migrate:2'), ['The Job "migrate" is invalid: spec.template: Invalid value: {…}: field is immutable']);
  check(created.state, job('migrate:1', 'parallelism: 3'), ['job.batch/migrate configured']);
  check(created.state, job('migrate:1', 'completions: 3'), ['The Job "migrate" is invalid: spec.completions: Invalid value: 3: field is immutable']);
  const suspended = apply(job('migrate:1', 'suspend: true')).state;
  check(suspended, job('migrate:1', 'suspend: true').replace('restartPolicy: Never', 'restartPolicy: Never\n      nodeSelector: {disk: ssd}'), ['job.batch/migrate configured']);
  check(undefined, job('migrate:1').replace('restartPolicy: Never', 'restartPolicy: Always'), ['The Job "migrate" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"']);
});

const cronJob = (name: string, image: string) => yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata: {name: ${name}}
  spec:
    schedule: "0 3 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers: [{name: job, image: ${image}}]
`;

test('K27: CronJob jobTemplate is mutable; names stop at 52 characters', () => {
  check(cronJob('nightly', 'busybox:1'), cronJob('nightly', 'busybox:2'), ['cronjob.batch/nightly configured']);
  const long = 'n'.repeat(53);
  check(undefined, cronJob(long, 'busybox:1'), [`The CronJob "${long}" is invalid: metadata.name: Invalid value: "${long}": must be no more than 52 characters`]);
  check(undefined, cronJob('n'.repeat(52), 'busybox:1'), [`cronjob.batch/${'n'.repeat(52)} created`]);
});
