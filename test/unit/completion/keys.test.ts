import { test } from 'node:test';
import { yaml } from '../helpers';
import { check, type Expect, type Setup } from './completionHelpers';

const deploymentContainer = (cursorLines: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      spec:
        containers:
          - name: web
${cursorLines}
`;

interface Case {
  name: string;
  input: string;
  expect: Expect;
  setup?: Setup;
}

const cases: Case[] = [
  {
    name: 'a half-typed key under a container offers the Container fields with their shapes',
    input: deploymentContainer('            ima$0'),
    expect: {
      has: ['image', 'imagePullPolicy', 'ports', 'env', 'resources', 'volumeMounts'],
      not: ['name', 'containers', 'replicas'],
      insert: {
        image: 'image: $0',
        imagePullPolicy: 'imagePullPolicy: ${1|Always,IfNotPresent,Never|}',
        ports: 'ports:\n            - $0',
        resources: 'resources:\n            $0',
      },
      detail: { image: 'string', ports: '[]ContainerPort', resources: 'ResourceRequirements', env: '[]EnvVar' },
    },
  },
  {
    name: 'the line after `- name: x` in a compact list completes the same item',
    input: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
        - name: x
          $0
    `,
    expect: { has: ['image', 'command', 'args'], not: ['name'], insert: { env: 'env:\n      - $0' } },
  },
  {
    name: 'a new list item offers its required key first',
    input: yaml`
      apiVersion: v1
      kind: Service
      spec:
        ports:
          - $0
    `,
    expect: { first: ['port'], has: ['targetPort', 'protocol', 'name'], detail: { port: 'integer (int32) (required)', targetPort: 'int-or-string' } },
  },
  {
    name: 'a line below a list key starts a new item: keys come with `- `',
    input: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          $0
    `,
    expect: { first: ['name'], insert: { name: '- name: $0', ports: '- ports:\n        - $0' } },
  },
  {
    name: 'required fields come first, then everyday ones',
    input: yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        $0
    `,
    expect: { first: ['selector', 'template', 'replicas'], order: ['replicas', 'minReadySeconds'], detail: { selector: 'LabelSelector (required)' } },
  },
  {
    name: 'top-level keys of a kind: status is never offered, present keys are left out',
    input: yaml`
      apiVersion: apps/v1
      kind: Deployment
      $0
    `,
    expect: { exactly: ['metadata', 'spec'] },
  },
  {
    name: 'keys already present above and below the cursor are not offered again',
    input: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        $0
        labels:
          app: web
      data: {}
    `,
    expect: { has: ['namespace', 'annotations'], not: ['name', 'labels', 'data'] },
  },
  {
    name: 'keys in a flow mapping insert on one line and skip the keys written in it',
    input: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, $0}
    `,
    expect: { has: ['labels', 'namespace'], not: ['name'], insert: { labels: 'labels: {$0}', finalizers: 'finalizers: [$0]', namespace: 'namespace: $0' } },
  },
  {
    name: 'keys in a flow mapping inside a flow list',
    input: yaml`
      apiVersion: v1
      kind: Service
      spec:
        ports: [{port: 80, $0}]
    `,
    expect: { has: ['targetPort', 'protocol', 'name'], not: ['port'] },
  },
  {
    name: 'a key typed before an existing colon inserts the name only',
    input: deploymentContainer('            ima$0ge: nginx'),
    expect: { insert: { image: 'image', imagePullPolicy: 'imagePullPolicy' } },
  },
  {
    name: 'the fields follow the chosen Kubernetes version (1.35 containers have resizePolicy)',
    input: deploymentContainer('            $0'),
    expect: { has: ['resizePolicy', 'restartPolicy'] },
  },
  {
    name: 'the fields follow the chosen Kubernetes version (1.23 containers have no resizePolicy)',
    input: deploymentContainer('            $0'),
    expect: { has: ['image'], not: ['resizePolicy', 'restartPolicy'] },
    setup: { version: '1.23' },
  },
  {
    name: 'deprecated fields rank after the others',
    input: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        serviceAccount$0
    `,
    expect: { order: ['serviceAccountName', 'subdomain', 'serviceAccount'] },
  },
  {
    name: 'a document with a kind but no apiVersion yet still gets its schema',
    input: yaml`
      kind: Deployment
      spec:
        replicas: 2
        $0
    `,
    expect: { first: ['selector', 'template'], not: ['replicas'] },
  },
  {
    name: 'a document without a kind offers apiVersion, kind and metadata',
    input: yaml`
      metadata:
        name: x
      $0
    `,
    expect: { exactly: ['apiVersion', 'kind'] },
  },
  {
    name: 'snippets follow the indentation step of the document (four spaces)',
    input: yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
          template:
              $0
    `,
    expect: { insert: { metadata: 'metadata:\n            $0', spec: 'spec:\n            $0' } },
  },
  {
    name: 'without snippet support the text is plain',
    input: deploymentContainer('            imagePull$0'),
    expect: { insert: { imagePullPolicy: 'imagePullPolicy: Always', ports: 'ports:\n            - ' } },
    setup: { snippets: false },
  },
  {
    name: 'map-valued fields read as maps and insert a nested line',
    input: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        $0
    `,
    expect: { detail: { labels: 'map[string]string', annotations: 'map[string]string' }, insert: { labels: 'labels:\n    $0' } },
  },
  {
    name: 'a key half-typed in the middle of a larger document (siblings below stay siblings)',
    input: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 1
        sel$0
        template:
          spec:
            containers: []
    `,
    expect: { first: ['selector'], not: ['template', 'replicas'] },
  },
  {
    name: 'the same keys whether the caller passes the parsed file or the text only',
    input: deploymentContainer('            ima$0'),
    expect: { has: ['image', 'imagePullPolicy'], not: ['name'] },
    setup: { withFile: false },
  },
];

for (const c of cases) test(c.name, () => void check(c.input, c.expect, c.setup));

test('a dash typed without its space gets one', () => {
  check('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    -$0\n', { first: ['name'], insert: { name: ' name: $0', ports: ' ports:\n        - $0' } });
});
