import { test } from 'node:test';
import { yaml } from '../helpers';
import { check, type Expect, type Setup } from './completionHelpers';

interface Case {
  name: string;
  input: string;
  expect: Expect;
  setup?: Setup;
}

const pod = (specLines: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${specLines}\n`;

const cases: Case[] = [
  {
    name: 'imagePullPolicy offers its enum',
    input: pod('  containers:\n    - name: app\n      imagePullPolicy: $0'),
    expect: { exactly: ['Always', 'IfNotPresent', 'Never'], detail: { Always: 'string' } },
  },
  {
    name: 'a half-typed enum value is replaced whole (the client filters)',
    input: pod('  containers:\n    - name: app\n      imagePullPolicy: If$0'),
    expect: { has: ['IfNotPresent'], accept: ['IfNotPresent', pod('  containers:\n    - name: app\n      imagePullPolicy: IfNotPresent')] },
  },
  {
    name: 'restartPolicy of a pod spec',
    input: pod('  restartPolicy: $0'),
    expect: { exactly: ['Always', 'Never', 'OnFailure'] },
  },
  {
    name: 'a port protocol, its default first',
    input: yaml`
      apiVersion: v1
      kind: Service
      spec:
        ports:
          - port: 80
            protocol: $0
    `,
    expect: { first: ['TCP'], has: ['UDP', 'SCTP'] },
  },
  {
    name: 'a Service type',
    input: yaml`
      apiVersion: v1
      kind: Service
      spec:
        type: $0
    `,
    expect: { exactly: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] },
  },
  {
    name: 'booleans',
    input: pod('  automountServiceAccountToken: $0'),
    expect: { exactly: ['false', 'true'], insert: { true: 'true' } },
  },
  {
    name: 'a value right after the colon gets its space',
    input: pod('  restartPolicy:$0'),
    expect: { insert: { Never: ' Never' } },
  },
  {
    name: 'a value written on the line below its key',
    input: pod('  restartPolicy:\n    $0'),
    expect: { exactly: ['Always', 'Never', 'OnFailure'], insert: { Never: 'Never' } },
  },
  {
    name: 'enum items of a list: `- ` item lines',
    input: yaml`
      apiVersion: v1
      kind: PersistentVolumeClaim
      spec:
        accessModes:
          - $0
    `,
    expect: { has: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'], insert: { ReadWriteOnce: 'ReadWriteOnce' } },
  },
  {
    name: 'enum items of a list from the line below the key insert their dash',
    input: yaml`
      apiVersion: v1
      kind: PersistentVolumeClaim
      spec:
        accessModes:
          $0
    `,
    expect: { has: ['ReadWriteOnce'], insert: { ReadWriteOnce: '- ReadWriteOnce' } },
  },
  {
    name: 'values inside a flow mapping',
    input: yaml`
      apiVersion: v1
      kind: Service
      spec:
        ports: [{port: 80, protocol: $0}]
    `,
    expect: { has: ['TCP', 'UDP'] },
  },
  {
    name: 'apiVersion for the kind written below, as the chosen version serves it',
    input: yaml`
      apiVersion: $0
      kind: Deployment
    `,
    expect: { exactly: ['apps/v1'] },
  },
  {
    name: 'apiVersion of a kind served in several versions: the stable, newest one first',
    input: 'apiVersion: $0\nkind: HorizontalPodAutoscaler\n',
    expect: { exactly: ['autoscaling/v2', 'autoscaling/v1'] },
  },
  {
    name: 'apiVersion only offers what the chosen version serves (1.23 still serves v1beta1 FlowSchemas)',
    input: 'apiVersion: $0\nkind: FlowSchema\n',
    expect: { exactly: ['flowcontrol.apiserver.k8s.io/v1beta2', 'flowcontrol.apiserver.k8s.io/v1beta1'] },
    setup: { version: '1.23' },
  },
  {
    name: 'apiVersion in 1.35 for the same kind',
    input: 'apiVersion: $0\nkind: FlowSchema\n',
    expect: { exactly: ['flowcontrol.apiserver.k8s.io/v1'] },
  },
  {
    name: 'apiVersion without a kind lists every served group/version',
    input: 'apiVersion: $0\n',
    expect: { has: ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1'], not: ['batch/v1beta1'] },
  },
  {
    name: 'kind for the apiVersion written above',
    input: 'apiVersion: batch/v1\nkind: $0\n',
    expect: { exactly: ['CronJob', 'Job'] },
  },
  {
    name: 'a half-typed kind without apiVersion also writes the apiVersion',
    input: 'kind: Dep$0',
    expect: { has: ['Deployment', 'DaemonSet'], accept: ['Deployment', 'apiVersion: apps/v1\nkind: Deployment'] },
  },
  {
    name: 'kinds removed from a version are not offered (CronJob batch/v1beta1 in 1.35)',
    input: 'apiVersion: batch/v1beta1\nkind: $0\n',
    expect: { has: ['CronJob', 'Job'], detail: { CronJob: 'batch/v1' } },
  },
  {
    name: 'no completion inside a comment',
    input: pod('  restartPolicy: Always # $0'),
    expect: { exactly: [] },
  },
  {
    name: 'no completion inside a block scalar',
    input: yaml`
      apiVersion: v1
      kind: ConfigMap
      data:
        script: |
          restartPolicy: $0
    `,
    expect: { exactly: [] },
  },
  {
    name: 'no completion on a document marker line',
    input: 'apiVersion: v1\n---$0\nkind: Pod\n',
    expect: { exactly: [] },
  },
];

for (const c of cases) test(c.name, () => void check(c.input, c.expect, c.setup));
