// Activations through the engine, on both builds, at known points. Tolerances
// are absolute and stated per check; the reference is double-precision Math.
import { describe, expect, it } from 'vitest';
import { BUILDS, engineFor, f32, maxAbsDiff } from './load';

const X = f32([-10, -5, -2, -1, -0.5, 0, 0.5, 1, 2, 5, 10]);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const ref = (f: (x: number) => number) => Array.from(X, f);

describe.each(BUILDS)('%s build: activations', (build) => {
  it('reports which build runs and a version', async () => {
    const e = await engineFor(build);
    expect(e.simd).toBe(build === 'simd');
    expect(e.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists the activations', async () => {
    const names = (await engineFor(build)).activationNames();
    for (const n of ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'gelu']) expect(names).toContain(n);
  });

  it('sigmoid and its derivative at known points (abs 2e-7)', async () => {
    const e = await engineFor(build);
    expect(maxAbsDiff(e.forward('sigmoid', X), ref(sigmoid))).toBeLessThanOrEqual(2e-7);
    const ds = ref((x) => sigmoid(x) * (1 - sigmoid(x)));
    expect(maxAbsDiff(e.derivative('sigmoid', X), ds)).toBeLessThanOrEqual(2e-7);
    expect(e.forward('sigmoid', f32([0]))[0]).toBe(0.5);
    expect(e.derivative('sigmoid', f32([0]))[0]).toBe(0.25);
  });

  it('tanh and its derivative at known points (abs 5e-7)', async () => {
    const e = await engineFor(build);
    expect(maxAbsDiff(e.forward('tanh', X), ref(Math.tanh))).toBeLessThanOrEqual(5e-7);
    expect(maxAbsDiff(e.derivative('tanh', X), ref((x) => 1 - Math.tanh(x) ** 2))).toBeLessThanOrEqual(5e-7);
  });

  it('relu is exact, and its derivative is 0 or 1', async () => {
    const e = await engineFor(build);
    expect(Array.from(e.forward('relu', X))).toEqual(ref((x) => Math.max(0, x)));
    expect(Array.from(e.derivative('relu', X))).toEqual(ref((x) => (x > 0 ? 1 : 0)));
  });

  it('leaky_relu with alpha 0.2 and the 0.01 default (rel 1e-7)', async () => {
    const e = await engineFor(build);
    const y = e.forward('leaky_relu', X, { alpha: 0.2 });
    expect(maxAbsDiff(y, ref((x) => (x > 0 ? x : 0.2 * x)))).toBeLessThanOrEqual(1e-6);
    expect(e.derivative('leaky_relu', f32([-3]), { alpha: 0.2 })[0]).toBeCloseTo(0.2, 7);
    expect(e.derivative('leaky_relu', f32([-3]))[0]).toBeCloseTo(0.01, 7);
  });

  it('elu with alpha 2 at known points (abs 1e-6)', async () => {
    const e = await engineFor(build);
    const f = (x: number) => (x > 0 ? x : 2 * Math.expm1(x));
    expect(maxAbsDiff(e.forward('elu', X, { alpha: 2 }), ref(f))).toBeLessThanOrEqual(1e-6);
    const df = (x: number) => (x > 0 ? 1 : 2 * Math.exp(x));
    expect(maxAbsDiff(e.derivative('elu', X, { alpha: 2 }), ref(df))).toBeLessThanOrEqual(1e-6);
  });

  it('rrelu in training is deterministic per seed and its derivative gives the slopes', async () => {
    const e = await engineFor(build);
    const x = f32([-1, -1, -1, -1, 2]);
    const p = { training: true, seed: 7 };
    const y = e.forward('rrelu', x, p);
    expect(Array.from(e.forward('rrelu', x, p))).toEqual(Array.from(y));
    const slopes = e.derivative('rrelu', x, p);
    for (let i = 0; i < 4; i++) {
      expect(slopes[i]).toBeGreaterThanOrEqual(0.125);
      expect(slopes[i]).toBeLessThanOrEqual(1 / 3);
      expect(y[i]).toBeCloseTo(-slopes[i], 7);
    }
    expect(y[4]).toBe(2);
  });

  it('returns fresh arrays of the input length and leaves the input alone', async () => {
    const e = await engineFor(build);
    const x = f32([-1, 0, 1]);
    const a = e.forward('relu', x);
    const b = e.forward('relu', x);
    expect(a).not.toBe(b);
    expect(a.buffer).not.toBe(b.buffer);
    expect(Array.from(x)).toEqual([-1, 0, 1]);
    expect(e.forward('relu', new Float32Array(0)).length).toBe(0);
  });

  it('handles a million elements', async () => {
    const e = await engineFor(build);
    const x = new Float32Array(1 << 20).map((_, i) => (i % 200) / 10 - 10);
    const y = e.forward('sigmoid', x);
    expect(y.length).toBe(x.length);
    expect(Math.abs(y[123457] - sigmoid(x[123457]))).toBeLessThanOrEqual(2e-7);
  });

  it('activationInfo is typed and maps unbounded ranges to ±Infinity', async () => {
    const e = await engineFor(build);
    const relu = e.activationInfo('relu');
    expect(relu.properties.rangeMin).toBe(0);
    expect(relu.properties.rangeMax).toBe(Infinity);
    expect(e.activationInfo('linear').properties.rangeMin).toBe(-Infinity);
    const s = e.activationInfo('sigmoid');
    expect(s.properties).toMatchObject({ rangeMin: 0, rangeMax: 1, saturates: 'both', derivativeMax: 0.25 });
    expect(s.display.en).toBe('Sigmoid');
    const leaky = e.activationInfo('leaky_relu');
    expect(leaky.params).toHaveLength(1);
    expect(leaky.params[0]).toMatchObject({ name: 'alpha', min: 0, max: 1 });
    expect(leaky.params[0].default).toBeCloseTo(0.01, 7);
    expect(leaky.params[0].label.zh.length).toBeGreaterThan(0);
    for (const name of e.activationNames()) expect(e.activationInfo(name).name).toBe(name);
  });
});
