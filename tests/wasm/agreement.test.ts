// The SIMD and scalar builds agree: every activation, forward and derivative,
// over a dense sweep plus special values, within |a−b| ≤ 4e-7·max(1, |b|)
// (both builds are accurate to a few float ULPs of the true value), with NaN
// in the same places. Softmax family likewise.
import { describe, expect, it } from 'vitest';
import { engineFor, f32 } from './load';

function sweep(): Float32Array {
  const xs: number[] = [0, -0, Infinity, -Infinity, NaN, 1e-30, -1e-30, 88.7, -88.7, 104, -104];
  for (let i = 0; i <= 8000; i++) xs.push(-40 + i / 100);
  for (let i = 0; i < 17; i++) xs.push(i - 8.5); // odd lengths exercise SIMD tails
  return f32(xs);
}

function worstRelative(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) {
      if (Number.isNaN(a[i]) !== Number.isNaN(b[i])) return Infinity;
      continue;
    }
    if (a[i] === b[i]) continue;
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  }
  return worst;
}

const TOLERANCE = 4e-7;

describe('simd and scalar builds agree', () => {
  it('on every activation, forward and derivative', async () => {
    const [simd, scalar] = await Promise.all([engineFor('simd'), engineFor('scalar')]);
    const x = sweep();
    const report: string[] = [];
    for (const name of simd.activationNames()) {
      for (const op of ['forward', 'derivative'] as const) {
        const d = worstRelative(simd[op](name, x), scalar[op](name, x));
        if (!(d <= TOLERANCE)) report.push(`${name} ${op}: ${d}`);
      }
    }
    expect(report).toEqual([]);
  });

  it('on rrelu in training with the same seed (exact)', async () => {
    const [simd, scalar] = await Promise.all([engineFor('simd'), engineFor('scalar')]);
    const x = sweep();
    const p = { training: true, seed: 1234 };
    expect(Array.from(simd.forward('rrelu', x, p))).toEqual(Array.from(scalar.forward('rrelu', x, p)));
  });

  it('on the softmax family', async () => {
    const [simd, scalar] = await Promise.all([engineFor('simd'), engineFor('scalar')]);
    const z = f32(Array.from({ length: 37 }, (_, i) => Math.sin(i) * 12));
    expect(worstRelative(simd.softmax(z), scalar.softmax(z))).toBeLessThanOrEqual(TOLERANCE);
    expect(worstRelative(simd.logSoftmax(z), scalar.logSoftmax(z))).toBeLessThanOrEqual(TOLERANCE);
    expect(worstRelative(simd.softmaxJacobian(z), scalar.softmaxJacobian(z))).toBeLessThanOrEqual(TOLERANCE);
    const a = simd.crossEntropy(z, 5);
    const b = scalar.crossEntropy(z, 5);
    expect(Math.abs(a.loss - b.loss)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, b.loss));
    expect(worstRelative(a.grad, b.grad)).toBeLessThanOrEqual(TOLERANCE);
  });
});
