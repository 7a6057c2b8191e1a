import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../../../server/src/dryrun/kobject';
import { apply, lines, yaml } from './applyHelpers';

const configMap = (name: string, labels = '{app: shop}', namespace = 'default') => yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}
  data: {k: v}
`;
const stream = (...docs: string[]) => docs.join('---\n');

/** Applies `first` (committed), then `second` with `--prune -l selector`; compares kubectl's lines and the prune flag. */
function check(first: string | KObject[], second: string, selector: string, expected: string[], skipped = false): KObject[] {
  const live = typeof first === 'string' ? apply(first).state : first;
  const result = apply(second, live, { prune: { selector } });
  assert.deepEqual(lines(result), expected);
  assert.equal(result.pruneSkipped, skipped);
  return result.state;
}

test('--prune deletes apply-managed objects of the selector that the stream no longer has', () => {
  const state = check(stream(configMap('a'), configMap('b')), configMap('a'), 'app=shop', ['configmap/a unchanged', 'configmap/b pruned']);
  assert.deepEqual(state.map((o) => (o.metadata as { name: string }).name), ['a']);
});

test('--prune leaves alone: other labels, objects not created by apply, namespaces not visited', () => {
  const first = apply(stream(configMap('a'), configMap('other', '{app: blog}'), configMap('elsewhere', '{app: shop}', 'kube-system'), configMap('manual'))).state;
  const handMade = first.map((o) => ((o.metadata as { name: string }).name === 'manual' ? { ...o, metadata: { ...(o.metadata as object), annotations: {} } } : o));
  check(handMade, configMap('a'), 'app=shop', ['configmap/a unchanged']);
});

test('-l also filters the input: objects without the labels are skipped silently', () => {
  check([], stream(configMap('a'), configMap('other', '{app: blog}')), 'app=shop', ['configmap/a created']);
  check([], stream(configMap('a', '{app: shop, tier: web}'), configMap('b', '{app: shop}')), 'app in (shop), tier!=db, !debug', ['configmap/a created', 'configmap/b created']);
});

test('--prune is skipped entirely when any object failed', () => {
  const bad = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: broken, labels: {app: shop}}
    spec:
      selector: {matchLabels: {app: x}}
      template:
        metadata: {labels: {app: y}}
        spec: {containers: [{name: c, image: i}]}
  `;
  const expected = ['configmap/a unchanged', 'The Deployment "broken" is invalid: spec.template.metadata.labels: Invalid value: {"app":"y"}: `selector` does not match template `labels`'];
  const state = check(stream(configMap('a'), configMap('b')), stream(configMap('a'), bad), 'app=shop', expected, true);
  assert.equal(state.length, 2, 'b survives');
});

test('--prune order: namespaces in visiting order, kinds in kubectl order, then cluster-scoped kinds', () => {
  const namespace = yaml`
    apiVersion: v1
    kind: Namespace
    metadata: {name: team, labels: {app: shop}}
  `;
  const service = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: svc, namespace: team, labels: {app: shop}}
    spec: {ports: [{port: 80}]}
  `;
  const first = apply(stream(namespace, configMap('z'), configMap('y', '{app: shop}', 'team'), service, configMap('keep'))).state;
  check(first, configMap('keep'), 'app=shop', ['configmap/keep unchanged', 'configmap/z pruned', 'namespace/team pruned']);
  check(first, stream(configMap('keep', '{app: shop}', 'team'), configMap('keep')), 'app=shop', [
    'configmap/keep created',
    'configmap/keep unchanged',
    'configmap/y pruned',
    'service/svc pruned',
    'configmap/z pruned',
    'namespace/team pruned',
  ]);
});

test('an unparsable selector refuses the whole apply', () => {
  const result = apply(configMap('a'), [], { prune: { selector: 'app==' + '(' } });
  assert.equal(result.applied[0]!.plan.action, 'rejected');
  assert.match(result.applied[0]!.plan.message, /^error: unable to parse requirement/);
  assert.equal(result.pruneSkipped, true);
});
