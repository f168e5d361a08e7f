// An n×n matrix as coloured cells on a canvas (the softmax Jacobian): blue for
// positive, orange for negative, strength by magnitude, values printed when
// the cells are big enough. Created once; setData repaints.
import { formatFixed } from '../ui/format';
import { CanvasChart } from './canvas-chart';
import { readTheme, type ChartTheme } from './theme';

const LABEL = 22;
const MAX_SIZE = 440;

export class HeatmapChart extends CanvasChart {
  #theme: ChartTheme = readTheme();
  #values: Float32Array = new Float32Array(0);
  #n = 0;

  /** The chart fills `container` (its width, up to MAX_SIZE, square). */
  constructor(container: HTMLElement) {
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

  protected paint(ctx: CanvasRenderingContext2D): void {
    const size = this.width;
    const n = this.#n;
    if (n === 0) return;
    const theme = this.#theme;
    const cell = (size - LABEL) / n;
    let maxAbs = 0;
    for (const v of this.#values) if (Number.isFinite(v)) maxAbs = Math.max(maxAbs, Math.abs(v));
    const fontSize = Math.max(10, Math.min(13, cell / 4.6));
    ctx.font = `${fontSize}px ${theme.font}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let i = 0; i < n; i++) {
      ctx.fillStyle = theme.axis;
      ctx.fillText(String(i + 1), LABEL + (i + 0.5) * cell, LABEL / 2);
      ctx.fillText(String(i + 1), LABEL / 2, LABEL + (i + 0.5) * cell);
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = this.#values[i * n + j];
        const x = LABEL + j * cell;
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
  }
}
