import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalQuantity, compareQuantities, parseQuantity, quantitiesEqual } from '../../../../server/src/dryrun/k8s/quantity';
import { semanticEqual } from '../../../../server/src/dryrun/k8s/semanticEqual';

function checkCanonical(input: unknown, expected: string | undefined): void {
  assert.equal(canonicalQuantity(input), expected, `canonical form of ${JSON.stringify(input)}`);
}

test('quantities take the canonical form the API server stores', () => {
  const cases: Array<[unknown, string | undefined]> = [
    ['0.5', '500m'],
    [0.5, '500m'],
    ['1000m', '1'],
    [1, '1'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['0.5Ki', '512'],
    ['1Ki', '1Ki'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['1000000000', '1G'],
    ['0.1', '100m'],
    ['100m', '100m'],
    ['1e3', '1e3'],
    ['1.5e3', '1500'],
    ['0', '0'],
    ['0Gi', '0'],
    ['-0.5', '-500m'],
    ['0.0000000001', '1n'],
    ['12e6', '12e6'],
    ['500M', '500M'],
    ['1.5', '1500m'],
    ['abc', undefined],
    ['1Gb', undefined],
    ['', undefined],
    [true, undefined],
  ];
  for (const [input, expected] of cases) checkCanonical(input, expected);
});

test('quantities compare by value across spellings and suffix families', () => {
  assert.ok(quantitiesEqual('1Gi', '1024Mi'));
  assert.ok(quantitiesEqual('0.5', '500m'));
  assert.ok(quantitiesEqual(1, '1000m'));
  assert.ok(!quantitiesEqual('1G', '1Gi'));
  assert.equal(compareQuantities('10Gi', '20Gi'), -1);
  assert.equal(compareQuantities('2', '1500m'), 1);
  assert.equal(compareQuantities('x', '1'), undefined);
  assert.equal(parseQuantity('1Mi')!.format, 'BinarySI');
});

test('semantic equality compares quantities by value and treats empty as absent, nothing else', () => {
  const template = (cpu: unknown, memory: unknown) => ({ spec: { containers: [{ name: 'app', resources: { requests: { cpu, memory } } }] } });
  assert.ok(semanticEqual(template('0.5', '1Gi'), template('500m', '1024Mi')));
  assert.ok(!semanticEqual(template('0.5', '1Gi'), template('600m', '1Gi')));
  assert.ok(semanticEqual({ a: {}, b: [] }, {}));
  assert.ok(!semanticEqual({ env: [{ name: 'X', value: '0.5' }] }, { env: [{ name: 'X', value: '500m' }] }), 'env values are strings');
  assert.ok(!semanticEqual({ env: [{ name: 'A' }, { name: 'B' }] }, { env: [{ name: 'B' }, { name: 'A' }] }), 'order matters');
});
