// The 1-D fit: the data points of the sine set and the network's learned
// function over them (trainer.predict on a row of x values), so ReLU's kinks
// and tanh's smooth bends are plain to see.
import type { Trainer } from '../../../engine/engine';
import { css, type Palette } from '../../../charts/theme';
import { XChart, clipped, polyline, xSamples } from '../../../charts/x-frame';
import type { Localizer } from '../ui';

const N = 241;
const XS = xSamples(N);
/** The sine targets lie in [−1, 1]; the frame leaves room for a fit that overshoots. */
const Y_RANGE = 1.8;

type Points = { x: Float32Array; y: Float32Array };

export class FitPlot extends XChart {
  #train: Points | null = null;
  #test: Points | null = null;
  #curve: Float32Array | null = null;
  #showTest = false;

  constructor(L: Localizer) {
    super({ cls: 'nt-fit-canvas', rootCls: 'nt-fit', height: (w) => Math.min(360, Math.max(220, w * 0.75)) });
    const titles = () => this.setAxisTitles(L.t('axisX'), L.t('axisY'));
    titles();
    L.onChange(titles);
  }

  setPoints(train: Points | null, test: Points | null): void {
    this.#train = train;
    this.#test = test;
  }

  setShowTest(on: boolean): void {
    this.#showTest = on;
  }

  update(trainer: Trainer | null): void {
    this.#curve = trainer && trainer.shape.inputs === 1 ? trainer.predict(XS) : null;
    this.draw();
  }

  protected paint(ctx: CanvasRenderingContext2D, pal: Palette): void {
    const f = this.frame(ctx, pal, -Y_RANGE, Y_RANGE);
    const dots = (d: Points, fill: string, stroke: string) => {
      ctx.fillStyle = fill;
      ctx.strokeStyle = stroke;
      for (let i = 0; i < d.y.length; i++) {
        ctx.beginPath();
        ctx.arc(f.x.px(d.x[i]), f.y.px(d.y[i]), 3, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
    };
    if (this.#train) dots(this.#train, css(pal.classes[1], 0.55), css(pal.surface));
    if (this.#showTest && this.#test) dots(this.#test, css(pal.surface), css(pal.classes[0]));
    const c = this.#curve;
    if (!c) return;
    clipped(ctx, f.area, () => {
      ctx.strokeStyle = css(pal.classes[0]);
      ctx.lineWidth = 2.5;
      // Far outside the frame a canvas path gets slow and imprecise: clamp to a little beyond it.
      polyline(ctx, f, XS, c.map((v) => Math.max(-3, Math.min(3, v))));
    });
  }
}
