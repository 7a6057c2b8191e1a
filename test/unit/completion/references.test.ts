import { test } from 'node:test';
import { yaml } from '../helpers';
import { check, type Expect, type Setup } from './completionHelpers';

const deployment = (name: string, labels: string, ns = '', ports = '[{name: http, containerPort: 8080}, {containerPort: 9090}]') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}
  spec:
    selector: {matchLabels: ${labels}}
    template:
      metadata: {labels: ${labels}}
      spec:
        containers: [{name: ${name}, image: nginx, ports: ${ports}}]
`;
const service = (name: string, selector: string, ns = '') =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}\nspec:\n  selector: ${selector}\n  ports: [{name: web, port: 80, targetPort: http}, {name: metrics, port: 9090}]\n`;
const object = (kind: string, name: string, extra = '', ns = '') => `apiVersion: v1\nkind: ${kind}\nmetadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}\n${extra}`;

const workspace: Setup = {
  files: {
    'web.yaml': deployment('web', '{app: web, tier: frontend}'),
    'api.yaml': deployment('api', '{app: api, tier: backend}'),
    'other-ns.yaml': deployment('batch', '{app: batch, team: data}', 'jobs'),
    'svc.yaml': service('web', '{app: web}') + '---\n' + service('jobs-svc', '{app: batch, team: data}', 'jobs'),
    'config.yaml': [
      object('ConfigMap', 'settings', 'data: {LOG_LEVEL: info, PORT: "8080"}\n'),
      object('ConfigMap', 'elsewhere', 'data: {X: y}\n', 'jobs'),
      object('Secret', 'db-credentials', 'stringData: {username: u, password: p}\n'),
      object('PersistentVolumeClaim', 'data', 'spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n'),
      object('ServiceAccount', 'runner'),
      object('ServiceAccount', 'other-runner', '', 'jobs'),
    ].join('---\n'),
  },
};

const podSpec = (lines: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: new}\nspec:\n  template:\n    spec:\n${lines}\n`;
const container = (lines: string) => podSpec(`      containers:\n        - name: app\n${lines}`);

interface Case {
  name: string;
  input: string;
  expect: Expect;
}

const cases: Case[] = [
  {
    name: 'selector label keys: those pod templates of the namespace carry, then those of templates that may share it',
    input: 'apiVersion: v1\nkind: Service\nmetadata: {name: new}\nspec:\n  selector:\n    $0\n',
    expect: { exactly: ['app', 'tier', 'team'], insert: { app: 'app: ${1|web,api,batch|}' } },
  },
  {
    name: 'selector label values: `app: |` proposes the values pod templates in the namespace carry for app',
    input: 'apiVersion: v1\nkind: Service\nmetadata: {name: new}\nspec:\n  selector:\n    app: $0\n',
    expect: { exactly: ['api', 'web', 'batch'], detail: { web: 'app=web carried by Deployment web' } },
  },
  {
    name: 'selector values follow the namespace of the document',
    input: 'apiVersion: v1\nkind: Service\nmetadata: {name: new, namespace: jobs}\nspec:\n  selector:\n    app: $0\n',
    expect: { first: ['batch'] },
  },
  {
    name: 'selector values of another explicit namespace are left out',
    input: 'apiVersion: v1\nkind: Service\nmetadata: {name: new, namespace: default}\nspec:\n  selector:\n    app: $0\n',
    expect: { exactly: ['api', 'web'] },
  },
  {
    name: 'selector keys narrow to templates carrying the pairs already written',
    input: 'apiVersion: v1\nkind: Service\nmetadata: {name: new}\nspec:\n  selector:\n    app: api\n    $0\n',
    expect: { exactly: ['tier'], insert: { tier: 'tier: ${1|backend|}' } },
  },
  {
    name: 'matchLabels in a flow mapping: the own pod template comes first',
    input: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: new}
      spec:
        selector: {matchLabels: {$0}}
        template:
          metadata:
            labels: {app: new, track: canary}
    `,
    expect: { first: ['app', 'track'], has: ['tier'], insert: { track: 'track: ${1|canary|}' } },
  },
  {
    name: 'matchLabels value in a flow mapping',
    input: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec:\n  selector: {matchLabels: {tier: $0}}\n',
    expect: { exactly: ['backend', 'frontend'] },
  },
  {
    name: 'template label keys: those selectors ask for, the own selector first',
    input: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: new}
      spec:
        selector:
          matchLabels: {app: new}
        template:
          metadata:
            labels:
              $0
    `,
    expect: { first: ['app'], has: ['tier'], insert: { app: 'app: ${1|new,web,api,batch|}' } },
  },
  {
    name: 'template label values: those selectors ask for the key',
    input: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        labels:
          app: $0
    `,
    expect: { exactly: ['api', 'web', 'batch'] },
  },
  {
    name: 'ConfigMap names for configMapKeyRef.name, those of the namespace first',
    input: container('          env:\n            - name: LEVEL\n              valueFrom:\n                configMapKeyRef:\n                  name: $0'),
    expect: { exactly: ['settings', 'elsewhere'], detail: { settings: 'ConfigMap', elsewhere: 'ConfigMap in jobs' } },
  },
  {
    name: 'ConfigMap names of another explicit namespace are left out',
    input: container('          env:\n            - name: LEVEL\n              valueFrom:\n                configMapKeyRef:\n                  name: $0').replace('{name: new}', '{name: new, namespace: default}'),
    expect: { exactly: ['settings'] },
  },
  {
    name: 'keys of the named ConfigMap for configMapKeyRef.key',
    input: container('          env:\n            - name: LEVEL\n              valueFrom:\n                configMapKeyRef: {name: settings, key: $0}'),
    expect: { exactly: ['LOG_LEVEL', 'PORT'] },
  },
  {
    name: 'keys of the named Secret for secretKeyRef.key (stringData too)',
    input: container('          env:\n            - name: PASS\n              valueFrom:\n                secretKeyRef:\n                  name: db-credentials\n                  key: $0'),
    expect: { exactly: ['password', 'username'] },
  },
  {
    name: 'Secret names for secretKeyRef.name',
    input: container('          env:\n            - name: PASS\n              valueFrom:\n                secretKeyRef:\n                  name: $0\n                  key: password'),
    expect: { exactly: ['db-credentials'] },
  },
  {
    name: 'ConfigMap names for envFrom configMapRef',
    input: container('          envFrom:\n            - configMapRef: {name: $0}'),
    expect: { first: ['settings'] },
  },
  {
    name: 'volume sources: ConfigMap, Secret and PVC names',
    input: podSpec('      volumes:\n        - name: a\n          configMap: {name: $0}'),
    expect: { first: ['settings'] },
  },
  {
    name: 'secret volume secretName',
    input: podSpec('      volumes:\n        - name: a\n          secret:\n            secretName: $0'),
    expect: { exactly: ['db-credentials'] },
  },
  {
    name: 'persistentVolumeClaim claimName',
    input: podSpec('      volumes:\n        - name: a\n          persistentVolumeClaim:\n            claimName: $0'),
    expect: { exactly: ['data'] },
  },
  {
    name: 'serviceAccountName: the namespace\'s first',
    input: podSpec('      serviceAccountName: $0'),
    expect: { exactly: ['runner', 'other-runner'] },
  },
  {
    name: 'Ingress backend: Service names',
    input: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend:\n    service:\n      name: $0\n',
    expect: { exactly: ['web', 'jobs-svc'] },
  },
  {
    name: 'Ingress backend: port numbers of the named Service',
    input: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  number: $0\n',
    expect: { exactly: ['80', '9090'], insert: { '80': '80' } },
  },
  {
    name: 'Ingress backend: port names of the named Service',
    input: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend:\n    service: {name: web, port: {name: $0}}\n',
    expect: { exactly: ['metrics', 'web'] },
  },
  {
    name: 'Service targetPort: container port names (first) and numbers of the selected pods',
    input: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: web}\n  ports:\n    - port: 80\n      targetPort: $0\n',
    expect: { first: ['http'], has: ['8080', '9090'], detail: { http: 'port of container web in Deployment web' } },
  },
  {
    name: 'StatefulSet serviceName: Service names',
    input: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  serviceName: $0\n',
    expect: { exactly: ['web', 'jobs-svc'] },
  },
  {
    name: 'HPA scaleTargetRef.name: objects of the kind written beside it',
    input: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: $0\n',
    expect: { exactly: ['api', 'web', 'batch'] },
  },
  {
    name: 'RoleBinding subjects: ServiceAccounts of the subject namespace',
    input: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b}\nsubjects:\n  - kind: ServiceAccount\n    namespace: jobs\n    name: $0\n',
    expect: { exactly: ['other-runner', 'runner'] },
  },
  {
    name: 'a half-typed reference value is replaced whole',
    input: container('          envFrom:\n            - secretRef:\n                name: db-$0'),
    expect: { accept: ['db-credentials', container('          envFrom:\n            - secretRef:\n                name: db-credentials')] },
  },
];

for (const c of cases) test(c.name, () => void check(c.input, c.expect, workspace));

test('without a workspace index, label completion still reads the document itself', () => {
  check(
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  selector:\n    matchLabels:\n      app: $0\n  template:\n    metadata:\n      labels: {app: a}\n',
    { exactly: ['a'] },
  );
});
