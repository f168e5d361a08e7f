// The 1-D fit: the data points of the sine set and the network's learned
// function over them (trainer.predict on a row of x values), so ReLU's kinks
// and tanh's smooth bends are plain to see.
import type { Trainer } from '../../../engine/engine';
import { css, palette } from '../../../charts/theme';
import { el, ctx2d } from '../ui';
import { sizeCanvas } from '../../../charts/canvas-size';
import { drawXFrame, xPixel, xSamples, type PlotArea } from '../../../charts/x-frame';

const N = 241;
const XS = xSamples(N);

export class FitPlot {
  readonly root: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly #observer: ResizeObserver;
  #train: { x: Float32Array; y: Float32Array } | null = null;
  #test: { x: Float32Array; y: Float32Array } | null = null;
  #curve: Float32Array | null = null;
  #showTest = false;
  #w = 0;
  #h = 0;

  constructor() {
    this.canvas = el('canvas', { cls: 'nt-fit-canvas', attrs: { role: 'img' } });
    this.root = el('div', { cls: 'nt-fit' }, [this.canvas]);
    this.#observer = new ResizeObserver(() => this.resize());
    this.#observer.observe(this.root);
  }

  setPoints(train: { x: Float32Array; y: Float32Array } | null, test: { x: Float32Array; y: Float32Array } | null): void {
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

  resize(): void {
    const w = Math.floor(this.root.clientWidth);
    if (w <= 0 || w === this.#w) return;
    this.#w = w;
    this.#h = Math.round(Math.min(360, Math.max(220, w * 0.75)));
    sizeCanvas(this.canvas, w, this.#h);
    this.draw();
  }

  destroy(): void {
    this.#observer.disconnect();
  }

  draw(): void {
    const ctx = ctx2d(this.canvas);
    if (!ctx || this.#w === 0) return;
    const pal = palette();
    const w = this.#w;
    const h = this.#h;
    const dpr = this.canvas.width / w;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const area: PlotArea = { left: 26, top: 8, right: w - 6, bottom: h - 20 };
    const { left, bottom } = area;
    const xOf = (x: number) => xPixel(area, x);
    const yOf = (y: number) => 8 + ((1.8 - y) / 3.6) * (bottom - 8);
    drawXFrame(ctx, pal, area, yOf, [-1, 0, 1]);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const y of [-1, 0, 1]) ctx.fillText(String(y).replace('-', '−'), left - 5, yOf(y));
    const dots = (d: { x: Float32Array; y: Float32Array }, fill: string, stroke: string) => {
      ctx.fillStyle = fill;
      ctx.strokeStyle = stroke;
      for (let i = 0; i < d.y.length; i++) {
        ctx.beginPath();
        ctx.arc(xOf(d.x[i]), yOf(d.y[i]), 3, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
    };
    if (this.#train) dots(this.#train, css(pal.classes[1], 0.55), css(pal.surface));
    if (this.#showTest && this.#test) dots(this.#test, css(pal.surface), css(pal.classes[0]));
    const c = this.#curve;
    if (c) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(left, 8, w - left - 6, bottom - 8);
      ctx.clip();
      ctx.strokeStyle = css(pal.classes[0]);
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      for (let i = 0; i < N; i++) {
        const y = Math.max(-3, Math.min(3, c[i]));
        if (i === 0) ctx.moveTo(xOf(XS[i]), yOf(y));
        else ctx.lineTo(xOf(XS[i]), yOf(y));
      }
      ctx.stroke();
      ctx.restore();
    }
  }
}
