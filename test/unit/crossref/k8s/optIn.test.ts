import { test } from 'node:test';
import assert from 'node:assert/strict';
import { K8S_RULES, OPT_IN_K8S_RULES } from '../../../../server/src/crossref/k8s/rules';
import { expectOne, lines, workspace } from './crossrefHelpers';

const deployment = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  replicas: 3',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      serviceAccountName: web',
  '      containers: [{name: web, image: web}]',
);
const sa = (automount?: boolean) => lines('apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: web}', ...(automount === undefined ? [] : [`automountServiceAccountToken: ${automount}`]));

test('coverage rules are not on by default and have distinct names', () => {
  const defaults = new Set(K8S_RULES.map((r) => r.name));
  assert.deepEqual(OPT_IN_K8S_RULES.map((r) => r.name), ['pod-not-isolated', 'workload-without-pdb', 'automount-token-via-serviceaccount']);
  for (const rule of OPT_IN_K8S_RULES) assert.ok(!defaults.has(rule.name), rule.name);
  assert.equal(defaults.size, K8S_RULES.length, 'rule names are unique');
  assert.deepEqual(workspace({ 'd.yaml': deployment, 'sa.yaml': sa() }).findings(), []);
});

test('opt-in coverage rules report Information when enabled, and stop once covered', () => {
  const found = workspace({ 'd.yaml': deployment, 'sa.yaml': sa() }, [], OPT_IN_K8S_RULES).findings();
  expectOne(found, 'pod-not-isolated', { severity: 'information', text: 'web' });
  expectOne(found, 'workload-without-pdb', { severity: 'information', text: 'replicas' });
  expectOne(found, 'automount-token-via-serviceaccount', { severity: 'information', text: 'serviceAccountName', related: [['sa.yaml', 'name']] });
  const np = lines('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: deny}', 'spec: {podSelector: {}}');
  const pdb = lines('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}');
  assert.deepEqual(workspace({ 'd.yaml': deployment, 'sa.yaml': sa(false), 'np.yaml': np, 'pdb.yaml': pdb }, [], OPT_IN_K8S_RULES).findings(), []);
});
