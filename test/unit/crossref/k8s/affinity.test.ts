import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, lines, ofCode, workspace } from './crossrefHelpers';

const CODE = 'affinity-selector-matches-nothing';

/** A Deployment `web` (app=web) with the given pod-spec lines (indented under `spec:` of the template). */
const web = (...spec: string[]) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers: [{name: web, image: web}]',
    ...spec.map((l) => `      ${l}`),
  );
const cache = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: cache}',
  'spec:',
  '  selector: {matchLabels: {app: cache}}',
  '  template:',
  '    metadata: {labels: {app: cache}}',
  '    spec: {containers: [{name: cache, image: redis}]}',
);
const podAffinity = (selector: string, extra: string[] = []) => [
  'affinity:',
  '  podAffinity:',
  '    requiredDuringSchedulingIgnoredDuringExecution:',
  `      - labelSelector: ${selector}`,
  '        topologyKey: kubernetes.io/hostname',
  ...extra.map((l) => `        ${l}`),
];

test('affinity-selector-matches-nothing: a pod affinity term selecting no pod template is a Hint with the nearest template', () => {
  const found = workspace({ 'web.yaml': web(...podAffinity('{matchLabels: {app: cahce}}')), 'cache.yaml': cache }).findings();
  expectOne(found, CODE, { severity: 'hint', text: 'labelSelector', message: /This podAffinity of Deployment "web" selects no pods: no pod template matches app=cahce/, related: [['cache.yaml', 'labels']] });
});

test('affinity-selector-matches-nothing covers preferred anti-affinity terms and topology spread constraints', () => {
  const anti = web(
    'affinity:',
    '  podAntiAffinity:',
    '    preferredDuringSchedulingIgnoredDuringExecution:',
    '      - weight: 100',
    '        podAffinityTerm:',
    '          labelSelector: {matchLabels: {app: wbe}}',
    '          topologyKey: kubernetes.io/hostname',
  );
  expectOne(workspace({ 'web.yaml': anti }).findings(), CODE, { severity: 'hint', text: 'labelSelector', message: /podAntiAffinity/ });
  const spread = web('topologySpreadConstraints:', '  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: wbe}}}');
  expectOne(workspace({ 'web.yaml': spread }).findings(), CODE, { severity: 'hint', text: 'labelSelector', message: /topologySpreadConstraint/ });
});

test('affinity-selector-matches-nothing, nearest legal variants: the other workload, the pod itself (anti-affinity spreading its own replicas), matchExpressions', () => {
  assert.deepEqual(workspace({ 'web.yaml': web(...podAffinity('{matchLabels: {app: cache}}')), 'cache.yaml': cache }).findings(), []);
  assert.deepEqual(workspace({ 'web.yaml': web(...podAffinity('{matchLabels: {app: web}}')) }).findings(), []);
  assert.deepEqual(workspace({ 'web.yaml': web(...podAffinity('{matchExpressions: [{key: app, operator: In, values: [cache, db]}]}')), 'cache.yaml': cache }).findings(), []);
});

test('must not flag terms that reach other namespaces or take labels from the pod, nor terms without a selector', () => {
  for (const extra of [['namespaces: [data]'], ['namespaceSelector: {}'], ['matchLabelKeys: [pod-template-hash]']]) {
    assert.deepEqual(ofCode(workspace({ 'web.yaml': web(...podAffinity('{matchLabels: {app: cahce}}', extra)), 'cache.yaml': cache }).findings(), CODE), [], extra[0]);
  }
  const noSelector = web('affinity:', '  podAffinity:', '    requiredDuringSchedulingIgnoredDuringExecution:', '      - topologyKey: kubernetes.io/hostname', '      - null');
  assert.deepEqual(workspace({ 'web.yaml': noSelector }).findings(), []);
});
