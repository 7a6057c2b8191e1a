import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availabilityText, FieldVersions, fieldVersionsFor } from '../../../server/src/hover/fieldVersions';
import { schemas } from '../helpers';

const SHIPPED = ['1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'];
const from = (first: string, last = '1.35') => SHIPPED.slice(SHIPPED.indexOf(first), SHIPPED.indexOf(last) + 1);

test('the shipped versions are the 13 the schemas carry', () => {
  assert.deepEqual(schemas.supportedVersions, SHIPPED);
});

const wording: Array<[string, string[], string, string]> = [
  ['every version', SHIPPED, '1.35', 'In every shipped Kubernetes version (1.23–1.35)'],
  ['added later', from('1.27'), '1.35', 'In Kubernetes 1.27–1.35 (added in 1.27)'],
  ['added later, configured older', from('1.27'), '1.26', 'In Kubernetes 1.27–1.35 (added in 1.27) — not in 1.26, the configured version'],
  ['removed', from('1.23', '1.24'), '1.24', 'In Kubernetes 1.23–1.24 (removed in 1.25)'],
  ['added and removed', from('1.26', '1.28'), '1.27', 'In Kubernetes 1.26–1.28 (added in 1.26, removed in 1.29)'],
  ['with a gap', ['1.26', '1.27', '1.30'], '1.30', 'In Kubernetes 1.26–1.27, 1.30 (added in 1.26, removed in 1.31)'],
  ['a single version', ['1.34'], '1.34', 'In Kubernetes 1.34 (added in 1.34, removed in 1.35)'],
  ['none', [], '1.35', 'In no shipped Kubernetes version (1.23–1.35)'],
  ['a configured version that is not shipped is not judged', from('1.27'), '1.99', 'In Kubernetes 1.27–1.35 (added in 1.27)'],
];

for (const [name, versions, target, expected] of wording) {
  test(`availability wording: ${name}`, () => assert.equal(availabilityText(versions, SHIPPED, target), expected));
}

const fields: Array<[string, string, string, Array<string | number>, string[]]> = [
  ['a field in every version', 'apps/v1', 'Deployment', ['spec', 'replicas'], SHIPPED],
  ['a field added in 1.27 (list item by index 0)', 'apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0, 'resizePolicy'], from('1.27')],
  ['a field removed in 1.25', 'v1', 'ConfigMap', ['metadata', 'clusterName'], from('1.23', '1.24')],
  ['a map entry (`*` stands for any key)', 'v1', 'Pod', ['metadata', 'labels', '*'], SHIPPED],
  ['the root of a kind served only before 1.25', 'policy/v1beta1', 'PodDisruptionBudget', [], from('1.23', '1.24')],
  ['no such field', 'apps/v1', 'Deployment', ['spec', 'replikas'], []],
  ['no such kind', 'example.com/v1', 'Widget', [], []],
];

for (const [name, apiVersion, kind, path, expected] of fields) {
  test(`versions having ${name}`, () => assert.deepEqual(fieldVersionsFor(schemas).versionsWith(apiVersion, kind, path), expected));
}

test('the versions of a field are computed once and then served from the cache', () => {
  const own = new FieldVersions(schemas);
  const first = own.versionsWith('apps/v1', 'StatefulSet', ['spec', 'ordinals']);
  assert.deepEqual(first, from('1.26'));
  assert.equal(own.versionsWith('apps/v1', 'StatefulSet', ['spec', 'ordinals']), first, 'the same array, not a recomputation');
});

test('one FieldVersions per schema set', () => {
  assert.equal(fieldVersionsFor(schemas), fieldVersionsFor(schemas));
});
