import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deploymentFenceposts } from '../../../../server/src/dryrun/rollout/fenceposts';
import { scaledValue } from '../../../../server/src/dryrun/rollout/intOrPercent';

// Reference §3.4, every row: R, maxSurge, maxUnavailable → surge, unavailable.
const TABLE: Array<[number, number | string, number | string, number, number]> = [
  [1, '25%', '25%', 1, 0],
  [2, '25%', '25%', 1, 0],
  [3, '25%', '25%', 1, 0],
  [4, '25%', '25%', 1, 1],
  [5, '25%', '25%', 2, 1],
  [10, '25%', '25%', 3, 2],
  [7, '30%', '30%', 3, 2],
  [3, '50%', '50%', 2, 1],
  [1, '0%', '25%', 0, 1],
  [10, 0, '10%', 0, 1],
  [2, '1%', '1%', 1, 0],
  [0, '25%', '25%', 0, 0],
];

for (const [replicas, maxSurge, maxUnavailable, surge, unavailable] of TABLE) {
  test(`ResolveFenceposts: R=${replicas}, ${maxSurge}/${maxUnavailable} → ${surge}/${unavailable}`, () => {
    assert.deepEqual(deploymentFenceposts({ strategy: 'RollingUpdate', replicas, maxSurge, maxUnavailable }), { maxSurge: surge, maxUnavailable: unavailable });
  });
}

test('integers are taken as written, capped at R for unavailability; Recreate has neither', () => {
  assert.deepEqual(deploymentFenceposts({ strategy: 'RollingUpdate', replicas: 3, maxSurge: 5, maxUnavailable: 7 }), { maxSurge: 5, maxUnavailable: 3 });
  assert.deepEqual(deploymentFenceposts({ strategy: 'Recreate', replicas: 3, maxSurge: 1, maxUnavailable: 1 }), { maxSurge: 0, maxUnavailable: 0 });
});

test('scaledValue rounds percentages up or down exactly and reads integers', () => {
  const rows: Array<[unknown, number, boolean, number]> = [
    ['25%', 3, true, 1], ['25%', 3, false, 0], ['50%', 3, true, 2], ['30%', 7, false, 2], ['100%', 9, false, 9],
    [2, 10, true, 2], ['4', 10, false, 4], [undefined, 10, true, 0],
  ];
  for (const [value, total, up, expected] of rows) assert.equal(scaledValue(value, total, up), expected, `${String(value)} of ${total}`);
});
