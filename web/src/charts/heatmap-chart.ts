// An n×n matrix as coloured cells on a canvas (the softmax Jacobian): blue for
// positive, orange for negative, strength by magnitude, values printed when
// the cells are big enough. Created once; setData repaints.
import { formatFixed } from '../ui/format';
import { CanvasChart, TICK_BAND, TICK_FONT, TITLE_BAND } from './canvas-chart';
import { readTheme, type ChartTheme, type Palette } from './theme';

/** The band of column numbers above the cells and of row numbers left of them. */
const LABEL = 22;
const MAX_SIZE = 440;

export class HeatmapChart extends CanvasChart {
  #theme: ChartTheme = readTheme();
  #values: Float32Array = new Float32Array(0);
  #n = 0;

  /** The chart fills `container` (its width, up to MAX_SIZE, square). */
  constructor(container: HTMLElement) {
    // Square cells: the y title's band is to the left, the x title's below.
    super({ cls: 'heatmap', rootCls: '', root: container, maxWidth: MAX_SIZE, height: (w) => w });
  }

  setData(values: Float32Array, n: number): void {
    this.#values = values;
    this.#n = n;
    this.draw();
  }

  refreshTheme(): void {
    this.themeChanged();
  }

  protected themeChanged(): void {
    this.#theme = readTheme();
    this.draw();
  }

  protected paint(ctx: CanvasRenderingContext2D, pal: Palette): void {
    const n = this.#n;
    if (n === 0) return;
    const theme = this.#theme;
    const left = LABEL + (this.axisTitles.y ? TITLE_BAND : 0);
    const cell = Math.min(this.width - left, this.height - LABEL - (this.axisTitles.x ? TITLE_BAND : 0)) / n;
    let maxAbs = 0;
    for (const v of this.#values) if (Number.isFinite(v)) maxAbs = Math.max(maxAbs, Math.abs(v));
    const fontSize = Math.max(10, Math.min(13, cell / 4.6));
    ctx.font = `${fontSize}px ${theme.font}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    // Column j and row i by number, reported as tick labels.
    ctx.fillStyle = theme.axis;
    for (let i = 0; i < n; i++) {
      this.drawLabel(ctx, String(i + 1), left + (i + 0.5) * cell, (LABEL - TICK_FONT) / 2);
      this.drawLabel(ctx, String(i + 1), left - LABEL / 2, LABEL + (i + 0.5) * cell - TICK_FONT / 2);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = this.#values[i * n + j];
        const x = left + j * cell;
        const y = LABEL + i * cell;
        const strength = maxAbs > 0 && Number.isFinite(v) ? Math.min(1, Math.abs(v) / maxAbs) : 0;
        ctx.globalAlpha = 1;
        ctx.fillStyle = theme.grid;
        ctx.fillRect(x + 1, y + 1, cell - 2, cell - 2);
        ctx.globalAlpha = 0.08 + 0.82 * strength;
        ctx.fillStyle = v >= 0 ? theme.positive : theme.negative;
        ctx.fillRect(x + 1, y + 1, cell - 2, cell - 2);
        ctx.globalAlpha = 1;
        if (cell >= 40) {
          ctx.fillStyle = strength > 0.55 ? theme.surface : theme.text;
          ctx.fillText(formatFixed(v, 3), x + cell / 2, y + cell / 2);
        }
      }
    }
    // The titles: x under the cells (the column numbers are above them), y along the left edge.
    const bottom = LABEL + n * cell;
    this.drawAxisTitles(ctx, pal, { left, top: LABEL, right: left + n * cell, bottom: bottom + 3 - TICK_BAND });
  }
}
