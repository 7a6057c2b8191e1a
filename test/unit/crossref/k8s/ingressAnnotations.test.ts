import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, lines, ofCode, workspace } from './crossrefHelpers';

const CODE = 'ingress-annotations-refs';

const ingress = (annotations: Record<string, string>, namespace = 'web') =>
  lines(
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: site',
    `  namespace: ${namespace}`,
    '  annotations:',
    ...Object.entries(annotations).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`),
    'spec: {defaultBackend: {service: {name: site, port: {number: 80}}}}',
  );
const site = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: site, namespace: web}', 'spec: {ports: [{port: 80}]}');
const secret = (name: string, namespace = 'web') => lines('apiVersion: v1', 'kind: Secret', `metadata: {name: ${name}, namespace: ${namespace}}`, 'stringData: {auth: "user:hash"}');
const issuer = lines('apiVersion: cert-manager.io/v1', 'kind: Issuer', 'metadata: {name: letsencrypt, namespace: web}', 'spec: {acme: {server: "https://acme.example"}}');
const clusterIssuer = lines('apiVersion: cert-manager.io/v1', 'kind: ClusterIssuer', 'metadata: {name: letsencrypt-prod}', 'spec: {acme: {server: "https://acme.example"}}');

test('ingress-annotations-refs: an nginx auth-secret the workspace lacks is a Hint on the annotation value, suggesting the nearest Secret', () => {
  const ws = workspace({ 'svc.yaml': site, 'secret.yaml': secret('basic-auth'), 'ing.yaml': ingress({ 'nginx.ingress.kubernetes.io/auth-secret': 'basic-auht' }) });
  expectOne(ws.findings(), CODE, { severity: 'hint', text: '"basic-auht"', message: /auth Secret "basic-auht" not found in namespace "web"; did you mean "basic-auth"\?/, related: [['secret.yaml', 'name']] });
});

test('ingress-annotations-refs, legal variants: the Secret by name or as namespace/name, an Issuer, a ClusterIssuer, a default backend Service', () => {
  const files = { 'svc.yaml': site, 'secret.yaml': secret('basic-auth'), 'ca.yaml': secret('ca', 'certs'), 'issuer.yaml': issuer, 'cluster-issuer.yaml': clusterIssuer };
  const annotations = {
    'nginx.ingress.kubernetes.io/auth-secret': 'basic-auth',
    'nginx.ingress.kubernetes.io/auth-tls-secret': 'certs/ca',
    'nginx.ingress.kubernetes.io/default-backend': 'site',
    'cert-manager.io/issuer': 'letsencrypt',
    'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
  };
  assert.deepEqual(ofCode(workspace({ ...files, 'ing.yaml': ingress(annotations) }).findings(), CODE), []);
});

test('ingress-annotations-refs names the other namespace for namespace/name, and each kind it checks', () => {
  const ws = workspace({
    'svc.yaml': site,
    'issuer.yaml': issuer,
    'secret.yaml': secret('basic-auth'),
    'ing.yaml': ingress({ 'nginx.ingress.kubernetes.io/auth-tls-secret': 'certs/ca', 'cert-manager.io/issuer': 'letsencrpyt', 'nginx.ingress.kubernetes.io/default-backend': 'sit' }),
  });
  const found = ofCode(ws.findings(), CODE);
  assert.deepEqual(found.map((f) => f.severity), ['hint', 'hint', 'hint']);
  assert.ok(found.some((f) => /client-certificate CA Secret "ca" not found in namespace "certs"/.test(f.message)), JSON.stringify(found.map((f) => f.message)));
  assert.ok(found.some((f) => /cert-manager Issuer "letsencrpyt" not found in namespace "web"; did you mean "letsencrypt"\?/.test(f.message)));
  assert.ok(found.some((f) => /default backend Service "sit" not found in namespace "web"; did you mean "site"\?/.test(f.message)));
});

test('must not flag: a kind the workspace keeps none of (issuers live with the cluster add-ons, §5.1 #7)', () => {
  const ws = workspace({ 'svc.yaml': site, 'ing.yaml': ingress({ 'cert-manager.io/cluster-issuer': 'letsencrypt', 'nginx.ingress.kubernetes.io/auth-secret': 'basic-auth' }) });
  assert.deepEqual(ofCode(ws.findings(), CODE), []);
});

test('must not flag: a Secret an ExternalSecret provides, known objects from settings, annotations of other controllers', () => {
  const external = lines('apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata: {name: basic-auth, namespace: web}', 'spec: {target: {name: basic-auth}}');
  assert.deepEqual(ofCode(workspace({ 'svc.yaml': site, 'secret.yaml': secret('other'), 'es.yaml': external, 'ing.yaml': ingress({ 'nginx.ingress.kubernetes.io/auth-secret': 'basic-auth' }) }).findings(), CODE), []);
  const known = workspace({ 'svc.yaml': site, 'secret.yaml': secret('other'), 'ing.yaml': ingress({ 'nginx.ingress.kubernetes.io/auth-secret': 'made-by-ci' }) }, ['Secret/web/made-by-ci']);
  assert.deepEqual(ofCode(known.findings(), CODE), []);
  assert.deepEqual(ofCode(workspace({ 'svc.yaml': site, 'ing.yaml': ingress({ 'traefik.ingress.kubernetes.io/router.middlewares': 'web-auth@kubernetescrd', 'nginx.ingress.kubernetes.io/auth-secret': '' }) }).findings(), CODE), []);
});
