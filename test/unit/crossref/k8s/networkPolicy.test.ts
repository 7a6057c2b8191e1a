import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboveHint, expectOne, lines, ofCode, workspace } from './crossrefHelpers';

const deployment = (ns?: string) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    ...(ns ? [`  namespace: ${ns}`] : []),
    'spec:',
    '  selector: {matchLabels: {app: api}}',
    '  template:',
    '    metadata: {labels: {app: api, tier: backend}}',
    '    spec: {containers: [{name: api, image: api}]}',
  );
const policy = (podSelector: string, extra: string[] = []) =>
  lines('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: allow-api}', 'spec:', `  podSelector: ${podSelector}`, '  policyTypes: [Ingress]', ...extra);

test('netpol-podselector-no-pods fires at podSelector with the nearest pod template', () => {
  const ws = workspace({ 'deploy.yaml': deployment(), 'np.yaml': policy('{matchLabels: {app: apj}}') });
  expectOne(ws.findings(), 'netpol-podselector-no-pods', {
    severity: 'warning',
    text: 'podSelector',
    message: /NetworkPolicy "allow-api" selects no pods: no pod template matches app=apj/,
  });
  const withNearest = workspace({ 'deploy.yaml': deployment(), 'np.yaml': policy('{matchLabels: {app: api, tier: frontend}}') });
  expectOne(withNearest.findings(), 'netpol-podselector-no-pods', { severity: 'warning', text: 'podSelector', related: [['deploy.yaml', 'labels']] });
});

test('the nearest legal variants: matchLabels subset, and matchExpressions (NotIn satisfied by an absent key)', () => {
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'np.yaml': policy('{matchLabels: {app: api}}') }).findings(), []);
  const expr = policy('{matchExpressions: [{key: tier, operator: In, values: [backend]}, {key: canary, operator: NotIn, values: ["true"]}]}');
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'np.yaml': expr }).findings(), []);
  const miss = policy('{matchExpressions: [{key: tier, operator: In, values: [frontend]}]}');
  expectOne(workspace({ 'deploy.yaml': deployment(), 'np.yaml': miss }).findings(), 'netpol-podselector-no-pods', { severity: 'warning', text: 'podSelector', message: /tier in \(frontend\)/ });
});

test('must not flag: `podSelector: {}` default-deny, also in a namespace whose workloads live elsewhere (§5.1 #19)', () => {
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'np.yaml': policy('{}') }).findings(), []);
  const elsewhere = workspace({ 'deploy.yaml': deployment('prod'), 'np.yaml': policy('{}').replace('name: allow-api}', 'name: deny, namespace: staging}') });
  const found = elsewhere.findings();
  assert.deepEqual(aboveHint(found), []);
  expectOne(found, 'netpol-podselector-no-pods', { severity: 'hint', text: 'podSelector' });
});

test('must not flag: pods selected by runtime-injected labels (§5.1 #5)', () => {
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'np.yaml': policy('{matchLabels: {app: api, pod-template-hash: 5d8f7c}}') }).findings(), []);
});

test('must not flag: pods from an operator CRD in the namespace, or a workspace with no workloads, stay Hints (§5.1 #4, #28)', () => {
  const prometheus = lines('apiVersion: monitoring.coreos.com/v1', 'kind: Prometheus', 'metadata: {name: main}', 'spec: {replicas: 2}');
  assert.deepEqual(aboveHint(workspace({ 'deploy.yaml': deployment(), 'p.yaml': prometheus, 'np.yaml': policy('{matchLabels: {app.kubernetes.io/name: prometheus}}') }).findings()), []);
  assert.deepEqual(aboveHint(workspace({ 'np.yaml': policy('{matchLabels: {app: api}}') }).findings()), []);
});

test('netpol-peer-podselector-no-pods: a same-namespace peer that selects nothing is a Hint', () => {
  const np = policy('{matchLabels: {app: api}}', ['  ingress:', '    - from:', '        - podSelector: {matchLabels: {app: fronted}}']);
  expectOne(workspace({ 'deploy.yaml': deployment(), 'np.yaml': np }).findings(), 'netpol-peer-podselector-no-pods', { severity: 'hint', text: 'podSelector', message: /ingress peer selects no pods/ });
});

test('must not flag: peers with a namespaceSelector reaching other teams (§5.1 #20)', () => {
  const np = policy('{matchLabels: {app: api}}', ['  ingress:', '    - from:', '        - namespaceSelector: {matchLabels: {team: web}}', '          podSelector: {matchLabels: {app: frontend}}']);
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'np.yaml': np }).findings(), []);
});

const servingDeployment = (name: string, labels: string, ports: string) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: ${name}}`,
    'spec:',
    `  selector: {matchLabels: ${labels}}`,
    '  template:',
    `    metadata: {labels: ${labels}}`,
    `    spec: {containers: [{name: ${name}, image: ${name}, ports: ${ports}}]}`,
  );
const withPorts = () => servingDeployment('api', '{app: api}', '[{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]');

test('netpol-named-port-unknown: an ingress port name no selected container declares is a Hint, with a suggestion and the declaring container', () => {
  const np = policy('{matchLabels: {app: api}}', ['  ingress:', '    - ports:', '        - port: htttp']);
  expectOne(workspace({ 'deploy.yaml': withPorts(), 'np.yaml': np }).findings(), 'netpol-named-port-unknown', {
    severity: 'hint',
    text: 'htttp',
    message: /allows ingress to port "htttp" \(TCP\), but no container of the pods it selects has a port of that name \(they name http\/TCP, metrics\/TCP\); did you mean "http"\?/,
    related: [['deploy.yaml', '{name: http, containerPort: 8080}']],
  });
});

test('netpol-named-port-unknown, nearest legal variants: the declared name, a number, another protocol is still unknown', () => {
  const ok = policy('{matchLabels: {app: api}}', ['  ingress:', '    - ports:', '        - port: http', '        - port: 9090']);
  assert.deepEqual(workspace({ 'deploy.yaml': withPorts(), 'np.yaml': ok }).findings(), []);
  const udp = policy('{matchLabels: {app: api}}', ['  ingress:', '    - ports:', '        - {port: http, protocol: UDP}']);
  expectOne(workspace({ 'deploy.yaml': withPorts(), 'np.yaml': udp }).findings(), 'netpol-named-port-unknown', { severity: 'hint', text: 'http', message: /port "http" \(UDP\)/ });
});

test('netpol-named-port-unknown on egress: judged against same-namespace peer pods only', () => {
  const db = servingDeployment('db', '{app: db}', '[{name: postgres, containerPort: 5432}]');
  const egress = (peer: string, port: string) => policy('{matchLabels: {app: api}}', ['  policyTypes: [Egress]', '  egress:', '    - to:', `        - ${peer}`, '      ports:', `        - port: ${port}`]);
  expectOne(workspace({ 'deploy.yaml': withPorts(), 'db.yaml': db, 'np.yaml': egress('podSelector: {matchLabels: {app: db}}', 'postgress') }).findings(), 'netpol-named-port-unknown', {
    severity: 'hint',
    text: 'postgress',
    message: /egress to port "postgress".*the egress peer pods.*did you mean "postgres"/,
  });
  assert.deepEqual(workspace({ 'deploy.yaml': withPorts(), 'db.yaml': db, 'np.yaml': egress('podSelector: {matchLabels: {app: db}}', 'postgres') }).findings(), []);
  // Other namespaces, IP blocks and "anywhere" are destinations this workspace cannot see.
  for (const peer of ['namespaceSelector: {matchLabels: {team: data}}', 'ipBlock: {cidr: 10.0.0.0/8}']) {
    assert.deepEqual(workspace({ 'deploy.yaml': withPorts(), 'db.yaml': db, 'np.yaml': egress(peer, 'postgress') }).findings(), [], peer);
  }
});

test('must not flag a named port when the policy selects no pods here (netpol-podselector-no-pods speaks), or when pods come and go half-typed', () => {
  const np = policy('{matchLabels: {app: elsewhere}}', ['  ingress:', '    - ports:', '        - port: htttp']);
  assert.deepEqual(ofCode(workspace({ 'deploy.yaml': withPorts(), 'np.yaml': np }).findings(), 'netpol-named-port-unknown'), []);
  const halfTyped = policy('{matchLabels: {app: api}}', ['  ingress:', '    - ports:', '        - port:', '        - {}', '        - 7', '    - null']);
  assert.deepEqual(workspace({ 'deploy.yaml': withPorts(), 'np.yaml': halfTyped }).findings(), []);
});

const namespace = (name: string, labels = '{}') => lines('apiVersion: v1', 'kind: Namespace', `metadata: {name: ${name}, labels: ${labels}}`);
const fromNamespaces = (selector: string) => policy('{matchLabels: {app: api}}', ['  ingress:', '    - from:', `        - namespaceSelector: ${selector}`]);

test('netpol-namespaceselector-no-namespaces: a selector matching none of the declared Namespaces is a Hint pointing at one', () => {
  const ws = workspace({ 'deploy.yaml': deployment(), 'ns.yaml': namespace('web', '{team: web}'), 'np.yaml': fromNamespaces('{matchLabels: {team: wbe}}') });
  expectOne(ws.findings(), 'netpol-namespaceselector-no-namespaces', {
    severity: 'hint',
    text: 'namespaceSelector',
    message: /ingress peer's namespaceSelector \(team=wbe\) matches none of the 1 Namespace declared/,
    related: [['ns.yaml', 'labels']],
  });
});

test('netpol-namespaceselector-no-namespaces, legal variants: a matching label, the implicit kubernetes.io/metadata.name, `{}`, and no Namespaces declared at all', () => {
  const ns = namespace('web', '{team: web}');
  for (const selector of ['{matchLabels: {team: web}}', '{matchLabels: {kubernetes.io/metadata.name: web}}', '{matchExpressions: [{key: team, operator: Exists}]}', '{}']) {
    assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'ns.yaml': ns, 'np.yaml': fromNamespaces(selector) }).findings(), [], selector);
  }
  assert.deepEqual(workspace({ 'deploy.yaml': deployment(), 'np.yaml': fromNamespaces('{matchLabels: {team: wbe}}') }).findings(), []);
});

test('netpol-namespaceselector-no-namespaces follows edits: labelling the Namespace clears the finding in the policy', () => {
  const ws = workspace({ 'deploy.yaml': deployment(), 'ns.yaml': namespace('web'), 'np.yaml': fromNamespaces('{matchLabels: {team: web}}') });
  assert.equal(ofCode(ws.findings(), 'netpol-namespaceselector-no-namespaces').length, 1);
  ws.update('ns.yaml', namespace('web', '{team: web}'));
  assert.deepEqual(ofCode(ws.findings(), 'netpol-namespaceselector-no-namespaces'), []);
});
