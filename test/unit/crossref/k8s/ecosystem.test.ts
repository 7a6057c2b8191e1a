import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboveHint, expectOne, lines, workspace } from './crossrefHelpers';

const pods = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: api, labels: {app: api}, namespace: shop}', 'spec: {containers: [{name: api, image: api, ports: [{name: metrics, containerPort: 9090}, {name: https, containerPort: 8443}]}]}');
const service = (ns = 'shop', labels = '{app: api}') =>
  lines('apiVersion: v1', 'kind: Service', `metadata: {name: api, namespace: ${ns}, labels: ${labels}}`, 'spec: {selector: {app: api}, ports: [{name: metrics, port: 9090, targetPort: metrics}, {name: https, port: 8443, targetPort: 8443}]}');
const monitor = (selector: string, extra: string[] = [], port = 'metrics') =>
  lines('apiVersion: monitoring.coreos.com/v1', 'kind: ServiceMonitor', 'metadata: {name: api, namespace: monitoring}', 'spec:', `  selector: ${selector}`, ...extra, `  endpoints: [{port: ${port}}]`);
const nsShop = ['  namespaceSelector: {matchNames: [shop]}'];

test('servicemonitor-no-services: selector vs Service labels, in the namespaces it names', () => {
  const ws = workspace({ 'p.yaml': pods, 's.yaml': service(), 'm.yaml': monitor('{matchLabels: {app: apj}}', nsShop) });
  expectOne(ws.findings(), 'servicemonitor-no-services', { severity: 'warning', text: 'selector', message: /matches no Service: none has the labels app=apj/ });
  const labelled = workspace({ 'p.yaml': pods, 's.yaml': service(), 'm.yaml': monitor('{matchLabels: {app: api, team: x}}', nsShop) });
  expectOne(labelled.findings(), 'servicemonitor-no-services', { severity: 'warning', text: 'selector', related: [['s.yaml', 'labels']] });
  assert.deepEqual(workspace({ 'p.yaml': pods, 's.yaml': service(), 'm.yaml': monitor('{matchLabels: {app: api}}', nsShop) }).findings(), []);
});

test('servicemonitor-no-services: endpoints[].port must be a Service port name', () => {
  const ws = workspace({ 'p.yaml': pods, 's.yaml': service(), 'm.yaml': monitor('{matchLabels: {app: api}}', nsShop, '"9090"') });
  expectOne(ws.findings(), 'servicemonitor-no-services', { severity: 'warning', text: '"9090"', related: [['s.yaml', 'ports']], message: /No selected Service has a port named "9090" \(metrics, https\)/ });
});

test('must not flag: ServiceMonitor in `monitoring` with matchNames or any: true (§5.1 #29); without them it looks in its own namespace', () => {
  assert.deepEqual(workspace({ 'p.yaml': pods, 's.yaml': service(), 'm.yaml': monitor('{matchLabels: {app: api}}', ['  namespaceSelector: {any: true}']) }).findings(), []);
  const own = workspace({ 'p.yaml': pods, 's.yaml': service(), 'm.yaml': monitor('{matchLabels: {app: api}}') });
  // No Service at all in `monitoring`: deployed elsewhere, so only a Hint.
  expectOne(own.findings(), 'servicemonitor-no-services', { severity: 'hint', text: 'selector' });
});

const webhook = (svc: string) =>
  lines('apiVersion: admissionregistration.k8s.io/v1', 'kind: ValidatingWebhookConfiguration', 'metadata: {name: policy}', 'webhooks:', '  - name: validate.example.com', `    clientConfig: {service: ${svc}}`, '    admissionReviewVersions: [v1]', '    sideEffects: None');

test('webhook-service-missing: the Service in its explicit namespace, and its port (default 443)', () => {
  expectOne(workspace({ 'p.yaml': pods, 's.yaml': service(), 'w.yaml': webhook('{namespace: shop, name: apj, port: 8443}') }).findings(), 'webhook-service-missing', { severity: 'warning', text: 'apj', related: [['s.yaml', 'name']] });
  expectOne(workspace({ 'p.yaml': pods, 's.yaml': service(), 'w.yaml': webhook('{namespace: shop, name: api}') }).findings(), 'webhook-service-missing', { severity: 'warning', text: 'api', related: [['s.yaml', 'ports']], message: /has no port 443 \(the default when port is unset\)/ });
  assert.deepEqual(workspace({ 'p.yaml': pods, 's.yaml': service(), 'w.yaml': webhook('{namespace: shop, name: api, port: 8443}') }).findings(), []);
});

test('must not flag: a webhook Service in a namespace this workspace does not deploy (§5.1 #8) is a Hint', () => {
  assert.deepEqual(aboveHint(workspace({ 'p.yaml': pods, 's.yaml': service(), 'w.yaml': webhook('{namespace: cert-manager, name: cert-manager-webhook}') }).findings()), []);
});

const route = (parent: string, backend: string, ns = 'shop') =>
  lines('apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', `metadata: {name: api, namespace: ${ns}}`, 'spec:', `  parentRefs: [${parent}]`, '  rules:', `    - backendRefs: [${backend}]`);
const gateway = lines('apiVersion: gateway.networking.k8s.io/v1', 'kind: Gateway', 'metadata: {name: public, namespace: infra}', 'spec: {gatewayClassName: gc, listeners: [{name: https, port: 443, protocol: HTTPS}]}');

test('gateway-route-refs: parentRefs → Gateway and listener, backendRefs → Service and port', () => {
  const files = { 'p.yaml': pods, 's.yaml': service(), 'g.yaml': gateway };
  expectOne(workspace({ ...files, 'r.yaml': route('{name: pubic, namespace: infra}', '{name: api, port: 9090}') }).findings(), 'gateway-route-refs', { severity: 'warning', text: 'pubic', related: [['g.yaml', 'name']] });
  expectOne(workspace({ ...files, 'r.yaml': route('{name: public, namespace: infra, sectionName: http}', '{name: api, port: 9090}') }).findings(), 'gateway-route-refs', { severity: 'warning', text: 'http', related: [['g.yaml', 'listeners']] });
  expectOne(workspace({ ...files, 'r.yaml': route('{name: public, namespace: infra}', '{name: api, port: 80}') }).findings(), 'gateway-route-refs', { severity: 'warning', text: '80', related: [['s.yaml', 'ports']] });
  assert.deepEqual(workspace({ ...files, 'r.yaml': route('{name: public, namespace: infra, sectionName: https}', '{name: api, port: 9090}') }).findings(), []);
});

test('gateway-route-refs: a cross-namespace backend needs a ReferenceGrant', () => {
  const files = { 'p.yaml': pods, 's.yaml': service(), 'g.yaml': gateway, 'r.yaml': route('{name: public, namespace: infra}', '{name: api, namespace: shop, port: 9090}', 'web') };
  expectOne(workspace(files).findings(), 'gateway-route-refs', { severity: 'warning', text: 'shop', message: /No ReferenceGrant in namespace "shop"/ });
  const grant = lines('apiVersion: gateway.networking.k8s.io/v1beta1', 'kind: ReferenceGrant', 'metadata: {name: web, namespace: shop}', 'spec:', '  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: web}]', '  to: [{group: "", kind: Service}]');
  assert.deepEqual(workspace({ ...files, 'grant.yaml': grant }).findings(), []);
});

test('vap-binding-refs: policyName → policy, paramRef → the policy\'s paramKind', () => {
  const policy = lines('apiVersion: admissionregistration.k8s.io/v1', 'kind: ValidatingAdmissionPolicy', 'metadata: {name: replicas-limit}', 'spec:', '  paramKind: {apiVersion: v1, kind: ConfigMap}', '  validations: [{expression: "true"}]');
  const cm = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: limits, namespace: policy}', 'data: {max: "5"}');
  const binding = (policyName: string, param: string) => lines('apiVersion: admissionregistration.k8s.io/v1', 'kind: ValidatingAdmissionPolicyBinding', 'metadata: {name: b}', 'spec:', `  policyName: ${policyName}`, `  paramRef: {name: ${param}, namespace: policy, parameterNotFoundAction: Deny}`, '  validationActions: [Deny]');
  expectOne(workspace({ 'p.yaml': policy, 'c.yaml': cm, 'b.yaml': binding('replica-limit', 'limits') }).findings(), 'vap-binding-refs', { severity: 'warning', text: 'replica-limit', related: [['p.yaml', 'name']] });
  expectOne(workspace({ 'p.yaml': policy, 'c.yaml': cm, 'b.yaml': binding('replicas-limit', 'limit') }).findings(), 'vap-binding-refs', { severity: 'warning', text: 'limit', related: [['c.yaml', 'name'], ['p.yaml', 'paramKind']] });
  assert.deepEqual(workspace({ 'p.yaml': policy, 'c.yaml': cm, 'b.yaml': binding('replicas-limit', 'limits') }).findings(), []);
});

test('ownerreference-in-manifest is Information', () => {
  const cm = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', '  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: 1234}]');
  expectOne(workspace({ 'c.yaml': cm }).findings(), 'ownerreference-in-manifest', { severity: 'information', text: 'ownerReferences' });
});
