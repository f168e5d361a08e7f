// A res×res grid of values from trainer.grid as an image: row 0 of the grid
// is y0 (the bottom), so rows are flipped. The boundary plot uses it for the
// output and for one neuron's map.
import { divergingColor, type Rgb } from './theme';

export function setPixel(img: ImageData, res: number, i: number, j: number, c: Rgb): void {
  const o = ((res - 1 - j) * res + i) * 4;
  img.data[o] = c[0];
  img.data[o + 1] = c[1];
  img.data[o + 2] = c[2];
  img.data[o + 3] = 255;
}

/** A neuron's activation over the plane, orange below zero and blue above, scaled to its largest |value|, onto `target`. */
export function paintMap(img: ImageData, res: number, g: Float32Array, target: HTMLCanvasElement): void {
  let m = 1e-6;
  for (const v of g) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  for (let j = 0; j < res; j++) for (let i = 0; i < res; i++) setPixel(img, res, i, j, divergingColor(g[j * res + i] / m, 0.75));
  target.getContext('2d')?.putImageData(img, 0, 0);
}
