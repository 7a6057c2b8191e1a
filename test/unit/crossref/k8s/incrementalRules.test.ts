import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, workspace } from './crossrefHelpers';

// The new rules read other objects only through the RuleContext, so an edit re-evaluates exactly the objects it can affect.

const deployment = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 2', '  selector: {matchLabels: {app: web}}', '  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: web, ports: [{name: http, containerPort: 80}]}]}}');
const hpa = (name: string) => lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: web}', 'spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ' + name + '}, maxReplicas: 4}');
const service = (port: number) => lines('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', `spec: {selector: {app: web}, ports: [{name: http, port: ${port}, targetPort: http}]}`);
const ingress = lines('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web}', 'spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}');

test('retargeting an HPA re-evaluates the Deployment (replicas-set-with-hpa) and the HPA itself', () => {
  const ws = workspace({ 'd.yaml': deployment, 'h.yaml': hpa('other'), 's.yaml': service(80), 'i.yaml': ingress });
  assert.deepEqual(ws.findings().map((f) => f.code), ['hpa-target-missing']);
  const affected = ws.update('h.yaml', hpa('web'));
  assert.ok(affected.has('file:///ws/d.yaml'));
  assert.ok(!affected.has('file:///ws/i.yaml'));
  assert.deepEqual(ws.findings().map((f) => [f.uri, f.code]), [['d.yaml', 'replicas-set-with-hpa']]);
});

test('changing a Service port re-evaluates the Ingress that names it', () => {
  const ws = workspace({ 'd.yaml': deployment, 's.yaml': service(80), 'i.yaml': ingress });
  assert.deepEqual(ws.findings(), []);
  const affected = ws.update('s.yaml', service(8080));
  assert.ok(affected.has('file:///ws/i.yaml'));
  assert.deepEqual(ws.findings().map((f) => [f.uri, f.code, f.text]), [['i.yaml', 'ingress-backend-port-mismatch', '80']]);
});
