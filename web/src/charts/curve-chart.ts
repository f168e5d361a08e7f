// One small uPlot chart of curves over training steps: made once, its series
// replaced only when the network's shape changes, its data fed as columns.
// Non-finite values (and values ≤ 0 on a log axis) become gaps.
import uPlot from 'uplot';
import { css, palette } from './theme';
import { el, setText } from '../views/train/ui';

export interface CurveSeries {
  label: string;
  color: string;
  dash?: number[];
  width?: number;
}

export interface CurveChartOptions {
  logY?: boolean;
  /** A fixed y range (accuracy, fractions); otherwise fitted to the data. */
  yRange?: [number, number];
  yFormat?: (v: number) => string;
  height?: number;
  /** Exponential smoothing of noisy per-batch series (0 = off; the weight of the newest row). */
  smooth?: number;
}

type Column = ArrayLike<number>;

const ZERO_FLOOR = 1e-9;
// uPlot's log ticks only know powers of ten within about 1e±16; outside them
// its tick loop runs away. Values are clamped into this band (an exploded
// gradient then sits on the top edge, a vanished one on the bottom).
const LOG_MIN = 1e-12;
const LOG_MAX = 1e15;

export class CurveChart {
  readonly root: HTMLElement;
  readonly title: HTMLElement;
  readonly #legend: HTMLElement;
  readonly #plotBox: HTMLElement;
  readonly #opts: CurveChartOptions;
  readonly #plot: uPlot;
  readonly #observer: ResizeObserver;
  #raw: { x: Column; ys: readonly Column[] } = { x: [], ys: [] };
  #series: CurveSeries[] = [];
  #x: number[] = [];
  #ys: (number | null)[][] = [];
  #xRange: [number, number] = [0, 100];
  #yRange: [number, number] = [0, 1];
  /** The ticks uPlot last labelled, per axis (x, y). */
  readonly #shown: { splits: readonly (number | null)[]; labels: string[] }[] = [{ splits: [], labels: [] }, { splits: [], labels: [] }];

  constructor(opts: CurveChartOptions = {}) {
    this.#opts = opts;
    // A log axis must never see a range touching 0 (uPlot would not finish its ticks).
    if (opts.logY) this.#yRange = [1e-4, 1];
    this.title = el('h4', { cls: 'nt-chart-title' });
    this.#legend = el('div', { cls: 'nt-legend', attrs: { 'aria-hidden': 'true' } });
    this.#plotBox = el('div', { cls: 'nt-chart-plot' });
    this.root = el('figure', { cls: 'nt-chart' }, [this.title, this.#legend, this.#plotBox]);
    const pal = palette();
    const font = `11px ${pal.font}`;
    const fmt = opts.yFormat ?? defaultFormat;
    // Axis titles (step; the quantity) are set in the page's language by setAxisTitles.
    const axis = (side: 2 | 3): uPlot.Axis => ({
      side,
      font,
      label: '',
      labelFont: font,
      labelSize: 14,
      labelGap: 0,
      size: side === 3 ? (opts.logY ? 48 : 40) : 24,
      gap: side === 3 ? 6 : 3,
      stroke: () => css(palette().muted),
      grid: { stroke: () => css(palette().grid), width: 1 },
      ticks: { show: false },
      // Room for a label like "1.25k" or "1e−12" between ticks (uPlot's spacing, in CSS pixels).
      space: side === 2 ? 44 : 24,
      values: (_u, splits) => {
        const labels = splits.map((v) => (v == null || !Number.isFinite(v) ? '' : side === 3 ? fmt(v) : compact(v)));
        this.#shown[side === 2 ? 0 : 1] = { splits, labels };
        return labels;
      },
    });
    this.#plot = new uPlot(
      {
        width: 300,
        height: opts.height ?? 150,
        padding: [8, 10, 0, 0],
        scales: {
          x: { time: false, range: () => this.#xRange },
          y: opts.logY ? { distr: 3, log: 10, range: () => this.#yRange } : { range: () => this.#yRange },
        },
        axes: [axis(2), axis(3)],
        series: [{}],
        legend: { show: false },
        cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 6 }, y: false },
        hooks: { draw: [(u) => this.#report(u, font)] },
      },
      [[], []] as unknown as uPlot.AlignedData,
      this.#plotBox,
    );
    this.#observer = new ResizeObserver(() => this.resize());
    this.#observer.observe(this.#plotBox);
  }

  /** uPlot's canvas (axes and curves; no background), for the PNG export. */
  get canvas(): HTMLCanvasElement {
    return this.#plot.ctx.canvas;
  }

  /** The series as shown in the legend, for the PNG export. */
  get legend(): readonly CurveSeries[] {
    return this.#series;
  }

  /** The x and y axis titles ("step", "loss"); drawn by uPlot beside the ticks. */
  setAxisTitles(x: string, y: string): void {
    const [ax, ay] = [this.#plot.axes[0], this.#plot.axes[1]];
    if (ax.label === x && ay.label === y) return;
    ax.label = x;
    ay.label = y;
    this.#plot.redraw(false, true);
  }

  setTitle(text: string): void {
    setText(this.title, text);
    this.root.setAttribute('aria-label', text);
  }

  setSeries(series: CurveSeries[]): void {
    const same = series.length === this.#series.length && series.every((s, i) => s.label === this.#series[i].label && s.color === this.#series[i].color);
    if (same) return;
    this.#series = series;
    for (let i = this.#plot.series.length - 1; i >= 1; i--) this.#plot.delSeries(i);
    const dpr = devicePixelRatio || 1;
    for (const s of series) {
      this.#plot.addSeries({
        label: s.label,
        stroke: s.color,
        width: s.width ?? 1.75,
        dash: s.dash?.map((d) => d * dpr),
        points: { show: false },
        spanGaps: false,
      });
    }
    this.#ys = series.map(() => []);
    this.#legend.replaceChildren(
      ...series.map((s) => {
        const sw = el('span', { cls: s.dash ? 'nt-swatch nt-swatch-dash' : 'nt-swatch' });
        sw.style.borderColor = s.color;
        return el('span', { cls: 'nt-legend-item' }, [sw, s.label]);
      }),
    );
  }

  /** The data last given to setData, unsmoothed (for the chart's text alternative). */
  get data(): { x: Column; ys: readonly Column[] } {
    return this.#raw;
  }

  setData(x: Column, ys: readonly Column[]): void {
    this.#raw = { x, ys };
    const n = x.length;
    this.#x.length = n;
    for (let i = 0; i < n; i++) this.#x[i] = x[i];
    let lo = Infinity;
    let hi = -Infinity;
    const log = Boolean(this.#opts.logY);
    // Exact zeros (a dead layer's gradient) sit on a floor two decades under the data.
    let minPositive = Infinity;
    if (log) for (const col of ys) for (let i = 0; i < n; i++) if (col[i] > 0 && col[i] < minPositive) minPositive = col[i];
    const floor = Math.max(LOG_MIN, Number.isFinite(minPositive) ? minPositive / 100 : ZERO_FLOOR);
    ys.forEach((col, s) => {
      const out = this.#ys[s] ?? (this.#ys[s] = []);
      out.length = n;
      const a = this.#opts.smooth ?? 0;
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
    this.#xRange = n > 1 ? [x[0], Math.max(x[n - 1], x[0] + 10)] : [0, 100];
    this.#yRange = this.#opts.yRange ?? fitRange(lo, hi, Boolean(this.#opts.logY));
    this.#plot.setData([this.#x, ...this.#ys.slice(0, ys.length)] as unknown as uPlot.AlignedData, true);
  }

  resize(): void {
    const w = Math.max(160, Math.floor(this.#plotBox.clientWidth));
    const h = this.#opts.height ?? 150;
    if (w !== this.#plot.width || h !== this.#plot.height) this.#plot.setSize({ width: w, height: h });
  }

  redraw(): void {
    this.#plot.redraw(false, true);
  }

  destroy(): void {
    this.#observer.disconnect();
    this.#plot.destroy();
  }

  // Reports the axis titles and tick label boxes on the canvas, as the canvas
  // charts do (canvas-chart.ts): where uPlot drew them, in CSS pixels.
  #report(u: uPlot, font: string): void {
    const ctx = u.ctx;
    const dpr = u.width > 0 ? ctx.canvas.width / u.width : 1;
    const left = u.bbox.left / dpr;
    const top = u.bbox.top / dpr;
    const bottom = top + u.bbox.height / dpr;
    const [ax, ay] = u.axes;
    ctx.save();
    ctx.font = font;
    const boxes: number[][] = [];
    const size = 11 + 2;
    this.#shown[0].splits.forEach((v, i) => {
      const text = this.#shown[0].labels[i];
      if (v == null || !text) return;
      const w = ctx.measureText(text).width;
      boxes.push([left + u.valToPos(v, 'x') - w / 2, bottom + (ax.gap ?? 3), w, size]);
    });
    this.#shown[1].splits.forEach((v, i) => {
      const text = this.#shown[1].labels[i];
      if (v == null || !text) return;
      const w = ctx.measureText(text).width;
      boxes.push([left - (ay.gap ?? 3) - w, top + u.valToPos(v, 'y') - size / 2, w, size]);
    });
    ctx.restore();
    const c = ctx.canvas;
    const ticks = JSON.stringify(boxes.map((b) => b.map((x) => Math.round(x * 10) / 10)));
    // Attributes are written only when they change: the curves redraw every frame.
    if (c.dataset.ticks !== ticks) c.dataset.ticks = ticks;
    if (c.dataset.axisX !== (ax.label ?? '')) c.dataset.axisX = String(ax.label ?? '');
    if (c.dataset.axisY !== (ay.label ?? '')) c.dataset.axisY = String(ay.label ?? '');
  }
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

function defaultFormat(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e4)) {
    const e = Math.round(Math.log10(a));
    if (Math.abs(v - Math.pow(10, e)) < 1e-9 * a) return `1e${e}`.replace('-', '−');
    return v.toExponential(0).replace('-', '−');
  }
  return String(Number(v.toPrecision(3))).replace('-', '−');
}

/** Step counts: 1.2k, 30k. */
function compact(v: number): string {
  if (Math.abs(v) >= 1000) return `${Number((v / 1000).toPrecision(3))}k`;
  return String(Math.round(v));
}
