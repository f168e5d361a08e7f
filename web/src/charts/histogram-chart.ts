// One hidden layer's pre-activation histogram (40 bins over [−10, 10], from
// the engine's metrics) drawn under the layer's f(z) and f′(z), so a student
// sees where the inputs of the activation fall: on the slope, or on a flat,
// saturated or dead part.
import type { Histogram } from '../engine/engine';
import { css, mix, palette } from './theme';
import { el } from '../views/train/ui';
import { CanvasFrame } from './canvas-size';

export const HIST_RANGE = 10;
const HEIGHT = 120;

export interface Curves {
  z: Float32Array;
  f: Float32Array;
  df: Float32Array;
}

export class HistogramChart {
  readonly root: HTMLElement;
  readonly title: HTMLElement;
  readonly stats: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly #frame: CanvasFrame;
  #curves: Curves | null = null;
  #hist: Histogram | null = null;

  constructor() {
    this.title = el('h4', { cls: 'nt-hist-title' });
    this.stats = el('p', { cls: 'nt-hist-stats' });
    this.canvas = el('canvas', { cls: 'nt-hist-canvas', attrs: { role: 'img' } });
    this.#frame = new CanvasFrame(this.canvas, HEIGHT);
    this.root = el('figure', { cls: 'nt-hist' }, [this.title, this.canvas, this.stats]);
  }

  setCurves(c: Curves | null): void {
    this.#curves = c;
    this.draw();
  }

  setHistogram(h: Histogram | null): void {
    this.#hist = h;
    this.draw();
  }

  resize(): void {
    if (this.#frame.resize()) this.draw();
  }

  draw(): void {
    const ctx = this.#frame.begin();
    if (!ctx) return;
    const w = this.#frame.width;
    const pal = palette();
    const top = 6;
    const bottom = HEIGHT - 16;
    const xOf = (z: number) => ((z + HIST_RANGE) / (2 * HIST_RANGE)) * w;
    // Bars.
    const h = this.#hist;
    if (h) {
      const n = h.counts.length;
      let max = 1;
      for (const c of h.counts) max = Math.max(max, c);
      ctx.fillStyle = css(mix(pal.surface, pal.classes[1], 0.35));
      for (let i = 0; i < n; i++) {
        const bh = (h.counts[i] / max) * (bottom - top);
        const x0 = (i / n) * w;
        ctx.fillRect(x0 + 0.5, bottom - bh, w / n - 1, bh);
      }
      ctx.fillStyle = css(pal.muted);
      ctx.font = `10px ${pal.font}`;
      ctx.textBaseline = 'top';
      if (h.below > 0) {
        ctx.textAlign = 'left';
        ctx.fillText(`◂${h.below}`, 2, top);
      }
      if (h.above > 0) {
        ctx.textAlign = 'right';
        ctx.fillText(`${h.above}▸`, w - 2, top);
      }
    }
    // Axis: z = 0 and the ends.
    ctx.strokeStyle = css(pal.text, 0.25);
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, bottom + 0.5);
    ctx.lineTo(w, bottom + 0.5);
    ctx.moveTo(Math.round(xOf(0)) + 0.5, top);
    ctx.lineTo(Math.round(xOf(0)) + 0.5, bottom);
    ctx.stroke();
    ctx.fillStyle = css(pal.muted);
    ctx.font = `10px ${pal.font}`;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillText('−10', 1, bottom + 3);
    ctx.textAlign = 'center';
    ctx.fillText('0', xOf(0), bottom + 3);
    ctx.textAlign = 'right';
    ctx.fillText('10', w - 1, bottom + 3);
    // f and f′, each scaled to the plot height.
    const c = this.#curves;
    if (c) {
      this.#line(ctx, c.z, c.f, xOf, top, bottom, pal.series[0], []);
      this.#line(ctx, c.z, c.df, xOf, top, bottom, pal.series[2], [4, 3], true);
    }
  }

  #line(
    ctx: CanvasRenderingContext2D, z: Float32Array, y: Float32Array, xOf: (z: number) => number,
    top: number, bottom: number, color: string, dash: number[], fromZero = false,
  ): void {
    let lo = fromZero ? 0 : Infinity;
    let hi = -Infinity;
    for (const v of y) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (!(hi > lo)) { hi = lo + 1; }
    const yOf = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top - 4);
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.setLineDash(dash);
    ctx.beginPath();
    for (let i = 0; i < z.length; i++) {
      const px = xOf(z[i]);
      const py = yOf(y[i]);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();
    ctx.restore();
  }
}
