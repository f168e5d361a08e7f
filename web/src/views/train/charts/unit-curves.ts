// Every unit of one hidden layer over x, for 1-D data: thin lines of a(x)
// (unit-forward.ts computes them from the trained weights and checks them
// against the core). A ReLU layer shows straight lines with one kink each, a
// tanh layer smooth S-curves.
import type { Engine, Trainer } from '../../../engine/engine';
import { unitOutputs } from './unit-forward';
import { palette } from '../../../charts/theme';
import { ctx2d, el } from '../ui';
import { sizeCanvas } from '../../../charts/canvas-size';
import { drawXFrame, xPixel, xSamples, type PlotArea } from '../../../charts/x-frame';

const N = 121;
const XS = xSamples(N);
/** Recompute at most this often (ms) while the weights change; a big network waits longer. */
const EVERY_MS = 200;
/** …at most this share of the time goes into the curves. */
const SHARE = 0.1;

export class UnitCurves {
  readonly root: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly #observer: ResizeObserver;
  readonly #engine: Engine;
  /** units × points, row-major. */
  #values: Float32Array = new Float32Array(0);
  #units = 0;
  #layer = 0;
  #w = 0;
  #h = 0;
  #last = 0;
  #wait = EVERY_MS;
  #timer = 0;
  #pending: Trainer | null = null;

  constructor(engine: Engine) {
    this.#engine = engine;
    this.canvas = el('canvas', { cls: 'nt-unitcurves-canvas', attrs: { role: 'img' } });
    this.root = el('div', { cls: 'nt-unitcurves-plot' }, [this.canvas]);
    this.#observer = new ResizeObserver(() => this.resize());
    this.#observer.observe(this.root);
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

  resize(): void {
    const w = Math.floor(this.root.clientWidth);
    if (w <= 0 || w === this.#w) return;
    this.#w = w;
    this.#h = Math.round(Math.min(220, Math.max(150, w * 0.42)));
    sizeCanvas(this.canvas, w, this.#h);
    this.draw();
  }

  destroy(): void {
    this.#observer.disconnect();
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

  draw(): void {
    const ctx = ctx2d(this.canvas);
    if (!ctx || this.#w === 0) return;
    const pal = palette();
    const w = this.#w;
    const h = this.#h;
    const dpr = this.canvas.width / w;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const left = 34;
    const top = 6;
    const bottom = h - 20;
    const n = N;
    let lo = 0;
    let hi = 0;
    for (const v of this.#values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    if (hi - lo < 1e-6) [lo, hi] = [lo - 1, hi + 1];
    const pad = (hi - lo) * 0.08;
    [lo, hi] = [lo - pad, hi + pad];
    const area: PlotArea = { left, top, right: w - 6, bottom };
    const xOf = (x: number) => xPixel(area, x);
    const yOf = (y: number) => top + ((hi - y) / (hi - lo)) * (bottom - top);
    drawXFrame(ctx, pal, area, yOf, [0]);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    // The extremes and 0, one decimal unless large; a label too close to one drawn is left out.
    const big = Math.max(Math.abs(hi), Math.abs(lo)) >= 10;
    const label = (v: number) => (Math.abs(v) < 1e-9 ? '0' : v.toFixed(big ? 0 : 1)).replace('-', '−');
    const drawn: number[] = [];
    for (const v of [0, hi - pad, lo + pad]) {
      const y = yOf(v);
      if (drawn.some((d) => Math.abs(d - y) < 12)) continue;
      drawn.push(y);
      ctx.fillText(label(v), left - 4, y);
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, w - left - 6, bottom - top);
    ctx.clip();
    ctx.lineWidth = 1.25;
    for (let u = 0; u < this.#units; u++) {
      ctx.strokeStyle = pal.series[u % pal.series.length];
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        const y = yOf(this.#values[u * n + i]);
        if (i === 0) ctx.moveTo(xOf(XS[i]), y);
        else ctx.lineTo(xOf(XS[i]), y);
      }
      ctx.stroke();
    }
    ctx.restore();
  }
}
