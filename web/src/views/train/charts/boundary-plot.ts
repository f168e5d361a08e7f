// The decision boundary: the network's output over the input plane as a
// heatmap (trainer.grid), with the training and test points on top. Binary
// heads blend orange↔blue by p; softmax heads blend the class colours by
// their probabilities; regression uses a diverging scale. A probe (pointer or
// arrow keys) reports the point under it; a click or Enter can add a point.
import type { GridBounds, Trainer } from '../../../engine/engine';
import { classColor, css, divergingColor, mix, palette, type Palette, type Rgb } from '../../../charts/theme';
import { classProbs, outputMeaning } from '../model/output-map';
import { ctx2d, type Localizer } from '../ui';
import { paintMap, setPixel } from '../../../charts/grid-image';
import { CanvasChart, TICK_BAND, TITLE_BAND, type Area } from '../../../charts/canvas-chart';
import { niceStep, niceTicks, tickBudget, tickLabel } from '../../../charts/axes';

export interface PlotPoints {
  x: Float32Array;
  y: Float32Array;
  classes: number;
}

export interface BoundaryPlotOptions {
  onProbe: (p: { x: number; y: number } | null) => void;
  onAdd: (x: number, y: number) => void;
}

const RES = 48;
/** Room for the y tick labels ("−10"), and the margins around the square plot. */
const Y_LABELS = 22;
const LEFT = Y_LABELS + 6 + TITLE_BAND;
const RIGHT = 8;
const TOP = 6;
const BOTTOM = TICK_BAND + TITLE_BAND;

export class BoundaryPlot extends CanvasChart {
  readonly #opts: BoundaryPlotOptions;
  readonly #grid = document.createElement('canvas');
  #bounds: GridBounds = { x0: -6, x1: 6, y0: -6, y1: 6 };
  #train: PlotPoints | null = null;
  #test: PlotPoints | null = null;
  #probe: { x: number; y: number } | null = null;
  #adding = false;
  #discretize = false;
  #showTest = false;
  #hasImage = false;
  /** A hovered hidden neuron: its activation map replaces the output, large (TensorFlow Playground does this). */
  #neuron: { layer: number; neuron: number; label: string } | null = null;
  readonly #img = new ImageData(RES, RES);

  constructor(L: Localizer, opts: BoundaryPlotOptions) {
    // A square plot area: the canvas is as much taller than wide as its margins differ.
    super({ cls: 'nt-boundary-canvas', rootCls: 'nt-boundary', attrs: { tabindex: '0' }, height: (w) => w - LEFT - RIGHT + TOP + BOTTOM, hover: true });
    this.#opts = opts;
    this.#grid.width = RES;
    this.#grid.height = RES;
    this.canvas.addEventListener('pointerdown', (e) => this.#setProbe(this.#toData(e)));
    this.canvas.addEventListener('click', (e) => {
      const p = this.#toData(e);
      if (this.#adding && p) this.#opts.onAdd(p.x, p.y);
    });
    this.canvas.addEventListener('keydown', (e) => this.#key(e));
    this.canvas.addEventListener('blur', () => this.#setProbe(null));
    const titles = () => this.setAxisTitles(L.t('axisX1'), L.t('axisX2'));
    titles();
    L.onChange(titles);
  }

  get bounds(): GridBounds {
    return this.#bounds;
  }

  setOptions(o: { adding: boolean; discretize: boolean; showTest: boolean }): void {
    this.#adding = o.adding;
    this.#discretize = o.discretize;
    this.#showTest = o.showTest;
    this.canvas.classList.toggle('nt-adding', o.adding);
  }

  /** New data: the bounds cover it (at least [−6, 6]²). */
  setPoints(train: PlotPoints | null, test: PlotPoints | null): void {
    this.#train = train;
    this.#test = test;
    let m = 6;
    for (const d of [train, test]) if (d) for (const v of d.x) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v) * 1.05);
    m = Math.ceil(m);
    this.#bounds = { x0: -m, x1: m, y0: -m, y1: m };
  }

  /** Shows one hidden neuron's map instead of the output (null: the output again). */
  setNeuron(n: { layer: number; neuron: number; label: string } | null): void {
    this.#neuron = n;
    this.canvas.dataset.neuron = n ? `${n.layer}:${n.neuron}` : '';
  }

  /** Recomputes the heatmap from the trainer (null: an empty plane). */
  update(trainer: Trainer | null): void {
    this.#hasImage = false;
    if (trainer && trainer.shape.inputs === 2) {
      const n = this.#neuron;
      if (n && n.layer < trainer.shape.units.length - 1) paintMap(this.#img, RES, trainer.grid(RES, this.#bounds, { layer: n.layer, neuron: n.neuron }), this.#grid);
      else this.#paintGrid(trainer, trainer.grid(RES, this.#bounds));
      this.#hasImage = true;
    }
    this.draw();
  }

  protected paint(ctx: CanvasRenderingContext2D, pal: Palette): void {
    const r = this.#plotRect();
    ctx.fillStyle = css(mix(pal.surface, pal.text, 0.04));
    ctx.fillRect(r.x, r.y, r.w, r.h);
    if (this.#hasImage) {
      ctx.imageSmoothingEnabled = !this.#discretize;
      ctx.drawImage(this.#grid, r.x, r.y, r.w, r.h);
    }
    const drawTest = this.#showTest && this.#test !== null;
    if (drawTest && this.#test) this.#drawPoints(ctx, this.#test, true);
    if (this.#train) this.#drawPoints(ctx, this.#train, false);
    // How many samples are on screen: a reader (and a test) can tell that no point went unseen.
    this.canvas.dataset.points = String((this.#train?.y.length ?? 0) + (drawTest ? this.#test?.y.length ?? 0 : 0));
    this.#drawAxes(ctx, pal, r);
    if (this.#neuron && this.#hasImage) {
      ctx.font = `600 12px ${pal.font}`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      const w = ctx.measureText(this.#neuron.label).width;
      ctx.fillStyle = css(pal.surface, 0.85);
      ctx.fillRect(r.x + 4, r.y + 4, w + 10, 19);
      ctx.fillStyle = css(pal.text);
      ctx.fillText(this.#neuron.label, r.x + 9, r.y + 7);
    }
    if (this.#probe) {
      const [px, py] = this.#toPixel(this.#probe.x, this.#probe.y);
      ctx.strokeStyle = css(pal.text);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(px, py, 7, 0, 2 * Math.PI);
      ctx.moveTo(px - 11, py);
      ctx.lineTo(px - 4, py);
      ctx.moveTo(px + 4, py);
      ctx.lineTo(px + 11, py);
      ctx.stroke();
    }
  }

  #paintGrid(trainer: Trainer, out: Float32Array): void {
    const m = outputMeaning(trainer.shape);
    const pal = palette();
    const img = this.#img;
    const probs = new Float32Array(Math.max(2, m.classes));
    const k = Math.max(2, m.classes);
    for (let j = 0; j < RES; j++) {
      for (let i = 0; i < RES; i++) {
        const idx = j * RES + i;
        classProbs(m, out, idx, probs);
        let c: Rgb;
        if (m.classes === 0) c = divergingColor(probs[0], 0.6);
        else {
          let best = 0;
          for (let q = 1; q < k; q++) if (probs[q] > probs[best]) best = q;
          if (this.#discretize) c = mix(pal.surface, classColor(best), 0.45);
          else {
            let rr = 0, gg = 0, bb = 0, sum = 0;
            for (let q = 0; q < k; q++) {
              const w = Math.max(0, probs[q]);
              const cc = classColor(q);
              rr += w * cc[0]; gg += w * cc[1]; bb += w * cc[2]; sum += w;
            }
            const blend: Rgb = sum > 0 ? [rr / sum, gg / sum, bb / sum] : pal.surface;
            // Confidence: 0 at a uniform guess, 1 when one class has it all.
            const conf = Math.max(0, (probs[best] - 1 / k) / (1 - 1 / k));
            c = mix(pal.surface, blend, 0.08 + 0.5 * conf);
          }
        }
        setPixel(img, RES, i, j, c);
      }
    }
    ctx2d(this.#grid)?.putImageData(img, 0, 0);
  }

  // One path per colour: hundreds of points cost a handful of fill/stroke calls.
  #drawPoints(ctx: CanvasRenderingContext2D, d: PlotPoints, test: boolean): void {
    const pal = palette();
    const n = d.y.length;
    const radius = this.width < 320 ? 2.6 : 3.3;
    ctx.lineWidth = test ? 1.4 : 1;
    ctx.strokeStyle = test ? css(pal.text) : css(pal.surface);
    const groups = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      // Regression targets are binned into 9 shades.
      const key = d.classes === 0 ? css(divergingColor(Math.round(d.y[i] * 4) / 4)) : css(classColor(d.y[i]));
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(i);
    }
    for (const [color, idx] of groups) {
      ctx.beginPath();
      for (const i of idx) {
        const [px, py] = this.#toPixel(d.x[2 * i], d.x[2 * i + 1]);
        ctx.moveTo(px + radius, py);
        ctx.arc(px, py, radius, 0, 2 * Math.PI);
      }
      ctx.fillStyle = color;
      ctx.fill();
      ctx.stroke();
    }
  }

  #drawAxes(ctx: CanvasRenderingContext2D, pal: Palette, r: { x: number; y: number; w: number; h: number }): void {
    const b = this.#bounds;
    const area: Area = { left: r.x, top: r.y, right: r.x + r.w, bottom: r.y + r.h };
    const values = niceTicks(b.x0, b.x1, tickBudget(r.w, Y_LABELS));
    const step = niceStep(b.x0, b.x1, values.length);
    this.drawTicks(ctx, pal, area, 'x', values.map((v) => ({ at: this.#toPixel(v, 0)[0], text: tickLabel(v, step) })));
    this.drawTicks(ctx, pal, area, 'y', values.map((v) => ({ at: this.#toPixel(0, v)[1], text: tickLabel(v, step) })));
    this.drawAxisTitles(ctx, pal, area);
    ctx.strokeStyle = css(pal.text, 0.25);
    ctx.lineWidth = 1;
    ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
  }

  #plotRect(): { x: number; y: number; w: number; h: number } {
    return { x: LEFT, y: TOP, w: this.width - LEFT - RIGHT, h: this.height - TOP - BOTTOM };
  }

  #toPixel(x: number, y: number): [number, number] {
    const r = this.#plotRect();
    const b = this.#bounds;
    return [r.x + ((x - b.x0) / (b.x1 - b.x0)) * r.w, r.y + (1 - (y - b.y0) / (b.y1 - b.y0)) * r.h];
  }

  #toData(e: MouseEvent): { x: number; y: number } | null {
    return this.#fromPixel(this.local(e));
  }

  #fromPixel(p: { x: number; y: number }): { x: number; y: number } | null {
    const r = this.#plotRect();
    const u = (p.x - r.x) / r.w;
    const v = (p.y - r.y) / r.h;
    if (u < 0 || u > 1 || v < 0 || v > 1) return null;
    const b = this.#bounds;
    return { x: b.x0 + u * (b.x1 - b.x0), y: b.y1 - v * (b.y1 - b.y0) };
  }

  protected onPointer(p: { x: number; y: number } | null): void {
    this.#setProbe(p && this.#fromPixel(p));
  }

  #key(e: KeyboardEvent): void {
    const b = this.#bounds;
    const step = (b.x1 - b.x0) / 24;
    const p = this.#probe ?? { x: 0, y: 0 };
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step],
    };
    const mv = moves[e.key];
    if (mv) {
      e.preventDefault();
      const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
      this.#setProbe({ x: clamp(p.x + mv[0], b.x0, b.x1), y: clamp(p.y + mv[1], b.y0, b.y1) });
    } else if ((e.key === 'Enter' || e.key === ' ') && this.#adding) {
      e.preventDefault();
      this.#opts.onAdd(p.x, p.y);
    }
  }

  #setProbe(p: { x: number; y: number } | null): void {
    this.#probe = p;
    this.#opts.onProbe(p);
    this.draw();
  }
}
