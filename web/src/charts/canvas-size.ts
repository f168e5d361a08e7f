// A canvas's backing store is its CSS size times the device pixel ratio, so
// lines and text stay sharp on high-density screens.
import { ctx2d } from '../views/train/ui';

export function sizeCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): void {
  const dpr = devicePixelRatio || 1;
  canvas.width = Math.round(cssWidth * dpr);
  canvas.height = Math.round(cssHeight * dpr);
}

/**
 * A canvas whose CSS width follows its box and whose height is fixed (the
 * histograms): resize() sizes the backing store when the width changed,
 * begin() hands out its context cleared, in CSS pixels.
 */
export class CanvasFrame {
  width = 0;

  constructor(readonly canvas: HTMLCanvasElement, readonly height: number) {}

  /** True when the width changed (and the backing store was resized). */
  resize(): boolean {
    const w = Math.floor(this.canvas.clientWidth);
    if (w <= 0 || w === this.width) return false;
    this.width = w;
    sizeCanvas(this.canvas, w, this.height);
    return true;
  }

  begin(): CanvasRenderingContext2D | null {
    const ctx = ctx2d(this.canvas);
    if (!ctx || this.width === 0) return null;
    const dpr = this.canvas.width / this.width;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    return ctx;
  }
}
