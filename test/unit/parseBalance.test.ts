import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseBalance } from '../../server/src/documents/parseBalance';

const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test('with nothing learned the split is what the caller proposes', () => {
  const balance = new ParseBalance();
  near(balance.share(0.5), 0.5);
  near(balance.share(0.37), 0.37);
});

test('when this thread waited for the worker, it takes more of the next file, in proportion to the speeds seen', () => {
  const balance = new ParseBalance();
  // Half the text took this thread 200 ms, the worker's half 300 ms: rates 400 and 600 ms per file,
  // so both finish together at 0.6; the new measure counts for half.
  balance.record(0.5, 200, 0, 100);
  near(balance.share(0.5), 0.55);
  near(balance.share(0.37), 0.37 * 0.55 / 0.5);
  balance.record(0.55, 220, 0, 60);
  assert.ok(balance.share(0.5) > 0.55, `${balance.share(0.5)}`);
});

test('other work this thread did before waiting counts as the worker\'s time, not this thread\'s parse', () => {
  const balance = new ParseBalance();
  balance.record(0.4, 160, 100, 40); // worker: 300 ms for 0.6 → 500 per file; this thread: 400 per file
  near(balance.share(0.5), 0.5 * 0.5 + 0.5 * (500 / 900));
});

test('when the worker\'s part was already there, the worker was as fast or faster: move a little text to it', () => {
  const balance = new ParseBalance();
  balance.record(0.5, 200, 0, 0);
  near(balance.share(0.5), 0.49);
  for (let i = 0; i < 100; i++) balance.record(0.5, 200, 0, 0);
  near(balance.share(0.5), 0.1);
});

test('the share stays within bounds, and nonsense measurements are ignored', () => {
  const balance = new ParseBalance();
  for (let i = 0; i < 50; i++) balance.record(0.5, 10, 0, 10_000);
  near(balance.share(0.5), 0.7);
  near(balance.share(0.1), 0.14);
  const fresh = new ParseBalance();
  fresh.record(0, 100, 0, 50);
  fresh.record(0.5, 0, 0, 50);
  fresh.record(1, 100, 0, 50);
  fresh.record(Number.NaN, 100, 0, 50);
  near(fresh.share(0.5), 0.5);
});
