// Softmax and its companions on the article's numbers, both builds.
import { describe, expect, it } from 'vitest';
import { BUILDS, engineFor, f32, maxAbsDiff } from './load';

function softmaxRef(z: readonly number[], t = 1): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp((v - m) / t));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

describe.each(BUILDS)('%s build: softmax', (build) => {
  it('softmax([2,3,5]) is the article value (abs 1e-7)', async () => {
    const p = (await engineFor(build)).softmax(f32([2, 3, 5]));
    expect(maxAbsDiff(p, [0.04201007, 0.1141952, 0.84379473])).toBeLessThanOrEqual(1e-7);
  });

  it('softmax([2,1,0.1]) is about [0.7,0.2,0.1] (abs 1e-7 against double)', async () => {
    const p = (await engineFor(build)).softmax(f32([2, 1, 0.1]));
    expect(maxAbsDiff(p, softmaxRef([2, 1, Math.fround(0.1)]))).toBeLessThanOrEqual(1e-7);
    expect(maxAbsDiff(p, [0.7, 0.2, 0.1])).toBeLessThan(0.05);
  });

  it('softmax([20,300,5000]) is [0,0,1]; the naive formula gives NaN', async () => {
    const e = await engineFor(build);
    expect(Array.from(e.softmax(f32([20, 300, 5000])))).toEqual([0, 0, 1]);
    const naive = e.softmaxNaive(f32([20, 300, 5000]));
    expect(Array.from(naive).some(Number.isNaN)).toBe(true);
    expect(maxAbsDiff(e.softmaxNaive(f32([2, 3, 5])), softmaxRef([2, 3, 5]))).toBeLessThanOrEqual(1e-7);
  });

  it('temperature flattens and sharpens (abs 1e-7)', async () => {
    const e = await engineFor(build);
    for (const t of [0.5, 2, 10]) {
      const p = e.softmax(f32([2, 3, 5]), { temperature: t });
      expect(maxAbsDiff(p, softmaxRef([2, 3, 5], t))).toBeLessThanOrEqual(1e-7);
    }
  });

  it('logSoftmax is log of softmax and finite for huge logits (abs 1e-6)', async () => {
    const e = await engineFor(build);
    const lp = e.logSoftmax(f32([2, 3, 5]));
    expect(maxAbsDiff(lp, softmaxRef([2, 3, 5]).map(Math.log))).toBeLessThanOrEqual(1e-6);
    const big = e.logSoftmax(f32([20, 300, 5000]));
    expect(Array.from(big).every(Number.isFinite)).toBe(true);
    expect(big[2]).toBe(0);
    expect(big[0]).toBeCloseTo(20 - 5000, 2);
    const lt = e.logSoftmax(f32([2, 3, 5]), { temperature: 2 });
    expect(maxAbsDiff(lt, softmaxRef([2, 3, 5], 2).map(Math.log))).toBeLessThanOrEqual(1e-6);
  });

  it('percentages([2,3,5]) is [0.2,0.3,0.5] (abs 1e-7)', async () => {
    const p = (await engineFor(build)).percentages(f32([2, 3, 5]));
    expect(maxAbsDiff(p, [0.2, 0.3, 0.5])).toBeLessThanOrEqual(1e-7);
  });

  it('softmaxJacobian is diag(p) - p pᵀ, n×n (abs 1e-7)', async () => {
    const e = await engineFor(build);
    const p = softmaxRef([2, 3, 5]);
    const j = e.softmaxJacobian(f32([2, 3, 5]));
    expect(j.length).toBe(9);
    const want = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => (r === c ? p[r] : 0) - p[r] * p[c]));
    expect(maxAbsDiff(j, want)).toBeLessThanOrEqual(1e-7);
    expect(e.softmaxJacobian(f32(new Array(64).fill(0))).length).toBe(64 * 64);
  });

  it('crossEntropy gives -log p[target] and p - onehot (abs 1e-6)', async () => {
    const e = await engineFor(build);
    const { loss, grad } = e.crossEntropy(f32([2, 3, 5]), 2);
    const p = softmaxRef([2, 3, 5]);
    expect(Math.abs(loss + Math.log(p[2]))).toBeLessThanOrEqual(1e-6);
    expect(maxAbsDiff(grad, [p[0], p[1], p[2] - 1])).toBeLessThanOrEqual(1e-6);
    expect(grad).toBeInstanceOf(Float32Array);
  });
});
