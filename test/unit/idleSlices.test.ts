import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inIdleSlices } from '../../server/src/idleSlices';

test('runs the slices in order, each in a macrotask of its own, and resolves with how many ran', async () => {
  const events: string[] = [];
  const ran = await inIdleSlices(3, (i) => {
    events.push(`slice ${i}`);
    // Work that arrives during a slice runs before the next slice.
    setImmediate(() => events.push(`request after ${i}`));
  });
  assert.equal(ran, 3);
  assert.deepEqual(events, ['slice 0', 'request after 0', 'slice 1', 'request after 1', 'slice 2', 'request after 2']);
});

test('nothing runs before the caller has gone on', async () => {
  const events: string[] = [];
  const done = inIdleSlices(1, () => events.push('slice'));
  events.push('caller');
  assert.equal(await done, 1);
  assert.deepEqual(events, ['caller', 'slice']);
});

test('stops once stop() says so, before the next slice', async () => {
  const seen: number[] = [];
  let asked = 0;
  assert.equal(await inIdleSlices(10, (i) => seen.push(i), () => ++asked > 4), 4);
  assert.deepEqual(seen, [0, 1, 2, 3]);
});

test('a slice that throws ends the run quietly', async () => {
  const seen: number[] = [];
  const ran = await inIdleSlices(5, (i) => {
    seen.push(i);
    if (i === 2) throw new Error('broken sample');
  });
  assert.equal(ran, 2);
  assert.deepEqual(seen, [0, 1, 2]);
});

test('zero slices resolve at once with zero', async () => {
  assert.equal(await inIdleSlices(0, () => assert.fail('no slice expected')), 0);
});
