// One y = f(x) line chart on uPlot: created once, fed columnar Float32Arrays
// through setData, resized with its container, redrawn on theme change.
import uPlot from 'uplot';
import { readTheme, type ChartTheme } from './theme';

export interface FunctionChartOptions {
  xRange: [number, number];
  yRange: [number, number];
  xLabel: string;
  yLabel: string;
  /** The line colour, read at draw time so it follows light/dark. */
  color: () => string;
  /** Called with the sample under the cursor, or null when it leaves. */
  onHover?: (x: number, y: number) => void;
  onLeave?: () => void;
}

const ASPECT = 0.62;
const MIN_HEIGHT = 170;
const MAX_HEIGHT = 250;

export class FunctionChart {
  readonly #container: HTMLElement;
  readonly #plot: uPlot;
  readonly #observer: ResizeObserver;
  #theme: ChartTheme = readTheme();

  constructor(container: HTMLElement, options: FunctionChartOptions) {
    this.#container = container;
    const font = (size: number, weight = '') => `${weight} ${size}px ${this.#theme.font}`.trim();
    const axis = (label: string, side: 2 | 3): uPlot.Axis => ({
      side,
      label,
      labelSize: 20,
      labelGap: 0,
      labelFont: font(13, 'italic'),
      font: font(11),
      size: side === 3 ? 38 : 30,
      gap: 4,
      stroke: () => this.#theme.axis,
      grid: { stroke: () => this.#theme.grid, width: 1 },
      ticks: { show: false },
      values: (_u, splits) => splits.map(formatTick),
    });
    const { width, height } = this.#size();
    this.#plot = new uPlot(
      {
        width,
        height,
        padding: [10, 12, 0, 0],
        scales: {
          x: { time: false, range: options.xRange },
          y: { range: options.yRange },
        },
        axes: [axis(options.xLabel, 2), axis(options.yLabel, 3)],
        series: [
          { label: options.xLabel },
          { label: options.yLabel, stroke: options.color, width: 2.5, points: { show: false } },
        ],
        legend: { show: false },
        cursor: {
          drag: { x: false, y: false, setScale: false },
          points: { size: 8, fill: options.color, stroke: options.color },
          y: false,
        },
        hooks: {
          drawAxes: [(u) => this.#drawZeroLines(u)],
          setCursor: [
            (u) => {
              const i = u.cursor.idx;
              const xs = u.data[0];
              const ys = u.data[1];
              if (i == null || ys === undefined) options.onLeave?.();
              else options.onHover?.(xs[i], ys[i] ?? NaN);
            },
          ],
        },
      },
      [new Float32Array(0), new Float32Array(0)],
      container,
    );
    this.#observer = new ResizeObserver(() => this.resize());
    this.#observer.observe(container);
  }

  setData(x: Float32Array, y: Float32Array): void {
    this.#plot.setData([x, y], false);
  }

  resize(): void {
    const { width, height } = this.#size();
    if (width !== this.#plot.width || height !== this.#plot.height) this.#plot.setSize({ width, height });
  }

  /** Re-reads the palette (light/dark) and repaints. */
  refreshTheme(): void {
    this.#theme = readTheme();
    this.#plot.redraw(false, true);
  }

  destroy(): void {
    this.#observer.disconnect();
    this.#plot.destroy();
  }

  #size(): { width: number; height: number } {
    const width = Math.max(200, Math.floor(this.#container.clientWidth));
    const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, width * ASPECT)));
    return { width, height };
  }

  // The x and y axes through the origin, a little stronger than the grid.
  #drawZeroLines(u: uPlot): void {
    const { ctx, bbox } = u;
    const x0 = Math.round(u.valToPos(0, 'x', true)) + 0.5;
    const y0 = Math.round(u.valToPos(0, 'y', true)) + 0.5;
    ctx.save();
    ctx.strokeStyle = this.#theme.zero;
    ctx.lineWidth = Math.max(1, devicePixelRatio);
    ctx.beginPath();
    if (x0 >= bbox.left && x0 <= bbox.left + bbox.width) {
      ctx.moveTo(x0, bbox.top);
      ctx.lineTo(x0, bbox.top + bbox.height);
    }
    if (y0 >= bbox.top && y0 <= bbox.top + bbox.height) {
      ctx.moveTo(bbox.left, y0);
      ctx.lineTo(bbox.left + bbox.width, y0);
    }
    ctx.stroke();
    ctx.restore();
  }
}

/** Tick labels without float noise, with a true minus sign. */
function formatTick(v: number): string {
  const s = String(Math.round(v * 1000) / 1000);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}
