// A small distribution: a bar per bin of values (a layer's weights, or its
// activations f(z)), with the range written under the ends and the count of
// values in the title's place. Beside the pre-activation histogram it shows
// whether weights grow, collapse to zero, or activations pile up at a limit.
import { css, mix, palette } from './theme';
import { el } from '../views/train/ui';
import { CanvasFrame } from './canvas-size';

const HEIGHT = 64;
const BINS = 24;

export class DistChart {
  readonly root: HTMLElement;
  readonly title: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly #frame: CanvasFrame;
  #counts: number[] = [];
  #lo = 0;
  #hi = 1;

  constructor() {
    this.title = el('p', { cls: 'nt-dist-title' });
    this.canvas = el('canvas', { cls: 'nt-dist-canvas', attrs: { role: 'img' } });
    this.#frame = new CanvasFrame(this.canvas, HEIGHT);
    this.root = el('figure', { cls: 'nt-dist' }, [this.title, this.canvas]);
  }

  /** Values with weights (counts; all 1 when omitted), binned over their own finite range. */
  set(values: ArrayLike<number>, weights?: ArrayLike<number>): void {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isFinite(v) && (weights?.[i] ?? 1) > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!(hi > lo)) [lo, hi] = Number.isFinite(lo) ? [lo - 0.5, lo + 0.5] : [0, 1];
    const counts = new Array<number>(BINS).fill(0);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      counts[Math.min(BINS - 1, Math.floor(((v - lo) / (hi - lo)) * BINS))] += weights?.[i] ?? 1;
    }
    this.#counts = counts;
    this.#lo = lo;
    this.#hi = hi;
    this.draw();
  }

  resize(): void {
    if (this.#frame.resize()) this.draw();
  }

  draw(): void {
    const ctx = this.#frame.begin();
    if (!ctx) return;
    const w = this.#frame.width;
    const pal = palette();
    const plotH = HEIGHT - 14;
    const max = Math.max(1, ...this.#counts);
    const bw = w / BINS;
    ctx.fillStyle = css(mix(pal.surface, pal.classes[1], 0.55));
    this.#counts.forEach((n, i) => {
      const h = (n / max) * (plotH - 2);
      ctx.fillRect(i * bw + 0.5, plotH - h, Math.max(1, bw - 1), h);
    });
    ctx.strokeStyle = css(pal.muted, 0.6);
    ctx.beginPath();
    ctx.moveTo(0, plotH + 0.5);
    ctx.lineTo(w, plotH + 0.5);
    ctx.stroke();
    ctx.fillStyle = css(pal.muted);
    ctx.font = `10px ${pal.font}`;
    ctx.textBaseline = 'bottom';
    const fmt = (v: number) => (Math.abs(v) >= 100 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(1) : v.toFixed(2)).replace('-', '−');
    ctx.textAlign = 'left';
    ctx.fillText(fmt(this.#lo), 1, HEIGHT);
    ctx.textAlign = 'right';
    ctx.fillText(fmt(this.#hi), w - 1, HEIGHT);
  }
}
