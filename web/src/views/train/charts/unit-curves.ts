// Every unit of one hidden layer over x, for 1-D data: thin lines of a(x)
// (unit-forward.ts computes them from the trained weights and checks them
// against the core). A ReLU layer shows straight lines with one kink each, a
// tanh layer smooth S-curves.
import type { Engine, Trainer } from '../../../engine/engine';
import { unitOutputs } from './unit-forward';
import type { Palette } from '../../../charts/theme';
import { XChart, clipped, polyline, xSamples } from '../../../charts/x-frame';
import type { Localizer } from '../ui';

const N = 121;
const XS = xSamples(N);
/** Recompute at most this often (ms) while the weights change; a big network waits longer. */
const EVERY_MS = 200;
/** …at most this share of the time goes into the curves. */
const SHARE = 0.1;

export class UnitCurves extends XChart {
  readonly #engine: Engine;
  /** units × points, row-major. */
  #values: Float32Array = new Float32Array(0);
  #units = 0;
  #layer = 0;
  #last = 0;
  #wait = EVERY_MS;
  #timer = 0;
  #pending: Trainer | null = null;

  constructor(engine: Engine, L: Localizer) {
    super({ cls: 'nt-unitcurves-canvas', rootCls: 'nt-unitcurves-plot', height: (w) => Math.min(234, Math.max(164, w * 0.42 + 14)) });
    this.#engine = engine;
    const titles = () => this.setAxisTitles(L.t('axisX'), L.t('axisUnitOut'));
    titles();
    L.onChange(titles);
  }

  /** The hidden layer to show (0-based); -1 for none. */
  setLayer(layer: number): void {
    this.#layer = layer;
    this.#last = 0;
  }

  get layer(): number {
    return this.#layer;
  }

  get units(): number {
    return this.#units;
  }

  /** Recomputes from the trainer's weights (throttled while they keep changing). */
  update(trainer: Trainer | null, force = false): void {
    const now = performance.now();
    if (!force && now - this.#last < this.#wait) {
      // A trailing update, so the picture after a pause is the final one.
      this.#pending = trainer;
      if (this.#timer === 0) this.#timer = window.setTimeout(() => this.#flush(), this.#wait);
      return;
    }
    this.#compute(trainer);
    this.draw();
    this.#last = performance.now();
    this.#wait = Math.max(EVERY_MS, (this.#last - now) / SHARE);
  }

  destroy(): void {
    super.destroy();
    clearTimeout(this.#timer);
    this.#pending = null;
  }

  #flush(): void {
    this.#timer = 0;
    const t = this.#pending;
    this.#pending = null;
    if (t && !t.disposed) this.update(t, true);
  }

  #compute(t: Trainer | null): void {
    const layer = this.#layer;
    if (!t || t.disposed || t.shape.inputs !== 1 || layer < 0 || layer >= t.shape.units.length - 1) {
      this.#units = 0;
      this.#values = new Float32Array(0);
      delete this.canvas.dataset.values;
      return;
    }
    const units = t.shape.units[layer];
    const { values, source } = unitOutputs(this.#engine, t, layer, XS);
    this.canvas.dataset.source = source;
    this.#units = units;
    this.#values = values;
    // For tests and curious readers: the curves, 3 decimals, one list per unit.
    this.canvas.dataset.values = JSON.stringify(
      Array.from({ length: units }, (_, u) => Array.from(values.subarray(u * N, u * N + N), (v) => Math.round(v * 1000) / 1000)),
    );
  }

  protected paint(ctx: CanvasRenderingContext2D, pal: Palette): void {
    let lo = 0;
    let hi = 0;
    for (const v of this.#values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    if (hi - lo < 1e-6) [lo, hi] = [lo - 1, hi + 1];
    const pad = (hi - lo) * 0.08;
    const f = this.frame(ctx, pal, lo - pad, hi + pad);
    clipped(ctx, f.area, () => {
      ctx.lineWidth = 1.25;
      for (let u = 0; u < this.#units; u++) {
        ctx.strokeStyle = pal.series[u % pal.series.length];
        polyline(ctx, f, XS, this.#values, u * N);
      }
    });
  }
}
