// Helpers of the network diagram: unit thumbnails (small canvases painted
// from a value function) and reading one link's weight out of a layer.
import type { NetworkView } from '../../../engine/engine';
import { divergingColor, mix, palette } from '../../../charts/theme';
import { ctx2d } from '../ui';
import { setPixel } from '../../../charts/grid-image';

/** Thumbnail resolution (grid points per side). */
export const THUMB = 14;

/** For maxout, the piece with the largest |w| stands for the link. */
export function weightOf(layer: NetworkView['layers'][number], from: number, to: number): number {
  const cols = layer.units * layer.pieces;
  let best = 0;
  for (let p = 0; p < layer.pieces; p++) {
    const w = layer.w[from * cols + to * layer.pieces + p] ?? 0;
    if (Math.abs(w) > Math.abs(best)) best = w;
  }
  return best;
}

export function maxAbs(a: Float32Array): number {
  let m = 0;
  for (const v of a) if (Number.isFinite(v) && Math.abs(v) > m) m = Math.abs(v);
  return m;
}

export const clamp01 = (v: number) => Math.max(0, Math.min(1, Number.isFinite(v) ? v : 0));

export function thumbCanvas(): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = THUMB;
  c.height = THUMB;
  return c;
}

/** value(i, j) in [−1, 1] (or [0, 1] with a class colour); j = 0 is the bottom row. */
export function paintThumb(c: HTMLCanvasElement, value: (i: number, j: number) => number, color?: readonly [number, number, number]): void {
  const ctx = ctx2d(c);
  if (!ctx) return;
  const img = ctx.createImageData(THUMB, THUMB);
  const surface = palette().surface;
  for (let j = 0; j < THUMB; j++) {
    for (let i = 0; i < THUMB; i++) {
      const v = value(i, j);
      setPixel(img, THUMB, i, j, color ? mix(surface, color, clamp01(v)) : divergingColor(v));
    }
  }
  ctx.putImageData(img, 0, 0);
}
