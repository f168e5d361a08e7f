// The studio's bounded copy of the history (web/src/views/train/model/history-store.ts):
// rows on a stride that doubles when the store is full, the latest row always
// shown as a tail, rows already held skipped. Expected rows worked out by hand
// for a capacity of 4.
import { describe, expect, test } from 'vitest';
import type { History } from '../../web/src/engine/engine';
import { HistoryStore } from '../../web/src/views/train/model/history-store';

/** History rows for the given steps: trainLoss = step / 10, one layer whose dead = step. */
function rows(steps: number[]): History {
  const col = (f: (s: number) => number) => Float32Array.from(steps, f);
  const zero = col(() => 0);
  return {
    step: col((s) => s), epoch: zero, learningRate: zero, batchLoss: zero, trainLoss: col((s) => s / 10), testLoss: zero,
    trainAccuracy: zero, testAccuracy: zero, gradNorm: zero, gradNormClipped: zero,
    layers: [{ gradWNorm: zero, dead: col((s) => s), saturated: zero, alpha: zero }],
  } as unknown as History;
}

const steps = (store: HistoryStore) => [...store.top('step')];

describe('HistoryStore', () => {
  test('keeps every row until full, then doubles the stride; the last row is a tail', () => {
    const store = new HistoryStore(1, 4);
    store.append(rows([0, 1, 2, 3]));
    expect(steps(store)).toEqual([0, 1, 2, 3]);
    // Step 4 finds the store full: stride 2 keeps 0 and 2, then 4 is stored.
    store.append(rows([4, 5, 6, 7, 8, 9]));
    // 5 and 7 are off the stride; 6 and 8 are stored; full at 8 → stride 4 keeps 0 and 4, 8 stored; 9 is the tail.
    expect(steps(store)).toEqual([0, 4, 8, 9]);
    expect(store.lastStep).toBe(9);
    expect([...store.top('trainLoss')]).toEqual([0, 0.4, 0.8, 0.9].map(Math.fround));
    expect([...store.layer(0, 'dead')]).toEqual([0, 4, 8, 9]);
  });

  test('a tail is replaced by the next row, and dropped when a stored row follows', () => {
    const store = new HistoryStore(1, 4);
    store.append(rows([0, 1, 2, 3, 4, 5]));
    // Full at 4: stride 2 keeps 0, 2; 4 stored; 5 the tail.
    expect(steps(store)).toEqual([0, 2, 4, 5]);
    store.append(rows([7]));
    expect(steps(store)).toEqual([0, 2, 4, 7]);
    store.append(rows([8]));
    expect(steps(store)).toEqual([0, 2, 4, 8]);
    expect(store.length).toBe(4);
  });

  test('rows already held are skipped, an empty batch changes nothing', () => {
    const store = new HistoryStore(1, 4);
    store.append(rows([0, 1]));
    store.append(rows([0, 1]));
    store.append(rows([]));
    expect(steps(store)).toEqual([0, 1]);
    store.append(rows([1, 2, 3]));
    expect(steps(store)).toEqual([0, 1, 2, 3]);
  });

  test('a rewind drops later rows and the tail', () => {
    const store = new HistoryStore(1, 4);
    store.append(rows([0, 1, 2, 3, 4, 5]));
    store.truncateAfter(3);
    expect(steps(store)).toEqual([0, 2]);
    expect(store.lastStep).toBe(2);
  });
});
