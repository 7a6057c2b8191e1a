// Generates one multi-document Kubernetes file of a given size: a realistic mix of
// Deployment / Service / ConfigMap / Ingress, valid against the 1.30 strict schemas except
// for exactly two planted errors, whatever the size:
//   - `replicas: "three"` in the first Deployment (a type error),
//   - an unknown container field in the last Deployment.
// It also says where a 1-char edit goes: a label value of the Deployment nearest the middle.

const KINDS = ['Deployment', 'Service', 'ConfigMap', 'Ingress'];

/** Characters an edit puts in place of the label's first character; all distinct, so no edit repeats a text. */
export const EDIT_CHARS = 'bcdefghijklmnopqrstuvwxyz0123456789';

function deployment(name, { badReplicas, unknownField, editLabel, config = `${name}-config` }) {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  namespace: shop',
    '  labels:',
    `    app: ${name}`,
    '    tier: backend',
    // The edit target: the "a" of "a1" becomes another letter.
    `    build: ${editLabel ? '"a1"' : '"x1"'}`,
    '  annotations:',
    '    owner: team-shop',
    'spec:',
    badReplicas ? '  replicas: "three"' : '  replicas: 3',
    '  revisionHistoryLimit: 5',
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  strategy:',
    '    type: RollingUpdate',
    '    rollingUpdate:',
    '      maxSurge: 1',
    '      maxUnavailable: 25%',
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '        tier: backend',
    '    spec:',
    `      serviceAccountName: ${name}`,
    '      terminationGracePeriodSeconds: 30',
    '      securityContext:',
    '        runAsNonRoot: true',
    '        runAsUser: 1000',
    '        fsGroup: 2000',
    '      containers:',
    `        - name: ${name}`,
    `          image: registry.example.com/shop/${name}:1.4.2`,
    '          imagePullPolicy: IfNotPresent',
    ...(unknownField ? ['          restartPolicyy: Always'] : []),
    '          args: ["--port=8080", "--log-level=info"]',
    '          ports:',
    '            - name: http',
    '              containerPort: 8080',
    '              protocol: TCP',
    '            - name: metrics',
    '              containerPort: 9090',
    '          env:',
    '            - name: LOG_FORMAT',
    '              value: json',
    '            - name: POD_NAME',
    '              valueFrom:',
    '                fieldRef:',
    '                  fieldPath: metadata.name',
    '            - name: DATABASE_URL',
    '              valueFrom:',
    '                configMapKeyRef:',
    `                  name: ${config}`,
    '                  key: database.url',
    '          envFrom:',
    '            - configMapRef:',
    `                name: ${config}`,
    '          resources:',
    '            requests:',
    '              cpu: 100m',
    '              memory: 128Mi',
    '            limits:',
    '              cpu: "1"',
    '              memory: 512Mi',
    '          readinessProbe:',
    '            httpGet:',
    '              path: /healthz/ready',
    '              port: http',
    '            initialDelaySeconds: 5',
    '            periodSeconds: 10',
    '          livenessProbe:',
    '            httpGet:',
    '              path: /healthz/live',
    '              port: 8080',
    '            failureThreshold: 3',
    '          volumeMounts:',
    '            - name: config',
    '              mountPath: /etc/shop',
    '              readOnly: true',
    '      volumes:',
    '        - name: config',
    '          configMap:',
    `            name: ${config}`,
  ];
}

function service(name) {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    '  namespace: shop',
    '  labels:',
    `    app: ${name}`,
    'spec:',
    '  type: ClusterIP',
    '  selector:',
    `    app: ${name}`,
    '  ports:',
    '    - name: http',
    '      port: 80',
    '      targetPort: http',
    '      protocol: TCP',
    '    - name: metrics',
    '      port: 9090',
    '      targetPort: 9090',
  ];
}

function configMap(name) {
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: ${name}-config`,
    '  namespace: shop',
    'data:',
    `  database.url: postgres://db.shop.svc:5432/${name.replace(/-/g, '_')}`,
    '  LOG_LEVEL: info',
    '  settings.yaml: |',
    '    cache:',
    '      ttlSeconds: 300',
    '    features:',
    '      - checkout',
    '      - recommendations',
  ];
}

function ingress(name) {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    `  name: ${name}`,
    '  namespace: shop',
    '  annotations:',
    '    nginx.ingress.kubernetes.io/rewrite-target: /',
    'spec:',
    '  ingressClassName: nginx',
    '  tls:',
    '    - hosts:',
    `        - ${name}.shop.example.com`,
    `      secretName: ${name}-tls`,
    '  rules:',
    `    - host: ${name}.shop.example.com`,
    '      http:',
    '        paths:',
    '          - path: /',
    '            pathType: Prefix',
    '            backend:',
    '              service:',
    `                name: ${name}`,
    '                port:',
    '                  name: http',
  ];
}

/**
 * @param {number} count number of `---` documents
 * @param {string} variant suffix for every name: a different variant gives the same structure
 *   (same line numbers) but a different text for every document
 * @returns {{ text: string, docs: number, plantedLines: {replicas: number, unknownField: number}, editOffset: number }}
 */
export function generateManifests(count, variant = 'a') {
  const deployments = [];
  for (let i = 0; i < count; i++) if (i % KINDS.length === 0) deployments.push(i);
  const badReplicasDoc = deployments[0];
  const unknownFieldDoc = deployments[deployments.length - 1];
  if (badReplicasDoc === unknownFieldDoc) throw new Error(`need at least ${KINDS.length + 1} documents to plant both errors in different Deployments`);
  const middle = deployments.reduce((best, d) => (Math.abs(d - count / 2) < Math.abs(best - count / 2) ? d : best));
  const editDoc = middle === badReplicasDoc || middle === unknownFieldDoc ? deployments[1] : middle;

  const lines = [];
  const planted = { replicas: -1, unknownField: -1 };
  let editLine = -1;
  const groupName = (i) => `svc-${variant}-${Math.floor(i / KINDS.length)}`;
  for (let i = 0; i < count; i++) {
    if (i > 0) lines.push('---');
    const name = groupName(i);
    const start = lines.length;
    const kind = KINDS[i % KINDS.length];
    const doc =
      kind === 'Deployment'
        ? deployment(name, {
            badReplicas: i === badReplicasDoc,
            unknownField: i === unknownFieldDoc,
            editLabel: i === editDoc,
            // A last, incomplete group has no ConfigMap of its own: use the first group's, so that
            // the only findings are the two planted errors.
            config: `${groupName(i + KINDS.indexOf('ConfigMap') < count ? i : 0)}-config`,
          })
        : kind === 'Service'
          ? service(name)
          : kind === 'ConfigMap'
            ? configMap(name)
            : ingress(name);
    lines.push(...doc);
    if (i === badReplicasDoc) planted.replicas = start + doc.findIndex((l) => l.includes('replicas: "three"'));
    if (i === unknownFieldDoc) planted.unknownField = start + doc.findIndex((l) => l.includes('restartPolicyy'));
    if (i === editDoc) editLine = start + doc.findIndex((l) => l.includes('build: "a1"'));
  }
  const text = lines.join('\n') + '\n';
  const editOffset = lines.slice(0, editLine).reduce((n, l) => n + l.length + 1, 0) + lines[editLine].indexOf('"a1"') + 1;
  if (text[editOffset] !== 'a') throw new Error('bench bug: edit offset does not point at the label character');
  return { text, docs: count, plantedLines: planted, editOffset };
}

/** The text after the k-th 1-character edit (k from 0): the label character becomes EDIT_CHARS[k]. */
export function editedText(generated, k) {
  const c = EDIT_CHARS[k % EDIT_CHARS.length];
  return generated.text.slice(0, generated.editOffset) + c + generated.text.slice(generated.editOffset + 1);
}
