// A curve chart's columns as uPlot takes them: gaps (null) for what cannot be
// drawn, smoothing, and the x and y ranges to show. No DOM.
type Column = ArrayLike<number>;

export interface CurveChartOptions {
  logY?: boolean;
  /** A fixed y range (accuracy, fractions); otherwise fitted to the data. */
  yRange?: [number, number];
  yFormat?: (v: number) => string;
  height?: number;
  /** Exponential smoothing of noisy per-batch series (0 = off; the weight of the newest row). */
  smooth?: number;
}

const ZERO_FLOOR = 1e-9;
// uPlot's log ticks only know powers of ten within about 1e±16; outside them
// its tick loop runs away. Values are clamped into this band (an exploded
// gradient then sits on the top edge, a vanished one on the bottom).
const LOG_MIN = 1e-12;
const LOG_MAX = 1e15;

/** Fills `xs` and `ys` (reused between frames) from `raw`; returns the ranges. */
export function plotColumns(
  raw: { x: Column; ys: readonly Column[] }, opts: CurveChartOptions, xs: number[], ysOut: (number | null)[][],
): { x: [number, number]; y: [number, number] } {
  const { x, ys } = raw;
  const n = x.length;
  xs.length = n;
  for (let i = 0; i < n; i++) xs[i] = x[i];
  let lo = Infinity;
  let hi = -Infinity;
  const log = Boolean(opts.logY);
  // Exact zeros (a dead layer's gradient) sit on a floor two decades under the data.
  let minPositive = Infinity;
  if (log) for (const col of ys) for (let i = 0; i < n; i++) if (col[i] > 0 && col[i] < minPositive) minPositive = col[i];
  const floor = Math.max(LOG_MIN, Number.isFinite(minPositive) ? minPositive / 100 : ZERO_FLOOR);
  ys.forEach((col, s) => {
    const out = ysOut[s] ?? (ysOut[s] = []);
    out.length = n;
    const a = opts.smooth ?? 0;
    let ema = NaN;
    for (let i = 0; i < n; i++) {
      let v = col[i];
      // Row 0 is the state before any step: no gradient yet.
      if (log && v === 0) v = i === 0 ? NaN : floor;
      if (log && v > 0) v = Math.min(LOG_MAX, Math.max(LOG_MIN, v));
      const ok = Number.isFinite(v) && (!log || v > 0);
      if (ok && a > 0) {
        // Smooth in log space on a log axis, so one spike does not dominate.
        const u = log ? Math.log(v) : v;
        ema = Number.isNaN(ema) ? u : ema + a * (u - ema);
        v = log ? Math.exp(ema) : ema;
      }
      out[i] = ok ? v : null;
      if (ok) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  });
  return {
    x: n > 1 ? [x[0], Math.max(x[n - 1], x[0] + 10)] : [0, 100],
    y: opts.yRange ?? fitRange(lo, hi, log),
  };
}

function fitRange(lo: number, hi: number, log: boolean): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return log ? [1e-4, 1] : [0, 1];
  if (log) {
    // Exact powers of ten, as uPlot's log ticks expect.
    const a = Math.floor(Math.log10(Math.max(lo, LOG_MIN)));
    const b = Math.ceil(Math.log10(Math.min(hi, LOG_MAX)));
    return [Number(`1e${a}`), Number(`1e${b > a ? b : a + 1}`)];
  }
  const lower = lo >= 0 ? 0 : lo;
  const span = hi - lower || Math.abs(hi) || 1;
  return [lower, hi + span * 0.08];
}
