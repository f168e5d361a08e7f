// The explorer's numbers, all from the engine: f and f′ of each selected
// activation on the x-range, the slope at 0, and the chain bound
// (max over x of |f′|)ⁿ. No DOM.
import type { ActivationInfo, ActivationParams, Engine } from '../../engine/engine';
import type { PageState, ParamValues } from '../../app/state';

/** Samples per curve; 801 puts a sample on every 1/40 of [−10, 10], 0 included. */
export const CURVE_POINTS = 801;

export interface Curve {
  name: string;
  params: Partial<ActivationParams>;
  f: Float32Array;
  df: Float32Array;
  /** f′(0) from the engine. */
  slopeAtZero: number;
  /** max |f′| over the sampled range and x = 0 when 0 lies in it. */
  maxSlope: number;
}

export interface Curves {
  x: Float32Array;
  curves: Curve[];
}

export function sampleRange([a, b]: readonly [number, number], n = CURVE_POINTS): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

/** The parameters the engine gets: the state's overrides over the core's defaults. */
export function paramsFor(info: ActivationInfo, overrides: ParamValues | undefined): Partial<ActivationParams> {
  const out: Partial<ActivationParams> = {};
  for (const p of info.params) out[p.name] = overrides?.[p.name] ?? p.default;
  return out;
}

/** Whether the overrides equal the core's defaults (which are float32: 0.00999999978 is 0.01). */
export function isDefault(info: ActivationInfo, overrides: ParamValues | undefined): boolean {
  return info.params.every((p) => Math.abs((overrides?.[p.name] ?? p.default) - p.default) <= 1e-6 * Math.max(1, Math.abs(p.default)));
}

export function computeCurves(
  engine: Engine,
  state: Pick<PageState, 'acts' | 'params' | 'xRange'>,
  info: (name: string) => ActivationInfo,
): Curves {
  const x = sampleRange(state.xRange);
  const zero = new Float32Array([0]);
  const hasZero = state.xRange[0] <= 0 && state.xRange[1] >= 0;
  const curves = state.acts.map((name): Curve => {
    const params = paramsFor(info(name), state.params[name]);
    const f = engine.forward(name, x, params);
    const df = engine.derivative(name, x, params);
    const slopeAtZero = engine.derivative(name, zero, params)[0];
    let maxSlope = hasZero ? Math.abs(slopeAtZero) : 0;
    for (const v of df) if (Math.abs(v) > maxSlope) maxSlope = Math.abs(v);
    return { name, params, f, df, slopeAtZero, maxSlope };
  });
  return { x, curves };
}

/** A y-range that shows every finite value with a margin, and always 0. */
export function niceRange(columns: readonly Float32Array[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const col of columns) {
    for (const v of col) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (hi - lo < 1e-6) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.07;
  return [lo - pad, hi + pad];
}

/** (max|f′|)ᵏ for k = 1 … kMax: the most a product of k slopes can be. */
export function chainBound(maxSlope: number, kMax: number): Float64Array {
  return Float64Array.from({ length: kMax }, (_, i) => maxSlope ** (i + 1));
}
