// Arrays too large for the wasm heap (2 GB at most) are refused before any
// copy, with an error naming the argument and the limit, and the module keeps
// working: before the check, forward on 3e8 floats, softmax on 3e8 and
// predict on 2e8 aborted the module and every later call threw.
import { describe, expect, it } from 'vitest';
import { BUILDS, engineFor, f32 } from './load';
import { XOR_CONFIG, thrown } from './trainer-util';

const LIMIT = 2 ** 24; // bindings/js_convert.hpp kMaxArrayLength

describe.each(BUILDS)('%s build: size limits', (build) => {
  it('forward, derivative, softmax and crossEntropy refuse more than 2^24 values, then still compute', async () => {
    const e = await engineFor(build);
    const huge = new Float32Array(3e8); // the report's size: 1.2 GB, twice that in wasm
    for (const call of [
      () => e.forward('relu', huge),
      () => e.derivative('tanh', huge),
      () => e.softmax(huge),
      () => e.logSoftmax(huge),
      () => e.crossEntropy(huge, 0),
    ]) {
      const err = thrown(call);
      expect(err.code).toBe('out_of_range');
      expect(err.message).toMatch(/^(x|z): at most 16777216 values \(2\^24\) per call, got 300000000$/);
    }
    const over = thrown(() => e.softmax(new Float32Array(LIMIT + 1)));
    expect(over.message).toContain(`got ${LIMIT + 1}`);
    // a correct computation afterwards
    expect(Array.from(e.forward('relu', f32([-1, 2])))).toEqual([0, 2]);
    const p = e.softmax(f32([0, Math.log(3)]));
    expect(p[1]).toBeCloseTo(0.75, 6); // e^ln3 / (1 + e^ln3)
  });

  it('predict refuses 2e8 values at the boundary and too many points for the network in the core', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(XOR_CONFIG); // 2 inputs → 8 → 8 → 1: 19 values per point
    try {
      const err = thrown(() => t.predict(new Float32Array(2e8)));
      expect(err.message).toBe('points: at most 16777216 values (2^24) per call, got 200000000');
      // 2^23 points of 2 values pass the boundary but not the core's budget.
      const rows = thrown(() => t.predict(new Float32Array(LIMIT)));
      expect(rows.code).toBe('out_of_range');
      expect(rows.message).toBe(
        `predict: at most ${Math.floor(LIMIT / 19)} points per call for this network (19 values each), got ${LIMIT / 2}`,
      );
      // the trainer and the engine still work
      expect(t.predict(f32([0, 0, 1, 1])).length).toBe(2);
      expect(t.step(3).step).toBe(3);
    } finally {
      t.dispose();
    }
  });
});
