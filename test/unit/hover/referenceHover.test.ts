import { yaml } from '../helpers';
import { checkHovers } from './hoverHelpers';

const workload = (name: string, labels: string, ns = 'prod') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ${name}, namespace: ${ns}}
  spec:
    selector: {matchLabels: ${labels}}
    template:
      metadata:
        labels: ${labels}
      spec:
        containers: [{name: app, image: nginx}]
`;

const service = (selector: string) => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: prod}
  spec:
    selector: ${selector}
    ports: [{port: 80}]
`;

const consumer = (reference: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: app, namespace: prod}
  spec:
    serviceAccountName: runner
    containers:
      - name: app
        image: nginx
        envFrom:
          - configMapRef: {name: ${reference}}
    volumes:
      - name: data
        persistentVolumeClaim: {claimName: data}
`;

const configMap = (name: string, ns: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n`;

checkHovers([
  {
    name: 'a Service selector: how many pod templates it selects, named and linked',
    text: service('{a$0pp: web}'),
    others: {
      'a.yaml': workload('web', '{app: web}'),
      'b.yaml': workload('web-canary', '{app: web, track: canary}'),
      'c.yaml': workload('other', '{app: other}'),
      'd.yaml': workload('web-staging', '{app: web}', 'staging'),
    },
    header: '`spec.selector.app`: `string`',
    contains: ['\n\n**Selects 2 pod templates**: [Deployment web](file:///ws/a.yaml#L8,', '[Deployment web-canary](file:///ws/b.yaml#L8,', '\n\nIn every shipped Kubernetes version'],
    lacks: ['other', 'web-staging'],
  },
  {
    name: 'the selector key itself',
    text: service('{app: web}').replace('selector:', 'sel$0ector:'),
    others: { 'a.yaml': workload('web', '{app: web}') },
    header: '`spec.selector`: `map of string`',
    contains: ['**Selects 1 pod template**: [Deployment web](file:///ws/a.yaml#L8,15)'],
  },
  {
    name: 'a selector that selects nothing says so',
    text: service('{app: w$0ebb}'),
    others: { 'a.yaml': workload('web', '{app: web}') },
    contains: ['**Selects no pod templates** in the workspace.'],
  },
  {
    name: 'a workload’s own matchLabels selects its template',
    text: workload('web', '{app: web}').replace('matchLabels', 'match$0Labels'),
    header: '`spec.selector.matchLabels`: `map of string`',
    contains: ['**Selects 1 pod template**: [Deployment web](file:///ws/manifest.yaml#L8,'],
  },
  {
    name: 'a name reference: the target’s kind, name, namespace and file',
    text: consumer('sett$0ings'),
    others: { 'cm.yaml': configMap('settings', 'prod'), 'other.yaml': configMap('settings', 'staging') },
    header: '`spec.containers[0].envFrom[0].configMapRef.name`: `string`',
    contains: ['\n\n→ ConfigMap `settings` · namespace `prod` · [cm.yaml:4](file:///ws/cm.yaml#L4,9)\n\n'],
    lacks: ['staging'],
    covers: 'settings',
  },
  {
    name: 'a name reference that resolves nowhere: not found',
    text: consumer('miss$0ing'),
    others: { 'cm.yaml': configMap('settings', 'prod') },
    contains: ['**Not found**: no ConfigMap `missing` in namespace `prod` in the workspace.'],
  },
  {
    name: 'a reference to another kind (serviceAccountName)',
    text: consumer('settings').replace('serviceAccountName: runner', 'serviceAccountName: run$0ner'),
    others: { 'sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n  namespace: prod\n' },
    contains: ['→ ServiceAccount `runner` · namespace `prod` · [sa.yaml:4](file:///ws/sa.yaml#L4,9)'],
  },
  {
    name: 'a claimName reference to a missing PVC',
    text: consumer('settings').replace('claimName: data', 'claimName: da$0ta'),
    contains: ['**Not found**: no PersistentVolumeClaim `data` in namespace `prod`'],
  },
  {
    name: 'a cluster-scoped target says so',
    text: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: read}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: rea$0der}
      subjects: []
    `,
    others: { 'role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n' },
    contains: ['→ ClusterRole `reader` · cluster-scoped · [role.yaml:4](file:///ws/role.yaml#L4,9)'],
  },
  {
    name: 'an ordinary field next to a reference gets no summary',
    text: consumer('settings').replace('image: nginx', 'image: ngi$0nx'),
    others: { 'cm.yaml': configMap('settings', 'prod') },
    lacks: ['→', 'Not found', 'Selects'],
  },
]);
