import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, offered } from './fixHelpers';

const lines = (...l: string[]) => l.join('\n') + '\n';

test('extensions/v1beta1 Deployment → apps/v1: the required selector is written from the template labels, the rest kept as written', () => {
  const deployment = (apiVersion: string, ...selector: string[]) =>
    lines(
      '# the web tier',
      `apiVersion: ${apiVersion}`,
      'kind: Deployment',
      'metadata:',
      '  name: web # keep me',
      'spec:',
      '  replicas: 3',
      ...selector,
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: web',
      '        tier: "front"',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx:1.27',
    );
  const actions = checkFix({
    files: { 'web.yaml': deployment('extensions/v1beta1') },
    code: 'removed-api-version',
    at: 'extensions/v1beta1',
    expected: deployment('apps/v1', '  selector:', '    matchLabels:', '      app: web', '      tier: front'),
  });
  assert.deepEqual(actions.map((a) => a.title), ['Migrate Deployment to apps/v1 (adds spec.selector from the pod template labels)']);
});

test('apps/v1beta2 DaemonSet → apps/v1: dropped fields go, a template without labels gets app=<name> on both sides', () => {
  const daemonSet = (apiVersion: string, ...rest: string[]) =>
    lines(`apiVersion: ${apiVersion}`, 'kind: DaemonSet', 'metadata:', '  name: agent', 'spec:', ...rest);
  checkFix({
    files: { 'ds.yaml': daemonSet('apps/v1beta2', '  templateGeneration: 4', '  template:', '    spec:', '      containers: [{name: agent, image: agent:1}]') },
    code: 'removed-api-version',
    at: 'apps/v1beta2',
    expected: daemonSet(
      'apps/v1',
      '  selector:',
      '    matchLabels:',
      '      app: agent',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: agent',
      '    spec:',
      '      containers: [{name: agent, image: agent:1}]',
    ),
  });
});

test('extensions/v1beta1 Deployment with rollbackTo and a selector already: only the apiVersion changes and rollbackTo goes', () => {
  const deployment = (apiVersion: string, ...rollback: string[]) =>
    lines(
      `apiVersion: ${apiVersion}`,
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  selector: {matchLabels: {app: web}}',
      ...rollback,
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec: {containers: [{name: web, image: nginx}]}',
    );
  checkFix({
    files: { 'web.yaml': deployment('extensions/v1beta1', '  rollbackTo:', '    revision: 2') },
    code: 'removed-api-version',
    at: 'extensions/v1beta1',
    title: 'Migrate Deployment to apps/v1 (removes spec.rollbackTo)',
    expected: deployment('apps/v1'),
  });
});

test('apps/v1beta1 StatefulSet with an empty `selector:` gets it filled in place', () => {
  const sts = (apiVersion: string, ...selector: string[]) =>
    lines(
      `apiVersion: ${apiVersion}`,
      'kind: StatefulSet',
      'metadata: {name: db}',
      'spec:',
      '  serviceName: db',
      ...selector,
      '  template:',
      '    metadata: {labels: {app: db}}',
      '    spec: {containers: [{name: db, image: postgres}]}',
    );
  const service = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: db}', 'spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}');
  checkFix({
    files: { 'sts.yaml': sts('apps/v1beta1', '  selector:'), 'svc.yaml': service },
    code: 'removed-api-version',
    at: 'apps/v1beta1',
    expected: sts('apps/v1', '  selector:', '    matchLabels:', '      app: db'),
  });
});

test('Ingress v1beta1 → networking.k8s.io/v1: backends become service.name/service.port, paths get a pathType, backend → defaultBackend', () => {
  const before = lines(
    'apiVersion: networking.k8s.io/v1beta1',
    'kind: Ingress',
    'metadata:',
    '  name: web',
    'spec:',
    '  backend:',
    '    serviceName: fallback',
    '    servicePort: 8080',
    '  rules:',
    '  - host: example.com',
    '    http:',
    '      paths:',
    '      - path: /api # the API',
    '        backend:',
    '          serviceName: api',
    '          servicePort: http',
    '      - backend: {servicePort: "80", serviceName: "web"}',
  );
  const after = lines(
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: web',
    'spec:',
    '  defaultBackend:',
    '    service:',
    '      name: fallback',
    '      port:',
    '        number: 8080',
    '  rules:',
    '  - host: example.com',
    '    http:',
    '      paths:',
    '      - path: /api # the API',
    '        pathType: ImplementationSpecific',
    '        backend:',
    '          service:',
    '            name: api',
    '            port:',
    '              name: http',
    '      - pathType: ImplementationSpecific',
    '        backend: {service: {name: "web", port: {number: 80}}}',
  );
  const actions = checkFix({ files: { 'ingress.yaml': before }, code: 'removed-api-version', at: 'networking.k8s.io/v1beta1', expected: after });
  assert.equal(
    actions[0]!.title,
    'Migrate Ingress to networking.k8s.io/v1 (spec.backend → spec.defaultBackend; serviceName/servicePort → service.name/service.port; pathType: ImplementationSpecific)',
  );
});

test('extensions/v1beta1 Ingress in a kind: List: the item is migrated in place', () => {
  const list = (apiVersion: string, ...backend: string[]) =>
    lines(
      'apiVersion: v1',
      'kind: List',
      'items:',
      `- apiVersion: ${apiVersion}`,
      '  kind: Ingress',
      '  metadata: {name: web}',
      '  spec:',
      '    rules:',
      '    - http:',
      '        paths:',
      ...backend,
    );
  checkFix({
    files: { 'list.yaml': list('extensions/v1beta1', '        - path: /', '          backend:', '            serviceName: web', '            servicePort: 80') },
    code: 'removed-api-version',
    at: 'extensions/v1beta1',
    expected: list(
      'networking.k8s.io/v1',
      '        - path: /',
      '          pathType: ImplementationSpecific',
      '          backend:',
      '            service:',
      '              name: web',
      '              port:',
      '                number: 80',
    ),
  });
});

test('a kind whose shape did not change: only the apiVersion (here a deprecated one, still served)', () => {
  const pdb = (apiVersion: string) => lines(`apiVersion: ${apiVersion}`, 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', '  minAvailable: 1', '  selector: {matchLabels: {app: web}}');
  checkFix({ files: { 'pdb.yaml': pdb('policy/v1beta1') }, version: '1.24', code: 'deprecated-api-version', at: 'policy/v1beta1', expected: pdb('policy/v1') });
  checkFix({ files: { 'pdb.yaml': pdb('"policy/v1beta1"') }, version: '1.35', code: 'removed-api-version', at: '"policy/v1beta1"', expected: pdb('"policy/v1"') });
});

test('HorizontalPodAutoscaler autoscaling/v2beta1 → v2: metrics get metric.name and a typed target', () => {
  const hpa = (apiVersion: string, ...metrics: string[]) =>
    lines(
      `apiVersion: ${apiVersion}`,
      'kind: HorizontalPodAutoscaler',
      'metadata: {name: web}',
      'spec:',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
      '  maxReplicas: 5',
      '  metrics:',
      ...metrics,
    );
  const deployment = lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec: {containers: [{name: web, image: nginx, resources: {requests: {cpu: 100m}}}]}',
  );
  checkFix({
    files: {
      'hpa.yaml': hpa(
        'autoscaling/v2beta1',
        '  - type: Resource',
        '    resource:',
        '      name: cpu',
        '      targetAverageUtilization: 70',
        '  - type: Pods',
        '    pods:',
        '      metricName: queue_depth',
        '      targetAverageValue: "10"',
        '      selector:',
        '        matchLabels: {queue: jobs}',
        '  - type: External',
        '    external: {metricName: lag, targetValue: 100}',
      ),
      'deploy.yaml': deployment,
    },
    code: 'removed-api-version',
    at: 'autoscaling/v2beta1',
    expected: hpa(
      'autoscaling/v2',
      '  - type: Resource',
      '    resource:',
      '      name: cpu',
      '      target:',
      '        type: Utilization',
      '        averageUtilization: 70',
      '  - type: Pods',
      '    pods:',
      '      metric:',
      '        name: queue_depth',
      '        selector:',
      '          matchLabels:',
      '            queue: jobs',
      '      target:',
      '        type: AverageValue',
      '        averageValue: "10"',
      '  - type: External',
      '    external: {metric: {name: lag}, target: {type: Value, value: 100}}',
    ),
  });
});

test('no replacement served by the chosen version, no migration (PodSecurityPolicy has none at all)', () => {
  const psp = lines('apiVersion: extensions/v1beta1', 'kind: PodSecurityPolicy', 'metadata: {name: p}', 'spec: {}');
  assert.deepEqual(offered({ 'psp.yaml': psp }, 'removed-api-version', 'extensions/v1beta1'), []);
});
