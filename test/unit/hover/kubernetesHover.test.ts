import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml } from '../helpers';
import { checkHovers, hoverAt } from './hoverHelpers';

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    labels: {app: web}
    clusterName: legacy
  spec:
    replicas: 3
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
          - name: web
            image: nginx
            imagePullPolicy: IfNotPresent
            args: [--port, "8080"]
            resizePolicy:
              - {resourceName: cpu, restartPolicy: NotRequired}
            ports:
              - containerPort: 8080
                protocol: TCP
            resources:
              limits: {cpu: 500m, memory: 128Mi}
  `;

/** The deployment with the cursor placed at the first occurrence of `at` (`$0` inside it). */
function cursorIn(at: string, text = deployment): string {
  const plain = at.replace('$0', '');
  assert.ok(text.includes(plain), `fixture has no "${plain}"`);
  return text.replace(plain, at);
}

const apiReference = 'https://kubernetes.io/docs/reference/kubernetes-api/';

checkHovers([
  {
    name: 'a key: path and type first, then required/optional, versions, the description, the reference link',
    text: cursorIn('rep$0licas: 3'),
    header: '`spec.replicas`: `integer (int32)`',
    contains: [
      'Optional  \nIn every shipped Kubernetes version (1.23–1.35)',
      '\n\nNumber of desired pods.',
      `\n\n[Deployment (apps/v1) in the Kubernetes API reference](${apiReference}workload-resources/deployment-v1/)`,
    ],
    covers: 'replicas',
  },
  {
    name: 'a value hovers like its key, and covers the value',
    text: cursorIn('replicas: $03'),
    header: '`spec.replicas`: `integer (int32)`',
    covers: '3',
  },
  {
    name: 'a required field says so (and hides the generated zero default)',
    text: cursorIn('- containerPort$0: 8080'),
    header: '`spec.template.spec.containers[0].ports[0].containerPort`: `integer (int32)`',
    contains: ['**Required**', 'Number of port to expose'],
    lacks: ['Optional', 'default `0`'],
  },
  {
    name: 'a default and the allowed values',
    text: cursorIn('protocol: T$0CP'),
    header: '`spec.template.spec.containers[0].ports[0].protocol`: `string`',
    contains: ['Optional · default `TCP`  \nAllowed values: `SCTP`, `TCP`, `UDP`'],
    covers: 'TCP',
  },
  {
    name: 'allowed values of a field inside a list item',
    text: cursorIn('imagePullPolicy: If$0NotPresent'),
    header: '`spec.template.spec.containers[0].imagePullPolicy`: `string`',
    contains: ['Optional  \nAllowed values: `Always`, `IfNotPresent`, `Never`'],
  },
  {
    name: 'a field of a list item added in 1.27',
    text: cursorIn('restartPolicy: $0NotRequired'),
    header: '`spec.template.spec.containers[0].resizePolicy[0].restartPolicy`: `string`',
    contains: ['**Required**  \nIn Kubernetes 1.27–1.35 (added in 1.27)'],
  },
  {
    name: 'IntOrString fields read "string or integer"',
    text: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        ports:
          - port: 80
            targetPort: ht$0tp
    `,
    header: '`spec.ports[0].targetPort`: `string or integer`',
    contains: [`${apiReference}service-resources/service-v1/`],
  },
  {
    name: 'quantities read "quantity"; a map entry takes the words of its own type',
    text: cursorIn('cpu: 5$000m'),
    header: '`spec.template.spec.containers[0].resources.limits.cpu`: `quantity`',
    contains: ['Quantity is a fixed-point representation of a number'],
    covers: '500m',
  },
  {
    name: 'a map of quantities',
    text: cursorIn('lim$0its:'),
    header: '`spec.template.spec.containers[0].resources.limits`: `map of quantity`',
    contains: ['Limits describes the maximum amount of compute resources allowed.'],
  },
  {
    name: 'a label map entry is described by its map',
    text: cursorIn('labels: {a$0pp: web}'),
    header: '`metadata.labels.app`: `string`',
    contains: ['Map of string keys and values that can be used to organize and categorize'],
    lacks: ['Optional', 'Required'],
  },
  {
    name: 'a list of objects names the item type; a list of strings its item type',
    text: cursorIn('contai$0ners:'),
    header: '`spec.template.spec.containers`: `array of Container`',
    contains: ['**Required**'],
  },
  {
    name: 'a scalar list item is described by its list',
    text: cursorIn('args: [--p$0ort, "8080"]'),
    header: '`spec.template.spec.containers[0].args[0]`: `string`',
    contains: ['Arguments to the entrypoint.'],
    covers: '--port',
  },
  {
    name: 'an object field names its definition',
    text: cursorIn('resou$0rces:'),
    header: '`spec.template.spec.containers[0].resources`: `object (ResourceRequirements)`',
  },
  {
    name: 'a field added in a later version than the configured one: "added in 1.27", and the schema used',
    text: cursorIn('resize$0Policy:'),
    version: '1.26',
    header: '`spec.template.spec.containers[0].resizePolicy`: `array of ContainerResizePolicy`',
    contains: ['In Kubernetes 1.27–1.35 (added in 1.27) — not in 1.26, the configured version', 'Described from the Kubernetes 1.35 schema.'],
  },
  {
    name: 'the same field under a version that has it: no warning',
    text: cursorIn('resize$0Policy:'),
    version: '1.30',
    contains: ['In Kubernetes 1.27–1.35 (added in 1.27)'],
    lacks: ['configured version', 'Described from'],
  },
  {
    name: 'a field removed since: "removed in 1.25", described from the last version that had it',
    text: cursorIn('cluster$0Name: legacy'),
    header: '`metadata.clusterName`: `string`',
    contains: ['In Kubernetes 1.23–1.24 (removed in 1.25) — not in 1.35, the configured version', 'Described from the Kubernetes 1.24 schema.'],
  },
  {
    name: 'a field of a kind served only by older versions',
    text: yaml`
      apiVersion: policy/v1beta1
      kind: PodDisruptionBudget
      metadata: {name: web}
      spec:
        minAvai$0lable: 1
    `,
    header: '`spec.minAvailable`: `string or integer`',
    contains: ['In Kubernetes 1.23–1.24 (removed in 1.25)', 'Described from the Kubernetes 1.24 schema.', `(${apiReference}policy-resources/pod-disruption-budget-v1/)`],
  },
  {
    name: 'an item of a kind: List is hovered against its own kind',
    text: yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: ConfigMap
          metadata: {name: settings}
          immu$0table: true
    `,
    header: '`immutable`: `boolean`',
    contains: [`${apiReference}config-and-storage-resources/config-map-v1/`],
  },
  {
    name: 'a Namespace links to the cluster resources',
    text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  na$0me: prod\n',
    header: '`metadata.name`: `string`',
    contains: [`${apiReference}cluster-resources/namespace-v1/`],
  },
  { name: 'an unknown field: no hover', text: cursorIn('replicas: 3', deployment).replace('replicas: 3', 'replikas$0: 3'), none: true },
  { name: 'between entries of a mapping: no hover', text: deployment.replace('spec:\n  replicas', 'spec:\n $0 replicas'), none: true },
  { name: 'a custom resource without a shipped schema: no hover', text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  si$0ze: 3\n', none: true },
  { name: 'a YAML document that is no manifest: no hover', text: 'fo$0o: bar\nbaz: 1\n', file: 'values.yaml', none: true },
]);

test('hover reads the document under the cursor in a multi-document file', () => {
  const second = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
    data: {k: v}
  `;
  const { markdown } = hoverAt({ name: 'multi', text: `${deployment}---\n${second}---\n${second.replace('data: {k', 'da$0ta: {k')}` });
  assert.equal(markdown?.split('\n')[0], '`data`: `map of string`');
});
