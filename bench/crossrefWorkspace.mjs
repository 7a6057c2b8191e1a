// The generated workspace of the cross-reference benchmark: per app two files of five objects each.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One app: a workload file (Deployment, ConfigMap, Secret, ServiceAccount, PDB) and a routing file (Service, Ingress, NetworkPolicy, HPA, Role). */
export function appFiles(i, label = `app-${i}`) {
  const ns = `team-${i % 20}`;
  const meta = (name) => `metadata: {name: ${name}, namespace: ${ns}}`;
  const deploy = [
    'apiVersion: apps/v1', 'kind: Deployment', meta(`app-${i}`), 'spec:',
    `  selector: {matchLabels: {app: ${label}}}`, '  template:', `    metadata: {labels: {app: ${label}, tier: web}}`, '    spec:',
    `      serviceAccountName: app-${i}-sa`, '      containers:', '        - name: app', `          image: registry.example.com/app-${i}:1.0`,
    '          ports: [{containerPort: 8080, name: http}]', `          envFrom: [{configMapRef: {name: app-${i}-config}}]`,
    `          env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: app-${i}-secret, key: token}}}]`,
    '---', 'apiVersion: v1', 'kind: ConfigMap', meta(`app-${i}-config`), 'data: {MODE: production, LEVEL: info}',
    '---', 'apiVersion: v1', 'kind: Secret', meta(`app-${i}-secret`), 'stringData: {token: not-a-real-token}',
    '---', 'apiVersion: v1', 'kind: ServiceAccount', meta(`app-${i}-sa`),
    '---', 'apiVersion: policy/v1', 'kind: PodDisruptionBudget', meta(`app-${i}`), `spec: {minAvailable: 1, selector: {matchLabels: {app: app-${i}}}}`, '',
  ].join('\n');
  const svc = [
    'apiVersion: v1', 'kind: Service', meta(`app-${i}`), 'spec:', `  selector: {app: app-${i}}`, '  ports: [{port: 80, targetPort: http}]',
    '---', 'apiVersion: networking.k8s.io/v1', 'kind: Ingress', meta(`app-${i}`), 'spec:', '  rules:',
    `    - host: app-${i}.example.com`, '      http:', '        paths:', `          - {path: /, pathType: Prefix, backend: {service: {name: app-${i}, port: {number: 80}}}}`,
    '---', 'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', meta(`app-${i}`), `spec: {podSelector: {matchLabels: {app: app-${i}}}, ingress: [{from: [{podSelector: {}}]}]}`,
    '---', 'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', meta(`app-${i}`),
    `spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app-${i}}, minReplicas: 2, maxReplicas: 5}`,
    '---', 'apiVersion: rbac.authorization.k8s.io/v1', 'kind: RoleBinding', meta(`app-${i}`),
    `roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}`, `subjects: [{kind: ServiceAccount, name: app-${i}-sa}]`, '',
  ].join('\n');
  return { deploy, svc };
}

/** Writes `apps` apps (2 files, 10 objects each) into dir/k8s; returns that folder. */
export function writeWorkspace(root, apps) {
  const dir = join(root, 'k8s');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < apps; i++) {
    const { deploy, svc } = appFiles(i);
    writeFileSync(join(dir, `app-${i}-deploy.yaml`), deploy);
    writeFileSync(join(dir, `app-${i}-svc.yaml`), svc);
  }
  return dir;
}
