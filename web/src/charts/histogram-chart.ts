// A histogram on a canvas: bars of counts over [lo, hi], count ticks on the
// left, value ticks below, axis titles, and the values that fell outside the
// drawn range marked at the ends (◂n, n▸) and explained in a caption under
// the chart. Optionally two curves over it, each scaled to the plot height:
// a hidden layer's f(z) and f′(z) over its pre-activation histogram (the
// engine's 40 bins over [−10, 10]), so a student sees where the inputs of the
// activation fall — on the slope, or on a flat, saturated or dead part. The
// same chart, binned here (binValues), shows a layer's weights and activations.
import type { Histogram } from '../engine/metrics';
import { edgeMarks, niceStep, niceTicks, tickBudget, tickLabel } from './axes';
import { CanvasChart, TICK_FONT } from './canvas-chart';
import { css, mix, type Palette } from './theme';
import { h, setText } from '../ui/dom';

/** The engine's pre-activation histograms cover [−HIST_RANGE, HIST_RANGE]. */
export const HIST_RANGE = 10;
const BINS = 24;

export interface Bins {
  counts: ArrayLike<number>;
  lo: number;
  hi: number;
  /** Values below lo and above hi (not drawn as bars). */
  below: number;
  above: number;
}

export interface Curves {
  z: Float32Array;
  f: Float32Array;
  df: Float32Array;
}

export interface HistogramTexts {
  x: string;
  y: string;
  /** The caption for the edge markers, given the range; omitted: no caption. */
  outside?: (lo: string, hi: string) => string;
}

/** Values (with weights, 1 each when omitted) in `bins` bins over their own finite range. */
export function binValues(values: ArrayLike<number>, weights?: ArrayLike<number>, bins = BINS): Bins {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && (weights?.[i] ?? 1) > 0) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!(hi > lo)) [lo, hi] = Number.isFinite(lo) ? [lo - 0.5, lo + 0.5] : [0, 1];
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) counts[Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins))] += weights?.[i] ?? 1;
  }
  return { counts, lo, hi, below: 0, above: 0 };
}

/** An engine pre-activation histogram as bins over [−HIST_RANGE, HIST_RANGE]. */
export function preActivationBins(hist: Histogram): Bins {
  return { counts: hist.counts, lo: -HIST_RANGE, hi: HIST_RANGE, below: hist.below, above: hist.above };
}

export class HistogramChart extends CanvasChart {
  readonly title: HTMLElement;
  /** What the edge markers mean (hidden for a chart without them). */
  readonly caption: HTMLElement;
  readonly stats: HTMLElement;
  #bins: Bins | null = null;
  #curves: Curves | null = null;
  #texts: HistogramTexts = { x: '', y: '' };
  #barTint: number;

  /** `small`: a weights or activations chart beside the main one (lower, lighter title). */
  constructor(opts: { small?: boolean } = {}) {
    const small = opts.small ?? false;
    const height = small ? 104 : 132;
    super({ cls: small ? 'nt-dist-canvas' : 'nt-hist-canvas', rootCls: small ? 'nt-dist' : 'nt-hist', rootTag: 'figure', height: () => height });
    this.#barTint = small ? 0.55 : 0.35;
    this.title = h(small ? 'p' : 'h4', { cls: small ? 'nt-dist-title' : 'nt-hist-title' });
    this.caption = h('p', { cls: 'nt-hist-edges' });
    this.caption.hidden = true;
    this.stats = h('p', { cls: 'nt-hist-stats' });
    this.root.prepend(this.title);
    this.root.append(this.caption);
    if (!small) this.root.append(this.stats);
  }

  setCurves(c: Curves | null): void {
    this.#curves = c;
    this.draw();
  }

  setBins(b: Bins | null): void {
    this.#bins = b;
    this.#caption();
    this.draw();
  }

  setHistogram(hist: Histogram | null): void {
    this.setBins(hist ? preActivationBins(hist) : null);
  }

  /** The axis titles and the edge caption, in the page's language. */
  setTexts(t: HistogramTexts): void {
    this.#texts = t;
    this.#caption();
    this.setAxisTitles(t.x, t.y);
  }

  #caption(): void {
    const b = this.#bins;
    const outside = this.#texts.outside;
    this.caption.hidden = !outside || !b;
    if (outside && b) setText(this.caption, outside(tickLabel(b.lo, 1), tickLabel(b.hi, 1)));
  }

  protected paint(ctx: CanvasRenderingContext2D, pal: Palette): void {
    const b = this.#bins;
    let max = 1;
    if (b) for (let i = 0; i < b.counts.length; i++) max = Math.max(max, b.counts[i]);
    const yTicks = niceTicks(0, max, tickBudget(this.height - 40, TICK_FONT, 6));
    const yStep = niceStep(0, max, yTicks.length);
    ctx.font = `${TICK_FONT}px ${pal.font}`;
    const yLabels = yTicks.map((v) => tickLabel(v, yStep));
    const a = this.plotArea(Math.max(...yLabels.map((t) => ctx.measureText(t).width), 6));
    const lo = b?.lo ?? -HIST_RANGE;
    const hi = b?.hi ?? HIST_RANGE;
    const s = this.scales(a, lo, hi, 0, max);
    ctx.fillStyle = css(mix(pal.surface, pal.text, 0.03));
    ctx.fillRect(a.left, a.top, a.right - a.left, a.bottom - a.top);
    if (b) {
      const n = b.counts.length;
      const bw = (a.right - a.left) / n;
      ctx.fillStyle = css(mix(pal.surface, pal.classes[1], this.#barTint));
      for (let i = 0; i < n; i++) {
        const top = s.y.px(b.counts[i]);
        ctx.fillRect(a.left + i * bw + 0.5, top, Math.max(1, bw - 1), a.bottom - top);
      }
    }
    // The frame and the zero line (when 0 is inside the range).
    ctx.strokeStyle = css(pal.text, 0.25);
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(a.left, a.bottom + 0.5);
    ctx.lineTo(a.right, a.bottom + 0.5);
    ctx.moveTo(a.left - 0.5, a.top);
    ctx.lineTo(a.left - 0.5, a.bottom);
    if (lo < 0 && hi > 0) {
      ctx.moveTo(Math.round(s.x.px(0)) + 0.5, a.top);
      ctx.lineTo(Math.round(s.x.px(0)) + 0.5, a.bottom);
    }
    ctx.stroke();
    const xTicks = niceTicks(lo, hi, tickBudget(a.right - a.left, 24));
    const xStep = niceStep(lo, hi, xTicks.length);
    this.drawTicks(ctx, pal, a, 'x', xTicks.map((v) => ({ at: s.x.px(v), text: tickLabel(v, xStep) })));
    this.drawTicks(ctx, pal, a, 'y', yTicks.map((v, i) => ({ at: s.y.px(v), text: yLabels[i] })));
    this.drawAxisTitles(ctx, pal, a);
    if (b) {
      const marks = edgeMarks(b.below, b.above);
      ctx.fillStyle = css(pal.text, 0.8);
      ctx.font = `600 ${TICK_FONT}px ${pal.font}`;
      ctx.textBaseline = 'top';
      ctx.textAlign = 'left';
      if (marks.left) ctx.fillText(marks.left, a.left + 2, a.top + 1);
      ctx.textAlign = 'right';
      if (marks.right) ctx.fillText(marks.right, a.right - 2, a.top + 1);
    }
    const c = this.#curves;
    if (c) {
      this.#line(ctx, c.z, c.f, s.x.px, a.top, a.bottom, pal.series[0], []);
      this.#line(ctx, c.z, c.df, s.x.px, a.top, a.bottom, pal.series[2], [4, 3], true);
    }
  }

  // A curve scaled to the plot's height (its own y range; the legend names it).
  #line(
    ctx: CanvasRenderingContext2D, z: Float32Array, y: Float32Array, xOf: (z: number) => number,
    top: number, bottom: number, color: string, dash: number[], fromZero = false,
  ): void {
    let lo = fromZero ? 0 : Infinity;
    let hi = -Infinity;
    for (const v of y) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (!(hi > lo)) hi = lo + 1;
    const yOf = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top - 4);
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.setLineDash(dash);
    ctx.beginPath();
    for (let i = 0; i < z.length; i++) {
      if (i === 0) ctx.moveTo(xOf(z[i]), yOf(y[i]));
      else ctx.lineTo(xOf(z[i]), yOf(y[i]));
    }
    ctx.stroke();
    ctx.restore();
  }
}
