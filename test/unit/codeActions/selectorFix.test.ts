import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, offered } from './fixHelpers';

const lines = (...l: string[]) => l.join('\n') + '\n';

const deployment = (selector: string[], labels: string[]) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    ...selector,
    '  template:',
    '    metadata:',
    ...labels,
    '    spec:',
    '      containers: [{name: web, image: nginx}]',
  );

test('workload-selector-template-mismatch: a missing label is added to the template (preferred: the selector of a live workload is immutable)', () => {
  const selector = ['  selector:', '    matchLabels:', '      app: web', '      tier: front'];
  const actions = checkFix({
    files: { 'web.yaml': deployment(selector, ['      labels:', '        app: web']) },
    code: 'workload-selector-template-mismatch',
    at: 'selector',
    expected: deployment(selector, ['      labels:', '        app: web', '        tier: front']),
  });
  assert.deepEqual(
    actions.map((a) => `${a.isPreferred ? '*' : ''}${a.title}`),
    ["*Add the selector's labels (app=web,tier=front) to the pod template", "Set the selector to the pod template's labels (app=web)"],
  );
});

test('workload-selector-template-mismatch: the selector can be set to the template labels instead', () => {
  checkFix({
    files: { 'web.yaml': deployment(['  selector:', '    matchLabels: {app: api}'], ['      labels: {app: web}']) },
    code: 'workload-selector-template-mismatch',
    at: 'selector',
    title: "Set the selector to the pod template's labels (app=web)",
    expected: deployment(['  selector:', '    matchLabels:', '      app: web'], ['      labels: {app: web}']),
  });
});

test('workload-selector-template-mismatch: when the template label has another value, setting the selector is preferred', () => {
  const titles = offered({ 'web.yaml': deployment(['  selector: {matchLabels: {app: api}}'], ['      labels: {app: web}']) }, 'workload-selector-template-mismatch', 'selector');
  assert.deepEqual(titles, ["Add the selector's labels (app=api) to the pod template", "*Set the selector to the pod template's labels (app=web)"]);
  checkFix({
    files: { 'web.yaml': deployment(['  selector: {matchLabels: {app: api}}'], ['      labels: {app: web}']) },
    code: 'workload-selector-template-mismatch',
    at: 'selector',
    title: "Add the selector's labels (app=api) to the pod template",
    expected: deployment(['  selector: {matchLabels: {app: api}}'], ['      labels: {app: api}']),
  });
});

test('workload-selector-template-mismatch: matchExpressions can only be replaced, not copied to the template', () => {
  const selector = ['  selector:', '    matchExpressions:', '    - {key: app, operator: In, values: [api]}'];
  assert.deepEqual(offered({ 'web.yaml': deployment(selector, ['      labels: {app: web}']) }, 'workload-selector-template-mismatch', 'selector'), [
    "*Set the selector to the pod template's labels (app=web)",
  ]);
});

test('workload-selector-template-mismatch on a ReplicationController: its selector is a plain label map', () => {
  const rc = (selector: string, labels: string) =>
    lines('apiVersion: v1', 'kind: ReplicationController', 'metadata: {name: web}', 'spec:', `  selector: ${selector}`, '  template:', `    metadata: {labels: ${labels}}`, '    spec: {containers: [{name: web, image: nginx}]}');
  checkFix({
    files: { 'rc.yaml': rc('{app: web, tier: db}', '{app: web}') },
    code: 'workload-selector-template-mismatch',
    at: 'selector',
    expected: rc('{app: web, tier: db}', '{app: web, tier: db}'),
  });
});

test('workload-selector-missing-or-empty: an empty selector is filled from the template labels', () => {
  checkFix({
    files: { 'web.yaml': deployment(['  selector: {}'], ['      labels: {app: web}']) },
    code: 'workload-selector-missing-or-empty',
    at: 'selector',
    expected: deployment(['  selector: {matchLabels: {app: web}}'], ['      labels: {app: web}']),
  });
});
