// One small uPlot chart of curves over training steps: made once, its series
// replaced only when the network's shape changes, its data fed as columns.
// Non-finite values (and values ≤ 0 on a log axis) become gaps. The uPlot
// itself is made when the chart first comes near the view (or its canvas is
// asked for): until then its box keeps the plot's height and the chart only
// keeps what it was given, so charts scrolled out of a column cost nothing.
import uPlot from 'uplot';
import { css, palette } from './theme';
import { plotColumns, type CurveChartOptions } from './curve-data';
import { nearView, watchNear } from './near-view';
import { el, setText } from '../views/train/ui';

export interface CurveSeries {
  label: string;
  color: string;
  dash?: number[];
  width?: number;
}

export type { CurveChartOptions } from './curve-data';

type Column = ArrayLike<number>;

/** A chart is made this far (CSS px) before it scrolls into view, so that it is drawn when it arrives. */
const NEAR_PX = 160;

export class CurveChart {
  readonly root: HTMLElement;
  readonly title: HTMLElement;
  readonly #legend: HTMLElement;
  readonly #plotBox: HTMLElement;
  readonly #opts: CurveChartOptions;
  readonly #font: string;
  #plot: uPlot | null = null;
  readonly #observer: ResizeObserver;
  #unwatch: (() => void) | null = null;
  #labels = { x: '', y: '' };
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
    // The plot's height, held until the plot is made, so the layout does not move then.
    this.#plotBox.style.minHeight = `${opts.height ?? 150}px`;
    this.root = el('figure', { cls: 'nt-chart' }, [this.title, this.#legend, this.#plotBox]);
    this.#font = `11px ${palette().font}`;
    this.#observer = new ResizeObserver(() => this.resize());
    this.#observer.observe(this.#plotBox);
  }

  /** Whether the uPlot exists yet (it is made near the view, or for the export). */
  get made(): boolean {
    return this.#plot !== null;
  }

  /** Makes the uPlot now, at the box's width, drawn at once with what the chart was given. */
  make(): uPlot {
    if (this.#plot) return this.#plot;
    this.#unwatch?.();
    this.#unwatch = null;
    this.#transform();
    const opts = this.#opts;
    const fmt = opts.yFormat ?? defaultFormat;
    const font = this.#font;
    // Axis titles (step; the quantity) are set in the page's language by setAxisTitles.
    const axis = (side: 2 | 3): uPlot.Axis => ({
      side,
      font,
      label: side === 2 ? this.#labels.x : this.#labels.y,
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
        width: Math.max(160, Math.floor(this.#plotBox.clientWidth)),
        height: opts.height ?? 150,
        padding: [8, 10, 0, 0],
        scales: {
          x: { time: false, range: () => this.#xRange },
          y: opts.logY ? { distr: 3, log: 10, range: () => this.#yRange } : { range: () => this.#yRange },
        },
        axes: [axis(2), axis(3)],
        series: [{}, ...this.#series.map(seriesOptions)],
        legend: { show: false },
        cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 6 }, y: false },
        hooks: { draw: [(u) => this.#report(u, font)] },
      },
      [this.#x, ...this.#ys.slice(0, this.#raw.ys.length)] as unknown as uPlot.AlignedData,
      // Drawn now (batch), not in uPlot's microtask: the export may read the canvas at once.
      (u, init) => {
        this.#plotBox.append(u.root);
        u.batch(init);
      },
    );
    this.#plotBox.style.minHeight = '';
    return this.#plot;
  }

  /** uPlot's canvas (axes and curves; no background), for the PNG export. */
  get canvas(): HTMLCanvasElement {
    return this.make().ctx.canvas;
  }

  /** The series as shown in the legend, for the PNG export. */
  get legend(): readonly CurveSeries[] {
    return this.#series;
  }

  /** The x and y axis titles ("step", "loss"); drawn by uPlot beside the ticks. */
  setAxisTitles(x: string, y: string): void {
    if (this.#labels.x === x && this.#labels.y === y) return;
    this.#labels = { x, y };
    const plot = this.#plot;
    if (!plot) return;
    plot.axes[0].label = x;
    plot.axes[1].label = y;
    plot.redraw(false, true);
  }

  setTitle(text: string): void {
    setText(this.title, text);
    this.root.setAttribute('aria-label', text);
  }

  setSeries(series: CurveSeries[]): void {
    const same = series.length === this.#series.length && series.every((s, i) => s.label === this.#series[i].label && s.color === this.#series[i].color);
    if (same) return;
    this.#series = series;
    this.#ys = series.map(() => []);
    const plot = this.#plot;
    if (plot) {
      for (let i = plot.series.length - 1; i >= 1; i--) plot.delSeries(i);
      for (const s of series) plot.addSeries(seriesOptions(s));
    }
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
    const plot = this.#plot;
    if (!plot) return;
    this.#transform();
    plot.setData([this.#x, ...this.#ys.slice(0, ys.length)] as unknown as uPlot.AlignedData, true);
  }

  /** The last data given, as uPlot takes it (plotColumns), and the ranges to show. */
  #transform(): void {
    const r = plotColumns(this.#raw, this.#opts, this.#x, this.#ys);
    this.#xRange = r.x;
    this.#yRange = r.y;
  }

  /**
   * Follows the box's width. Before the plot is made: makes it if the chart
   * is near the view, else watches for that (the column it scrolls in is
   * known once it is laid out).
   */
  resize(): void {
    const plot = this.#plot;
    if (!plot) {
      if (nearView(this.#plotBox, NEAR_PX)) this.make();
      else if (!this.#unwatch && this.#plotBox.isConnected) this.#unwatch = watchNear(this.#plotBox, NEAR_PX, () => this.make());
      return;
    }
    const w = Math.max(160, Math.floor(this.#plotBox.clientWidth));
    const h = this.#opts.height ?? 150;
    if (w !== plot.width || h !== plot.height) plot.setSize({ width: w, height: h });
  }

  redraw(): void {
    this.#plot?.redraw(false, true);
  }

  destroy(): void {
    this.#observer.disconnect();
    this.#unwatch?.();
    this.#plot?.destroy();
  }

  // Reports the axis titles and tick label boxes on the canvas, as the canvas
  // charts do (canvas-chart.ts): where uPlot drew them, in CSS pixels; and the x axis's end.
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
    // The last step the x axis shows: a test can tell that a chart made late shows the latest history.
    const xMax = String(u.scales.x.max ?? '');
    if (c.dataset.xMax !== xMax) c.dataset.xMax = xMax;
  }
}

function seriesOptions(s: CurveSeries): uPlot.Series {
  const dpr = devicePixelRatio || 1;
  return { label: s.label, stroke: s.color, width: s.width ?? 1.75, dash: s.dash?.map((d) => d * dpr), points: { show: false }, spanGaps: false };
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
