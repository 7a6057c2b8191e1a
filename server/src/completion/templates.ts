import type { CompletionItem } from 'vscode-languageserver-types';
import type { KubernetesVersionSchemas } from '../schema/kubernetesSchemas';
import { CompletionItemKind, makeItem, RANK, type ItemEnv } from './items';

/**
 * Whole-resource templates for an empty document. Tab stops with the same number are edited
 * together, so a name typed once is also the label, the selector and the container name.
 */
interface ResourceTemplate {
  label: string;
  description: string;
  lines: string[];
}

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: ${1:app}',
  '  labels:',
  '    app: ${1:app}',
  'spec:',
  '  replicas: ${2:2}',
  '  selector:',
  '    matchLabels:',
  '      app: ${1:app}',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: ${1:app}',
  '    spec:',
  '      containers:',
  '        - name: ${1:app}',
  '          image: ${3:nginx:1.27}',
  '          ports:',
  '            - name: http',
  '              containerPort: ${4:8080}',
  '          resources:',
  '            requests:',
  '              cpu: ${5:100m}',
  '              memory: ${6:128Mi}',
  '            limits:',
  '              memory: ${6:128Mi}',
];

const SERVICE = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: ${1:app}',
  'spec:',
  '  selector:',
  '    app: ${1:app}',
  '  ports:',
  '    - name: http',
  '      port: ${7:80}',
  '      targetPort: http',
];

const ROLE = [
  'apiVersion: rbac.authorization.k8s.io/v1',
  'kind: Role',
  'metadata:',
  '  name: ${1:reader}',
  'rules:',
  '  - apiGroups: [${2:""}]',
  '    resources: [${3:pods}]',
  '    verbs: [${4:get, list, watch}]',
];

const ROLE_BINDING = [
  'apiVersion: rbac.authorization.k8s.io/v1',
  'kind: RoleBinding',
  'metadata:',
  '  name: ${1:reader}-binding',
  'subjects:',
  '  - kind: ServiceAccount',
  '    name: ${5:app}',
  'roleRef:',
  '  apiGroup: rbac.authorization.k8s.io',
  '  kind: Role',
  '  name: ${1:reader}',
];

function podTemplate(indent: string, name: string, image: string, extra: string[] = []): string[] {
  return [
    `${indent}template:`,
    `${indent}  metadata:`,
    `${indent}    labels:`,
    `${indent}      app: ${name}`,
    `${indent}  spec:`,
    `${indent}    containers:`,
    `${indent}      - name: ${name}`,
    `${indent}        image: ${image}`,
    ...extra.map((l) => `${indent}        ${l}`),
  ];
}

const TEMPLATES: ResourceTemplate[] = [
  { label: 'Deployment', description: 'A Deployment with labels, selector, a named port and resource requests that line up.', lines: DEPLOYMENT },
  { label: 'Service', description: 'A ClusterIP Service selecting `app` pods, targeting their `http` port.', lines: SERVICE },
  {
    label: 'Deployment + Service',
    description: 'A Deployment and the Service in front of it: the selector, the labels and the ports already match.',
    lines: [...DEPLOYMENT, '---', ...SERVICE],
  },
  {
    label: 'Ingress',
    description: 'An Ingress routing a host and path to a Service port.',
    lines: [
      'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: ${1:app}', 'spec:', '  ingressClassName: ${2:nginx}', '  rules:',
      '    - host: ${3:app.example.com}', '      http:', '        paths:', '          - path: ${4:/}', '            pathType: ${5|Prefix,Exact,ImplementationSpecific|}',
      '            backend:', '              service:', '                name: ${1:app}', '                port:', '                  number: ${6:80}',
    ],
  },
  { label: 'ConfigMap', description: 'A ConfigMap with one entry.', lines: ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: ${1:config}', 'data:', '  ${2:key}: ${3:value}'] },
  {
    label: 'Secret',
    description: 'A Secret written as `stringData` (plain text; the API server encodes it).',
    lines: ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: ${1:secret}', 'type: ${2|Opaque,kubernetes.io/tls,kubernetes.io/basic-auth,kubernetes.io/dockerconfigjson|}', 'stringData:', '  ${3:key}: ${4:value}'],
  },
  {
    label: 'StatefulSet',
    description: 'A StatefulSet with its governing Service name and a volume claim template mounted in the container.',
    lines: [
      'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: ${1:db}', 'spec:', '  serviceName: ${1:db}', '  replicas: ${2:1}', '  selector:', '    matchLabels:', '      app: ${1:db}',
      ...podTemplate('  ', '${1:db}', '${3:postgres:16}', ['ports:', '  - name: ${4:postgres}', '    containerPort: ${5:5432}', 'volumeMounts:', '  - name: data', '    mountPath: ${6:/var/lib/postgresql/data}']),
      '  volumeClaimTemplates:', '    - metadata:', '        name: data', '      spec:', '        accessModes: [ReadWriteOnce]', '        resources:', '          requests:', '            storage: ${7:1Gi}',
    ],
  },
  {
    label: 'DaemonSet',
    description: 'A DaemonSet running one pod per node.',
    lines: ['apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: ${1:agent}', 'spec:', '  selector:', '    matchLabels:', '      app: ${1:agent}', ...podTemplate('  ', '${1:agent}', '${2:busybox:1.36}')],
  },
  {
    label: 'Job',
    description: 'A Job running one pod to completion.',
    lines: [
      'apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: ${1:job}', 'spec:', '  backoffLimit: ${2:3}', '  template:', '    spec:', '      restartPolicy: ${3|Never,OnFailure|}', '      containers:',
      '        - name: ${1:job}', '          image: ${4:busybox:1.36}', '          command: [${5:"sh", "-c", "echo done"}]',
    ],
  },
  {
    label: 'CronJob',
    description: 'A CronJob running a Job on a schedule.',
    lines: [
      'apiVersion: batch/v1', 'kind: CronJob', 'metadata:', '  name: ${1:cron}', 'spec:', '  schedule: "${2:*/5 * * * *}"', '  jobTemplate:', '    spec:', '      template:', '        spec:',
      '          restartPolicy: ${3|OnFailure,Never|}', '          containers:', '            - name: ${1:cron}', '              image: ${4:busybox:1.36}', '              command: [${5:"sh", "-c", "date"}]',
    ],
  },
  {
    label: 'PersistentVolumeClaim',
    description: 'A claim for a volume of a given size.',
    lines: ['apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata:', '  name: ${1:data}', 'spec:', '  accessModes:', '    - ${2|ReadWriteOnce,ReadOnlyMany,ReadWriteMany,ReadWriteOncePod|}', '  resources:', '    requests:', '      storage: ${3:1Gi}'],
  },
  {
    label: 'HorizontalPodAutoscaler',
    description: 'An autoscaler scaling a Deployment on CPU utilisation.',
    lines: [
      'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: ${1:app}', 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', '    kind: Deployment', '    name: ${1:app}',
      '  minReplicas: ${2:2}', '  maxReplicas: ${3:10}', '  metrics:', '    - type: Resource', '      resource:', '        name: cpu', '        target:', '          type: Utilization', '          averageUtilization: ${4:80}',
    ],
  },
  {
    label: 'NetworkPolicy',
    description: 'A NetworkPolicy letting selected clients reach selected pods on one port.',
    lines: [
      'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: ${1:allow-clients}', 'spec:', '  podSelector:', '    matchLabels:', '      app: ${2:app}', '  policyTypes: [Ingress]', '  ingress:',
      '    - from:', '        - podSelector:', '            matchLabels:', '              app: ${3:client}', '      ports:', '        - protocol: TCP', '          port: ${4:8080}',
    ],
  },
  {
    label: 'PodDisruptionBudget',
    description: 'A budget keeping a minimum of selected pods up during voluntary disruptions.',
    lines: ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: ${1:app}', 'spec:', '  minAvailable: ${2:1}', '  selector:', '    matchLabels:', '      app: ${1:app}'],
  },
  { label: 'ServiceAccount', description: 'A ServiceAccount for pods.', lines: ['apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: ${1:app}', 'automountServiceAccountToken: ${2|false,true|}'] },
  { label: 'Role', description: 'A namespaced Role granting verbs on resources.', lines: ROLE },
  { label: 'RoleBinding', description: 'A RoleBinding granting a Role to a ServiceAccount.', lines: ROLE_BINDING },
  { label: 'Role + RoleBinding', description: 'A Role and the RoleBinding granting it to a ServiceAccount.', lines: [...ROLE, '---', ...ROLE_BINDING] },
  {
    label: 'Pod',
    description: 'A single Pod.',
    lines: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: ${1:app}', '  labels:', '    app: ${1:app}', 'spec:', '  containers:', '    - name: ${1:app}', '      image: ${2:nginx:1.27}'],
  },
  { label: 'Namespace', description: 'A Namespace.', lines: ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: ${1:team}'] },
];

const API_KIND = /^\s*apiVersion: (\S+)\n\s*kind: (\w+)$/gm;

// Every apiVersion/kind a template writes must be served by the chosen version.
function servedBy(version: KubernetesVersionSchemas, text: string): boolean {
  for (const m of text.matchAll(API_KIND)) if (!version.kindInfo(m[1]!, m[2]!)) return false;
  return true;
}

const joined = new Map(TEMPLATES.map((t) => [t, t.lines.join('\n')]));

/** Template items for an empty document, leaving out those whose apiVersions the version does not serve. */
export function templateItems(env: ItemEnv, version: KubernetesVersionSchemas): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const template of TEMPLATES) {
    const text = joined.get(template)!;
    if (!servedBy(version, text)) continue;
    const apiVersions = [...new Set([...text.matchAll(API_KIND)].map((m) => m[1]!))].join(', ');
    out.push(
      makeItem(env, template.label, `${text}\n`, {
        kind: CompletionItemKind.Snippet,
        detail: `${apiVersions} template`,
        documentation: `${template.description}\n\n\`\`\`yaml\n${text.replace(/\$\{\d+[:|]([^}|]*)[^}]*\}/g, '$1')}\n\`\`\``,
        rank: RANK.required,
        filterText: template.label,
        snippet: true,
      }),
    );
  }
  return out;
}
