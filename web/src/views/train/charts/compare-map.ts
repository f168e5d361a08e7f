// One run's decision boundary in the comparison's small multiples: the sign
// of the network's margin over [−6, 6]² (single-output heads on 2-D data), in
// a small square with x₁ and x₂ ticks and titles, as the big boundary plot has.
import type { Trainer } from '../../../engine/engine';
import { niceStep, niceTicks, tickBudget, tickLabel } from '../../../charts/axes';
import { CanvasChart, TICK_BAND, TITLE_BAND, type Area } from '../../../charts/canvas-chart';
import { paintMap } from '../../../charts/grid-image';
import { css, type Palette } from '../../../charts/theme';
import type { Localizer } from '../ui';

const RES = 32;
const BOUND = 6;
const LEFT = 14 + 6 + TITLE_BAND;
const BOTTOM = TICK_BAND + TITLE_BAND;
const PAD = 4;

export class CompareMap extends CanvasChart {
  readonly #grid = document.createElement('canvas');
  readonly #img = new ImageData(RES, RES);
  /** The last margins, kept so a theme change can repaint them in the new colours after the run stopped. */
  #margins: Float32Array | null = null;

  constructor(L: Localizer) {
    // A square plot: the canvas is as much taller than wide as its margins differ.
    super({ cls: 'nt-compare-map', rootCls: 'nt-compare-map-box', height: (w) => w - LEFT + BOTTOM });
    this.#grid.width = RES;
    this.#grid.height = RES;
    const titles = () => this.setAxisTitles(L.t('axisX1'), L.t('axisX2'));
    titles();
    L.onChange(titles);
  }

  /** Repaints from the trainer (a single-output head on 2-D data: the sign of its margin). */
  update(t: Trainer): void {
    const g = t.grid(RES, { x0: -BOUND, x1: BOUND, y0: -BOUND, y1: BOUND });
    this.#margins = t.shape.head === 'sigmoid_bce' ? g.map((p) => 2 * p - 1) : g;
    this.themeChanged();
  }

  protected themeChanged(): void {
    if (this.#margins) paintMap(this.#img, RES, this.#margins, this.#grid);
    this.draw();
  }

  protected paint(ctx: CanvasRenderingContext2D, pal: Palette): void {
    const a: Area = { left: LEFT, top: PAD, right: this.width - PAD, bottom: this.height - BOTTOM };
    if (this.#margins) ctx.drawImage(this.#grid, a.left, a.top, a.right - a.left, a.bottom - a.top);
    ctx.strokeStyle = css(pal.text, 0.25);
    ctx.lineWidth = 1;
    ctx.strokeRect(a.left + 0.5, a.top + 0.5, a.right - a.left - 1, a.bottom - a.top - 1);
    const s = this.scales(a, -BOUND, BOUND, -BOUND, BOUND);
    const values = niceTicks(-BOUND, BOUND, tickBudget(a.right - a.left, 16));
    const step = niceStep(-BOUND, BOUND, values.length);
    this.drawTicks(ctx, pal, a, 'x', values.map((v) => ({ at: s.x.px(v), text: tickLabel(v, step) })));
    this.drawTicks(ctx, pal, a, 'y', values.map((v) => ({ at: s.y.px(v), text: tickLabel(v, step) })));
    this.drawAxisTitles(ctx, pal, a);
  }
}
