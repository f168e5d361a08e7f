// The frame the two 1-D charts share (the learned function and the hidden
// units): x over the sine data's range with the same ticks, a tinted plot
// area, grid lines and the x tick labels. Each chart labels its own y axis.
import { css, mix, type Palette } from './theme';

export const X0 = -6.5;
export const X1 = 6.5;
const X_TICKS = [-6, -3, 0, 3, 6];

/** n evenly spaced x values over [X0, X1]. */
export const xSamples = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => X0 + ((X1 - X0) * i) / (n - 1));

/** The plot area in CSS pixels. */
export interface PlotArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const xPixel = (a: PlotArea, x: number): number => a.left + ((x - X0) / (X1 - X0)) * (a.right - a.left);

/** Background, vertical grid lines at the x ticks, horizontal ones at yLines, x tick labels. */
export function drawXFrame(ctx: CanvasRenderingContext2D, pal: Palette, a: PlotArea, yOf: (y: number) => number, yLines: readonly number[]): void {
  ctx.fillStyle = css(mix(pal.surface, pal.text, 0.03));
  ctx.fillRect(a.left, a.top, a.right - a.left, a.bottom - a.top);
  ctx.strokeStyle = css(pal.grid);
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const x of X_TICKS) {
    ctx.moveTo(Math.round(xPixel(a, x)) + 0.5, a.top);
    ctx.lineTo(Math.round(xPixel(a, x)) + 0.5, a.bottom);
  }
  for (const y of yLines) {
    ctx.moveTo(a.left, Math.round(yOf(y)) + 0.5);
    ctx.lineTo(a.right, Math.round(yOf(y)) + 0.5);
  }
  ctx.stroke();
  ctx.fillStyle = css(pal.muted);
  ctx.font = `11px ${pal.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const x of X_TICKS) ctx.fillText(String(x).replace('-', '−'), xPixel(a, x), a.bottom + 4);
}
