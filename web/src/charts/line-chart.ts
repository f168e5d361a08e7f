// Several y(x) lines on one uPlot chart: created once per view, series added or
// removed only when the selection changes, data fed as columnar arrays through
// setData. Optional log y axis (the chain view), a shared cursor (f and f′ side
// by side) and a vertical marker (the probe x, or the chosen depth n).
import uPlot from 'uplot';
import { superscript } from '../ui/format';
import { readTheme, type ChartTheme } from './theme';

export interface LineSeries {
  label: string;
  color: () => string;
  dash: number[];
}

export type Column = Float32Array | Float64Array | (number | null)[];

export interface LineChartOptions {
  xLabel: string;
  yLabel: string;
  logY?: boolean;
  /** Charts with the same key move their cursors together. */
  syncKey?: string;
  /** Called with the sample index under the cursor (null when it leaves). */
  onCursor?: (index: number | null) => void;
  /** x of a vertical marker line, read at draw time. */
  marker?: () => number | null;
  /** Integer x ticks (layer counts). */
  integerX?: boolean;
  aspect?: number;
  minHeight?: number;
  maxHeight?: number;
}

export class LineChart {
  readonly #container: HTMLElement;
  readonly #options: LineChartOptions;
  readonly #plot: uPlot;
  readonly #observer: ResizeObserver;
  #theme: ChartTheme = readTheme();
  #xRange: [number, number] = [0, 1];
  #yRange: [number, number] = [0.1, 10];

  constructor(container: HTMLElement, options: LineChartOptions) {
    this.#container = container;
    this.#options = options;
    const font = (size: number, style = '') => `${style} ${size}px ${this.#theme.font}`.trim();
    const axis = (label: string, side: 2 | 3, values: (v: number) => string): uPlot.Axis => ({
      side,
      label,
      labelSize: 20,
      labelGap: 0,
      labelFont: font(13, 'italic'),
      font: font(11),
      size: side === 3 ? (options.logY ? 62 : 44) : 30,
      gap: 4,
      stroke: () => this.#theme.axis,
      grid: { stroke: () => this.#theme.grid, width: 1 },
      ticks: { show: false },
      // Log scales hand over null for ticks they skip.
      values: (_u, splits) => splits.map((v) => (v == null ? '' : values(v))),
    });
    const { width, height } = this.#size();
    this.#plot = new uPlot(
      {
        width,
        height,
        padding: [12, 14, 0, 0],
        scales: {
          x: { time: false, range: () => this.#xRange },
          y: options.logY ? { distr: 3, log: 10, range: () => this.#yRange } : { range: () => this.#yRange },
        },
        axes: [
          { ...axis(options.xLabel, 2, tick), ...(options.integerX ? { incrs: [1, 2, 5, 10] } : {}) },
          options.logY
            ? {
                ...axis(options.yLabel, 3, logTick),
                splits: (u) => decades(u.scales.y.min ?? 0.1, u.scales.y.max ?? 10),
                // uPlot's log filter would blank most of these whole decades.
                filter: (_u, splits) => splits,
              }
            : axis(options.yLabel, 3, tick),
        ],
        series: [{ label: options.xLabel }],
        legend: { show: false },
        cursor: {
          drag: { x: false, y: false, setScale: false },
          points: { size: 7 },
          y: false,
          ...(options.syncKey ? { sync: { key: options.syncKey } } : {}),
        },
        hooks: {
          drawAxes: [(u) => this.#drawZeroLines(u)],
          draw: [(u) => this.#drawMarker(u)],
          setCursor: [(u) => options.onCursor?.(u.cursor.idx ?? null)],
        },
      },
      [[], []] as unknown as uPlot.AlignedData,
      container,
    );
    this.#observer = new ResizeObserver(() => this.resize());
    this.#observer.observe(container);
  }

  /** Replaces the series (a selection change, not a per-frame call). */
  setSeries(series: readonly LineSeries[]): void {
    for (let i = this.#plot.series.length - 1; i >= 1; i--) this.#plot.delSeries(i);
    for (const s of series) {
      this.#plot.addSeries({
        label: s.label,
        stroke: s.color,
        // uPlot scales widths by the pixel ratio but not dashes.
        dash: s.dash.map((d) => d * devicePixelRatio),
        width: 2.25,
        points: { show: false, fill: s.color, stroke: s.color },
        spanGaps: false,
      });
    }
  }

  setData(x: Column, ys: readonly Column[], xRange: [number, number], yRange: [number, number]): void {
    this.#xRange = xRange;
    this.#yRange = yRange;
    this.#plot.setData([x, ...ys] as unknown as uPlot.AlignedData, true);
  }

  /** Repaints (the marker moved). */
  redraw(): void {
    this.#plot.redraw(false, false);
  }

  resize(): void {
    const { width, height } = this.#size();
    if (width !== this.#plot.width || height !== this.#plot.height) this.#plot.setSize({ width, height });
  }

  refreshTheme(): void {
    this.#theme = readTheme();
    this.#plot.redraw(false, true);
  }

  destroy(): void {
    this.#observer.disconnect();
    this.#plot.destroy();
  }

  #size(): { width: number; height: number } {
    const { aspect = 0.62, minHeight = 190, maxHeight = 320 } = this.#options;
    const width = Math.max(220, Math.floor(this.#container.clientWidth));
    return { width, height: Math.round(Math.min(maxHeight, Math.max(minHeight, width * aspect))) };
  }

  #drawZeroLines(u: uPlot): void {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.strokeStyle = this.#theme.zero;
    ctx.lineWidth = Math.max(1, devicePixelRatio);
    ctx.beginPath();
    const x0 = Math.round(u.valToPos(0, 'x', true)) + 0.5;
    if (!this.#options.integerX && x0 >= bbox.left && x0 <= bbox.left + bbox.width) {
      ctx.moveTo(x0, bbox.top);
      ctx.lineTo(x0, bbox.top + bbox.height);
    }
    const y0 = Math.round(u.valToPos(this.#options.logY ? 1 : 0, 'y', true)) + 0.5;
    if (y0 >= bbox.top && y0 <= bbox.top + bbox.height) {
      ctx.moveTo(bbox.left, y0);
      ctx.lineTo(bbox.left + bbox.width, y0);
    }
    ctx.stroke();
    ctx.restore();
  }

  #drawMarker(u: uPlot): void {
    const at = this.#options.marker?.();
    if (at === null || at === undefined) return;
    const { ctx, bbox } = u;
    const x = Math.round(u.valToPos(at, 'x', true)) + 0.5;
    if (x < bbox.left || x > bbox.left + bbox.width) return;
    ctx.save();
    ctx.strokeStyle = this.#theme.axis;
    ctx.lineWidth = Math.max(1, devicePixelRatio);
    ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.restore();
  }
}

/** Tick labels without float noise, with a true minus sign. */
function tick(v: number): string {
  const s = String(Math.round(v * 1000) / 1000);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** Powers of ten: 1, 10, 0.1 … plainly; beyond that 10ⁿ. */
function logTick(v: number): string {
  const e = Math.round(Math.log10(v));
  if (Math.abs(e) <= 2) return tick(10 ** e);
  return `10${superscript(e)}`;
}

/** At most about six whole decades between min and max, evenly spaced. */
function decades(min: number, max: number): number[] {
  if (!(min > 0 && max > min && Number.isFinite(max))) return [];
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  const step = Math.max(1, Math.ceil((hi - lo) / 6));
  const out: number[] = [];
  for (let e = hi; e >= lo; e -= step) out.unshift(10 ** e);
  return out;
}
