import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aboveHint, expectOne, lines, ofCode, workspace as bare } from './crossrefHelpers';

const pods = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: web, labels: {app: web}}', 'spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}');
// Every workspace here has the pods the Service selects, so only Ingress findings remain.
const workspace = (files: Record<string, string>) => bare({ 'pod.yaml': pods, ...files });
const service = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector: {app: web}', '  ports: [{name: http, port: 80, targetPort: 8080}]');
const ingress = (backend: string[], extra: string[] = []) =>
  lines(
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: web',
    ...extra,
    'spec:',
    '  rules:',
    '    - http:',
    '        paths:',
    '          - path: /',
    '            pathType: Prefix',
    '            backend:',
    ...backend.map((l) => `              ${l}`),
  );
const v1 = (name: string, port: string) => ['service:', `  name: ${name}`, `  port: ${port}`];

test('ingress-backend-service-missing fires at the service name, suggesting the nearest Service', () => {
  const ws = workspace({ 'svc.yaml': service, 'ing.yaml': ingress(v1('wev', '{number: 80}')) });
  expectOne(ws.findings(), 'ingress-backend-service-missing', { severity: 'warning', text: 'wev', related: [['svc.yaml', 'name']], message: /backend Service "wev" not found; did you mean "web"\?/ });
});

test('ingress-backend-port-mismatch: a number that is the targetPort, not the Service port', () => {
  const ws = workspace({ 'svc.yaml': service, 'ing.yaml': ingress(v1('web', '{number: 8080}')) });
  expectOne(ws.findings(), 'ingress-backend-port-mismatch', { severity: 'warning', text: '8080', related: [['svc.yaml', 'ports']], message: /Service "web" has no port 8080 \(it exposes 80\/"http"\)/ });
});

test('ingress-backend-port-mismatch: an unknown port name, and number and name together', () => {
  const byName = workspace({ 'svc.yaml': service, 'ing.yaml': ingress(v1('web', '{name: htp}')) });
  expectOne(byName.findings(), 'ingress-backend-port-mismatch', { severity: 'warning', text: 'htp', message: /no port named "htp"/ });
  const both = workspace({ 'svc.yaml': service, 'ing.yaml': ingress(v1('web', '{name: http, number: 80}')) });
  expectOne(both.findings(), 'ingress-backend-port-mismatch', { severity: 'warning', text: 'port', message: /either port.number or port.name/ });
});

test('the nearest legal variants: the Service port by number and by name', () => {
  assert.deepEqual(workspace({ 'svc.yaml': service, 'ing.yaml': ingress(v1('web', '{number: 80}')) }).findings(), []);
  assert.deepEqual(workspace({ 'svc.yaml': service, 'ing.yaml': ingress(v1('web', '{name: http}')) }).findings(), []);
});

test('legacy extensions/v1beta1 serviceName/servicePort backends are checked the same way', () => {
  const legacy = (name: string, port: string) =>
    ingress([`serviceName: ${name}`, `servicePort: ${port}`]).replace('networking.k8s.io/v1', 'extensions/v1beta1');
  expectOne(workspace({ 'svc.yaml': service, 'ing.yaml': legacy('missing', '80') }).findings(), 'ingress-backend-service-missing', { severity: 'warning', text: 'missing' });
  expectOne(workspace({ 'svc.yaml': service, 'ing.yaml': legacy('web', '8080') }).findings(), 'ingress-backend-port-mismatch', { severity: 'warning', text: '8080' });
  expectOne(workspace({ 'svc.yaml': service, 'ing.yaml': legacy('web', 'htp') }).findings(), 'ingress-backend-port-mismatch', { severity: 'warning', text: 'htp' });
  assert.deepEqual(workspace({ 'svc.yaml': service, 'ing.yaml': legacy('web', 'http') }).findings(), []);
});

test('defaultBackend is checked too', () => {
  const ing = lines('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web}', 'spec:', '  defaultBackend:', '    service: {name: nope, port: {number: 80}}');
  expectOne(workspace({ 'svc.yaml': service, 'ing.yaml': ing }).findings(), 'ingress-backend-service-missing', { severity: 'warning', text: 'nope' });
});

test('must not flag: an ExternalName Service without ports as backend (§5.1 #3)', () => {
  const external = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: ext}', 'spec: {type: ExternalName, externalName: api.example.com}');
  assert.deepEqual(workspace({ 'svc.yaml': external, 'ing.yaml': ingress(v1('ext', '{number: 443}')) }).findings(), []);
});

test('must not flag: resource backends and ALB use-annotation actions (§5.1 #23)', () => {
  const resource = ingress(['resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static-assets}']);
  const alb = ingress(v1('ssl-redirect', '{name: use-annotation}'), ['  annotations:', '    alb.ingress.kubernetes.io/actions.ssl-redirect: "{}"']);
  assert.deepEqual(workspace({ 'svc.yaml': service, 'a.yaml': resource, 'b.yaml': alb }).findings(), []);
});

test('must not flag: un-namespaced Ingress and a Service in `default` (§5.1 #9); other namespaces are namespace-local (§5.1 #10)', () => {
  const inDefault = service.replace('metadata: {name: web}', 'metadata: {name: web, namespace: default}');
  assert.deepEqual(workspace({ 'svc.yaml': inDefault, 'ing.yaml': ingress(v1('web', '{number: 80}')) }).findings(), []);
  const prod = service.replace('metadata: {name: web}', 'metadata: {name: web, namespace: prod}');
  const dev = ingress(v1('web', '{number: 80}')).replace('  name: web\n', '  name: web\n  namespace: dev\n');
  expectOne(workspace({ 'svc.yaml': prod, 'ing.yaml': dev }).findings(), 'ingress-backend-service-missing', { severity: 'warning', text: 'web', message: /is in namespace "prod", but references are namespace-local/ });
});

test('must not flag: a workspace without any Service only hints (§5.1 #28)', () => {
  assert.deepEqual(aboveHint(bare({ 'ing.yaml': ingress(v1('web', '{number: 80}')) }).findings()), []);
});

const tls = (secret: string, annotations: string[] = []) =>
  lines('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', ...annotations, 'spec:', '  tls:', `    - hosts: [example.com]`, `      secretName: ${secret}`, '  defaultBackend: {service: {name: web, port: {number: 80}}}');
const tlsSecret = (type = 'kubernetes.io/tls', keys = 'tls.crt: eA==, tls.key: eA==') => lines('apiVersion: v1', 'kind: Secret', 'metadata: {name: web-tls}', `type: ${type}`, `data: {${keys}}`);

test('ingress-tls-secret-missing at the secretName; a literal TLS Secret satisfies it', () => {
  expectOne(workspace({ 'svc.yaml': service, 's.yaml': tlsSecret(), 'ing.yaml': tls('web-tsl') }).findings(), 'ingress-tls-secret-missing', { severity: 'warning', text: 'web-tsl', related: [['s.yaml', 'name']], message: /TLS Secret "web-tsl" not found; did you mean "web-tls"\?/ });
  assert.deepEqual(workspace({ 'svc.yaml': service, 's.yaml': tlsSecret(), 'ing.yaml': tls('web-tls') }).findings(), []);
});

test('ingress-tls-secret-missing: a Secret of the wrong type or without the TLS keys', () => {
  expectOne(workspace({ 'svc.yaml': service, 's.yaml': tlsSecret('Opaque'), 'ing.yaml': tls('web-tls') }).findings(), 'ingress-tls-secret-missing', { severity: 'warning', text: 'web-tls', message: /has type Opaque/ });
  expectOne(workspace({ 'svc.yaml': service, 's.yaml': tlsSecret('kubernetes.io/tls', 'cert: eA=='), 'ing.yaml': tls('web-tls') }).findings(), 'ingress-tls-secret-missing', { severity: 'warning', text: 'web-tls', message: /no tls.crt or tls.key/ });
});

test('must not flag: TLS Secrets from cert-manager annotations or a Certificate (§5.1 #7)', () => {
  const other = lines('apiVersion: v1', 'kind: Secret', 'metadata: {name: other}', 'type: Opaque');
  assert.deepEqual(workspace({ 'svc.yaml': service, 's.yaml': other, 'ing.yaml': tls('web-tls', ['  annotations: {cert-manager.io/cluster-issuer: letsencrypt}']) }).findings(), []);
  const certificate = lines('apiVersion: cert-manager.io/v1', 'kind: Certificate', 'metadata: {name: web}', 'spec: {secretName: web-tls, issuerRef: {name: letsencrypt}}');
  assert.deepEqual(workspace({ 'svc.yaml': service, 's.yaml': other, 'c.yaml': certificate, 'ing.yaml': tls('web-tls') }).findings(), []);
});

test('ingressclass-unknown is at most a Hint (§5.1 #24)', () => {
  const ing = ingress(v1('web', '{number: 80}')).replace('spec:\n', 'spec:\n  ingressClassName: nginx\n');
  const found = workspace({ 'svc.yaml': service, 'ing.yaml': ing }).findings();
  expectOne(found, 'ingressclass-unknown', { severity: 'hint', text: 'nginx' });
  assert.deepEqual(aboveHint(found), []);
  assert.deepEqual(ofCode(workspace({ 'svc.yaml': service, 'ing.yaml': ing, 'c.yaml': lines('apiVersion: networking.k8s.io/v1', 'kind: IngressClass', 'metadata: {name: nginx}', 'spec: {controller: k8s.io/ingress-nginx}') }).findings(), 'ingressclass-unknown'), []);
});
