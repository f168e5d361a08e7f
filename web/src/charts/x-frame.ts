// The base of the two 1-D charts (the learned function and the hidden units):
// x over the sine data's range, a tinted plot area with grid lines at the
// ticks of both axes, the tick labels and the axis titles. Each chart paints
// its points and lines into the frame.
import { niceStep, niceTicks, tickBudget, tickLabel, type Scale } from './axes';
import { CanvasChart, TICK_FONT, type Area } from './canvas-chart';
import { css, mix, type Palette } from './theme';

export const X0 = -6.5;
export const X1 = 6.5;

/** n evenly spaced x values over [X0, X1]. */
export const xSamples = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => X0 + ((X1 - X0) * i) / (n - 1));

export interface Frame {
  area: Area;
  x: Scale;
  y: Scale;
}

export abstract class XChart extends CanvasChart {
  /** Draws the frame for y over [yLo, yHi] and returns its area and scales. */
  protected frame(ctx: CanvasRenderingContext2D, pal: Palette, yLo: number, yHi: number): Frame {
    ctx.font = `${TICK_FONT}px ${pal.font}`;
    const yValues = niceTicks(yLo, yHi, tickBudget(this.height - 50, TICK_FONT, 8));
    const yStep = niceStep(yLo, yHi, yValues.length);
    const yLabels = yValues.map((v) => tickLabel(v, yStep));
    const area = this.plotArea(Math.max(8, ...yLabels.map((t) => ctx.measureText(t).width)));
    const { x, y } = this.scales(area, X0, X1, yLo, yHi);
    const xValues = niceTicks(X0, X1, tickBudget(area.right - area.left, 18));
    const xStep = niceStep(X0, X1, xValues.length);
    ctx.fillStyle = css(mix(pal.surface, pal.text, 0.03));
    ctx.fillRect(area.left, area.top, area.right - area.left, area.bottom - area.top);
    ctx.strokeStyle = css(pal.grid);
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const v of xValues) {
      ctx.moveTo(Math.round(x.px(v)) + 0.5, area.top);
      ctx.lineTo(Math.round(x.px(v)) + 0.5, area.bottom);
    }
    for (const v of yValues) {
      ctx.moveTo(area.left, Math.round(y.px(v)) + 0.5);
      ctx.lineTo(area.right, Math.round(y.px(v)) + 0.5);
    }
    ctx.stroke();
    this.drawTicks(ctx, pal, area, 'x', xValues.map((v) => ({ at: x.px(v), text: tickLabel(v, xStep) })));
    this.drawTicks(ctx, pal, area, 'y', yValues.map((v, i) => ({ at: y.px(v), text: yLabels[i] })));
    this.drawAxisTitles(ctx, pal, area);
    return { area, x, y };
  }
}

/** Clips to the frame's area while `draw` runs (curves may leave it). */
export function clipped(ctx: CanvasRenderingContext2D, a: Area, draw: () => void): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(a.left, a.top, a.right - a.left, a.bottom - a.top);
  ctx.clip();
  draw();
  ctx.restore();
}

/** One polyline through (xs[i], ys[offset + i]). */
export function polyline(ctx: CanvasRenderingContext2D, f: Frame, xs: Float32Array, ys: ArrayLike<number>, offset = 0): void {
  ctx.beginPath();
  for (let i = 0; i < xs.length; i++) {
    const px = f.x.px(xs[i]);
    const py = f.y.px(ys[offset + i]);
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.stroke();
}
