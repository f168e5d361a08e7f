// The studio's idle-time jobs (web/src/views/train/idle-queue.ts; the data
// picker's thumbnails): run in idle periods, never in the caller's task, at
// least one per period, a replaced batch dropped. The idle periods are
// stand-ins: each is given a fixed time budget and runs when the test says.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

type Run = (d: { didTimeout: boolean; timeRemaining: () => number }) => void;
const periods: Run[] = [];
let IdleQueue: typeof import('../../web/src/views/train/idle-queue').IdleQueue;

beforeAll(async () => {
  vi.stubGlobal('requestIdleCallback', (run: Run) => periods.push(run));
  vi.stubGlobal('cancelIdleCallback', (h: number) => (periods[h - 1] = () => undefined));
  ({ IdleQueue } = await import('../../web/src/views/train/idle-queue'));
});
afterAll(() => vi.unstubAllGlobals());

/** Runs the oldest waiting idle period, which has `ms` to spend; the clock advances 1 ms per job. */
function idle(ms: number, didTimeout = false): void {
  let left = ms;
  const run = periods.shift();
  if (!run) throw new Error('no idle period requested');
  run({ didTimeout, timeRemaining: () => left-- });
}

describe('IdleQueue', () => {
  test('jobs wait for an idle period and fill it while more than 3 ms remain', () => {
    const done: number[] = [];
    const q = new IdleQueue();
    q.replace([0, 1, 2, 3, 4, 5, 6].map((i) => () => void done.push(i)));
    expect(done).toEqual([]);
    // 6 ms: after each job the budget is read once (6, 5, 4, 3: the fourth read stops).
    idle(6);
    expect(done).toEqual([0, 1, 2, 3]);
    // A period with no time left still does one job: the batch always advances.
    idle(0);
    expect(done).toEqual([0, 1, 2, 3, 4]);
    idle(50);
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(periods).toEqual([]);
  });

  test('a callback past its timeout (a page busy for a second) does the whole rest of the batch', () => {
    const done: number[] = [];
    const q = new IdleQueue();
    q.replace([0, 1, 2, 3].map((i) => () => void done.push(i)));
    idle(0, true);
    expect(done).toEqual([0, 1, 2, 3]);
    expect(periods).toEqual([]);
  });

  test('a new batch replaces the jobs not done yet; destroy drops them', () => {
    const done: string[] = [];
    const q = new IdleQueue();
    q.replace(['a', 'b', 'c'].map((k) => () => void done.push(k)));
    idle(0);
    q.replace(['x', 'y'].map((k) => () => void done.push(k)));
    idle(50);
    expect(done).toEqual(['a', 'x', 'y']);
    q.replace([() => void done.push('late')]);
    q.destroy();
    idle(50);
    expect(done).toEqual(['a', 'x', 'y']);
  });
});
