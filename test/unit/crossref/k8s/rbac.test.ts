import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboveHint, expectOne, lines, ofCode, workspace } from './crossrefHelpers';

const binding = (kind: 'RoleBinding' | 'ClusterRoleBinding', roleRef: string, subjects: string[], ns?: string) =>
  lines(
    'apiVersion: rbac.authorization.k8s.io/v1',
    `kind: ${kind}`,
    'metadata:',
    '  name: b',
    ...(ns ? [`  namespace: ${ns}`] : []),
    `roleRef: ${roleRef}`,
    'subjects:',
    ...subjects.map((s) => `  - ${s}`),
  );
const role = (kind: 'Role' | 'ClusterRole', name: string, ns?: string) =>
  lines('apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, `metadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}`, 'rules: []');
const sa = (name: string, ns?: string) => lines('apiVersion: v1', 'kind: ServiceAccount', `metadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}`);
const RBAC = 'apiGroup: rbac.authorization.k8s.io';

test('roleref-missing fires at roleRef.name with the nearest Role', () => {
  const ws = workspace({ 'r.yaml': role('Role', 'reader'), 'sa.yaml': sa('app'), 'b.yaml': binding('RoleBinding', `{${RBAC}, kind: Role, name: readr}`, ['{kind: ServiceAccount, name: app}']) });
  expectOne(ws.findings(), 'roleref-missing', { severity: 'warning', text: 'readr', related: [['r.yaml', 'name']], message: /Role "readr" not found; did you mean "reader"\?.*grants nothing/ });
  assert.deepEqual(workspace({ 'r.yaml': role('Role', 'reader'), 'sa.yaml': sa('app'), 'b.yaml': binding('RoleBinding', `{${RBAC}, kind: Role, name: reader}`, ['{kind: ServiceAccount, name: app}']) }).findings(), []);
});

test('roleref-missing: a Role is looked up in the binding\'s namespace', () => {
  const ws = workspace({ 'r.yaml': role('Role', 'reader', 'prod'), 'sa.yaml': sa('app', 'dev'), 'b.yaml': binding('RoleBinding', `{${RBAC}, kind: Role, name: reader}`, ['{kind: ServiceAccount, name: app}'], 'dev') });
  expectOne(ws.findings(), 'roleref-missing', { severity: 'warning', text: 'reader', message: /is in namespace "prod", but references are namespace-local/ });
});

test('must not flag: RoleBinding → built-in ClusterRoles edit/view/admin and system:* (§5.1 #13); User/Group subjects (#14)', () => {
  const ws = workspace({
    'sa.yaml': sa('app'),
    'r.yaml': role('ClusterRole', 'custom'),
    'a.yaml': binding('RoleBinding', `{${RBAC}, kind: ClusterRole, name: edit}`, ['{kind: ServiceAccount, name: app}', `{kind: User, name: jane, ${RBAC}}`]),
    'b.yaml': binding('ClusterRoleBinding', `{${RBAC}, kind: ClusterRole, name: "system:auth-delegator"}`, [`{kind: Group, name: "system:serviceaccounts:team-a", ${RBAC}}`]),
  });
  assert.deepEqual(ws.findings(), []);
});

test('roleref-invalid: wrong apiGroup, and a ClusterRoleBinding referencing a Role', () => {
  const wrongGroup = workspace({ 'r.yaml': role('ClusterRole', 'custom'), 'b.yaml': binding('ClusterRoleBinding', '{apiGroup: rbac, kind: ClusterRole, name: custom}', [`{kind: User, name: jane, ${RBAC}}`]) });
  expectOne(wrongGroup.findings(), 'roleref-invalid', { severity: 'error', text: 'rbac' });
  const roleInCrb = workspace({ 'r.yaml': role('Role', 'reader'), 'b.yaml': binding('ClusterRoleBinding', `{${RBAC}, kind: Role, name: reader}`, [`{kind: User, name: jane, ${RBAC}}`]) });
  expectOne(roleInCrb.findings(), 'roleref-invalid', { severity: 'error', text: 'Role', message: /A ClusterRoleBinding can only reference ClusterRole, not Role/ });
});

test('subject-serviceaccount-missing: in the subject namespace, defaulting to the binding\'s', () => {
  const ws = workspace({ 'sa.yaml': sa('builder', 'ci'), 'b.yaml': binding('RoleBinding', `{${RBAC}, kind: ClusterRole, name: view}`, ['{kind: ServiceAccount, name: buildr, namespace: ci}'], 'ci') });
  expectOne(ws.findings(), 'subject-serviceaccount-missing', { severity: 'warning', text: 'buildr', related: [['sa.yaml', 'name']] });
  const defaulted = workspace({ 'sa.yaml': sa('builder', 'ci'), 'b.yaml': binding('RoleBinding', `{${RBAC}, kind: ClusterRole, name: view}`, ['{kind: ServiceAccount, name: builder}'], 'ci') });
  assert.deepEqual(defaulted.findings(), []);
});

test('must not flag: a SA subject in another team\'s namespace the workspace does not define (§5.1 #8) is only a Hint', () => {
  const ws = workspace({ 'sa.yaml': sa('app', 'dev'), 'b.yaml': binding('ClusterRoleBinding', `{${RBAC}, kind: ClusterRole, name: view}`, ['{kind: ServiceAccount, name: prometheus-k8s, namespace: monitoring}']) });
  assert.deepEqual(aboveHint(ws.findings()), []);
  // The `default` account exists in every namespace.
  assert.deepEqual(workspace({ 'sa.yaml': sa('app'), 'b.yaml': binding('RoleBinding', `{${RBAC}, kind: ClusterRole, name: view}`, ['{kind: ServiceAccount, name: default, namespace: other}']) }).findings(), []);
});

test('crb-sa-subject-namespace-required: SA subjects of a ClusterRoleBinding need a namespace; apiGroup per kind', () => {
  const ws = workspace({ 'sa.yaml': sa('app'), 'b.yaml': binding('ClusterRoleBinding', `{${RBAC}, kind: ClusterRole, name: view}`, ['{kind: ServiceAccount, name: app}']) });
  expectOne(ws.findings(), 'crb-sa-subject-namespace-required', { severity: 'error', text: 'name', message: /needs a namespace/ });
  assert.deepEqual(ofCode(ws.findings(), 'subject-serviceaccount-missing'), []);
  const groups = workspace({ 'b.yaml': binding('RoleBinding', `{${RBAC}, kind: ClusterRole, name: view}`, ['{kind: ServiceAccount, name: default, apiGroup: v1}', '{kind: User, name: jane}']) });
  assert.deepEqual(ofCode(groups.findings(), 'crb-sa-subject-namespace-required').map((f) => [f.severity, f.text]), [['error', 'v1'], ['error', 'User']]);
  assert.deepEqual(workspace({ 'sa.yaml': sa('app'), 'b.yaml': binding('ClusterRoleBinding', `{${RBAC}, kind: ClusterRole, name: view}`, ['{kind: ServiceAccount, name: app, namespace: default}']) }).findings(), []);
});
