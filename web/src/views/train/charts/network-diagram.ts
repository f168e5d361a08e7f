// The network as a picture: a column per layer, each unit a thumbnail of what
// it computes over the input plane (trainer.grid with layer/neuron), links
// coloured by the weight's sign and drawn thicker the larger it is. Without a
// 2-D input, units are discs shaded by their activation for the probe input.
// Hovering a unit or a link reports its value through onHover.
import type { NetworkView, Trainer } from '../../../engine/engine';
import { classColor, css, divergingColor, mix, palette } from '../../../charts/theme';
import { THUMB, clamp01, maxAbs, paintThumb, thumbCanvas, weightOf } from './thumbs';
import { el, ctx2d } from '../ui';
import { sizeCanvas } from '../../../charts/canvas-size';
import { THUMB_PLANE } from '../model/input-maps';

const MAX_SHOWN = 10;

export interface DiagramLabels {
  input(i: number): string;
  layer(l: number, layers: number): string;
}

export type DiagramHover =
  | { kind: 'unit'; layer: number; unit: number; bias: number; value: number }
  | { kind: 'link'; layer: number; from: number; to: number; weight: number }
  | null;

interface Node { x: number; y: number; s: number; col: number; unit: number }

export class NetworkDiagram {
  readonly root: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly #onHover: (h: DiagramHover, x: number, y: number) => void;
  /** A click on a unit or a link (to edit its bias or weight); Enter on the focused unit too. */
  onPick: (h: NonNullable<DiagramHover>) => void = () => {};
  readonly #observer: ResizeObserver;
  #width = 0;
  #height = 240;
  #thumbs: HTMLCanvasElement[][] = [];
  #cursor = 0;
  #view: NetworkView | null = null;
  #featureThumbs: HTMLCanvasElement[] = [];
  #nodes: Node[][] = [];
  #inputs = 0;
  #plane = false;
  /** The unit picked with the arrow keys (column ≥ 1); `from` ≥ 0: its link from that unit (Shift+↑/↓). */
  #focus: { col: number; unit: number; from?: number } | null = null;
  #input: Float32Array = new Float32Array(0);

  constructor(onHover: (h: DiagramHover, x: number, y: number) => void) {
    this.#onHover = onHover;
    this.canvas = el('canvas', { cls: 'nt-diagram-canvas', attrs: { role: 'img', tabindex: '0' } });
    this.root = el('div', { cls: 'nt-diagram' }, [this.canvas]);
    this.canvas.addEventListener('pointermove', (e) => this.#hover(e));
    this.canvas.addEventListener('pointerleave', () => this.#onHover(null, 0, 0));
    this.canvas.addEventListener('keydown', (e) => this.#key(e));
    this.canvas.addEventListener('click', (e) => {
      const h = this.#hitAt(e);
      if (h) this.onPick(h);
    });
    this.canvas.addEventListener('blur', () => {
      this.#focus = null;
      this.#onHover(null, 0, 0);
      this.draw();
    });
    this.#observer = new ResizeObserver(() => this.resize());
    this.#observer.observe(this.root);
  }

  /** A new network: `features` are the input thumbnails' maps (input-maps.ts; 2-D data) or null. */
  reset(inputs: number, units: number[], features: Float32Array[] | null): void {
    this.#inputs = inputs;
    this.#plane = features !== null;
    this.#thumbs = units.map((n) => Array.from({ length: Math.min(n, MAX_SHOWN) }, () => thumbCanvas()));
    this.#featureThumbs = (features ?? []).map((g) => {
      const c = thumbCanvas();
      const m = Math.max(maxAbs(g), 1e-6);
      paintThumb(c, (i, j) => g[j * THUMB + i] / m);
      return c;
    });
    this.#cursor = 0;
    this.#view = null;
    this.#layout(units);
  }

  /**
   * Refreshes weights and as many thumbnails as fit in budgetMs (round robin,
   * so a big network never makes one long frame). `probe`: the input for the
   * activations (non-plane data), or null.
   */
  update(trainer: Trainer, probe: Float32Array | null, budgetMs = 3): void {
    const input = probe ?? new Float32Array(trainer.shape.inputs);
    this.#input = input;
    this.#view = trainer.network(input);
    if (this.#plane) {
      const flat = this.#thumbs.flatMap((col, l) => col.map((c, u) => [l, u, c] as const));
      const t0 = performance.now();
      for (let n = 0; n < flat.length && performance.now() - t0 < budgetMs; n++) {
        const [l, u, c] = flat[(this.#cursor + n) % flat.length];
        this.#paintUnit(trainer, l, u, c);
        this.#cursor = (this.#cursor + 1) % flat.length;
      }
    }
    this.draw();
  }

  resize(): void {
    const w = Math.floor(this.root.clientWidth);
    if (w <= 0 || w === this.#width) return;
    this.#width = w;
    this.#height = w < 400 ? 170 : w < 480 ? 200 : 250;
    sizeCanvas(this.canvas, w, this.#height);
    this.#layout(this.#thumbs.map((c) => c.length));
    this.draw();
  }

  destroy(): void {
    this.#observer.disconnect();
  }

  draw(): void {
    const ctx = ctx2d(this.canvas);
    if (!ctx || this.#width === 0) return;
    const pal = palette();
    const dpr = this.canvas.width / this.#width;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.#width, this.#height);
    const v = this.#view;
    if (v) this.#drawLinks(ctx, v);
    this.#nodes.forEach((col, c) => {
      for (const n of col) {
        const thumb = c === 0 ? this.#featureThumbs[n.unit] : this.#thumbs[c - 1]?.[n.unit];
        if (this.#plane && thumb) {
          ctx.imageSmoothingEnabled = true;
          ctx.drawImage(thumb, n.x - n.s / 2, n.y - n.s / 2, n.s, n.s);
          ctx.strokeStyle = css(pal.text, 0.35);
          ctx.lineWidth = 1;
          ctx.strokeRect(n.x - n.s / 2 + 0.5, n.y - n.s / 2 + 0.5, n.s - 1, n.s - 1);
        } else {
          const a = this.#activation(c, n.unit);
          ctx.fillStyle = css(c === this.#nodes.length - 1 && this.#isClassOutput() ? mix(pal.surface, classColor(n.unit), clamp01(a)) : divergingColor(a));
          ctx.strokeStyle = css(pal.text, 0.4);
          ctx.beginPath();
          ctx.arc(n.x, n.y, n.s / 2, 0, 2 * Math.PI);
          ctx.fill();
          ctx.stroke();
        }
      }
    });
    const f = this.#focus && this.#nodes[this.#focus.col]?.[this.#focus.unit];
    const from = this.#focus?.from !== undefined && this.#focus ? this.#nodes[this.#focus.col - 1]?.[this.#focus.from] : undefined;
    if (f) {
      ctx.strokeStyle = css(pal.classes[1]);
      ctx.lineWidth = 2.5;
      ctx.strokeRect(f.x - f.s / 2 - 4, f.y - f.s / 2 - 4, f.s + 8, f.s + 8);
      // The link picked by keyboard: a straight marker over it, from unit to unit.
      if (from) {
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(from.x + from.s / 2, from.y);
        ctx.lineTo(f.x - f.s / 2, f.y);
        ctx.stroke();
        ctx.setLineDash([]);
      }
    }
    // "+n" under columns that show only some units.
    ctx.fillStyle = css(pal.muted);
    ctx.font = `11px ${pal.font}`;
    ctx.textAlign = 'center';
    this.#nodes.forEach((col, c) => {
      const total = c === 0 ? this.#inputCount() : (v?.layers[c - 1]?.units ?? col.length);
      if (total > col.length && col.length > 0) {
        const last = col[col.length - 1];
        ctx.fillText(`+${total - col.length}`, last.x, last.y + last.s / 2 + 12);
      }
    });
  }

  #inputCount(): number {
    return this.#plane ? this.#featureThumbs.length : (this.#view?.layers[0]?.inputs ?? this.#inputs);
  }

  #isClassOutput(): boolean {
    const last = this.#view?.layers[this.#view.layers.length - 1];
    return last?.activation === 'softmax_ce' || last?.activation === 'sigmoid_bce';
  }

  #activation(col: number, unit: number): number {
    const v = this.#view;
    if (!v) return 0;
    if (col === 0) return this.#input[unit] ?? 0;
    const layer = v.layers[col - 1];
    if (col === this.#nodes.length - 1) return v.output[unit] ?? 0;
    const a = layer?.a[unit] ?? 0;
    return Math.tanh(a);
  }

  #layout(units: number[]): void {
    const cols = [Math.min(this.#plane ? this.#featureThumbs.length : this.#inputs, MAX_SHOWN), ...units.map((n) => Math.min(n, MAX_SHOWN))];
    const w = this.#width;
    const h = this.#height;
    const colW = w / Math.max(1, cols.length);
    const maxN = Math.max(1, ...cols);
    const s = Math.max(10, Math.min(34, colW * 0.5, ((h - 24) / maxN) * 0.78));
    this.#nodes = cols.map((n, c) => {
      const gap = Math.min((h - 24) / Math.max(1, n), s * 1.6);
      const y0 = h / 2 - ((n - 1) * gap) / 2 - 6;
      return Array.from({ length: n }, (_, u) => ({ x: colW * (c + 0.5), y: y0 + u * gap, s, col: c, unit: u }));
    });
  }

  #drawLinks(ctx: CanvasRenderingContext2D, v: NetworkView): void {
    const pal = palette();
    v.layers.forEach((layer, l) => {
      const from = this.#nodes[l] ?? [];
      const to = this.#nodes[l + 1] ?? [];
      const max = maxAbs(layer.w) || 1;
      for (const a of from) {
        for (const b of to) {
          const w = weightOf(layer, a.unit, b.unit);
          const t = Math.min(1, Math.abs(w) / max);
          ctx.strokeStyle = css(w >= 0 ? pal.classes[1] : pal.classes[0], 0.2 + 0.6 * t);
          ctx.lineWidth = 0.4 + 3.2 * t;
          ctx.beginPath();
          ctx.moveTo(a.x + a.s / 2, a.y);
          ctx.bezierCurveTo((a.x + b.x) / 2, a.y, (a.x + b.x) / 2, b.y, b.x - b.s / 2, b.y);
          ctx.stroke();
        }
      }
    });
  }

  #paintUnit(trainer: Trainer, l: number, u: number, c: HTMLCanvasElement): void {
    const last = l === this.#thumbs.length - 1;
    const bounds = THUMB_PLANE;
    if (!last) {
      const g = trainer.grid(THUMB, bounds, { layer: l, neuron: u });
      const m = maxAbs(g) || 1;
      paintThumb(c, (i, j) => g[j * THUMB + i] / m);
      return;
    }
    const g = trainer.grid(THUMB, bounds);
    const outs = g.length / (THUMB * THUMB);
    const head = trainer.shape.head;
    if (outs > 1) paintThumb(c, (i, j) => g[(j * THUMB + i) * outs + u], classColor(u));
    else if (head === 'sigmoid_bce') paintThumb(c, (i, j) => 2 * g[j * THUMB + i] - 1);
    else paintThumb(c, (i, j) => g[j * THUMB + i]);
  }

  // Arrow keys walk the units (left/right: layers, up/down: units); the
  // picked unit reports its value as hovering does.
  #key(e: KeyboardEvent): void {
    if (e.key === 'Enter' && this.#focus) {
      const h = this.#focusHover();
      if (h) this.onPick(h);
      return;
    }
    if (e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && this.#focus) {
      // Shift+↑/↓ walks the links into the focused unit; past either end, back to the unit.
      e.preventDefault();
      const n = this.#nodes[this.#focus.col - 1]?.length ?? 0;
      const k = (this.#focus.from ?? -1) + (e.key === 'ArrowDown' ? 1 : -1);
      const next = k < -1 ? n - 1 : k >= n ? -1 : k;
      this.#focus = { col: this.#focus.col, unit: this.#focus.unit, from: next >= 0 ? next : undefined };
      this.#onHover(this.#focusHover(), 0, 0);
      this.draw();
      return;
    }
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const mv = moves[e.key];
    if (!mv || this.#nodes.length < 2) return;
    e.preventDefault();
    const f = this.#focus ?? { col: 1, unit: 0 };
    const col = Math.max(1, Math.min(this.#nodes.length - 1, f.col + mv[0]));
    const unit = Math.max(0, Math.min((this.#nodes[col]?.length ?? 1) - 1, (mv[0] !== 0 ? Math.min(f.unit, (this.#nodes[col]?.length ?? 1) - 1) : f.unit + mv[1])));
    this.#focus = { col, unit };
    this.#report(col, unit, 0, 0);
    this.draw();
  }

  #focusHover(): DiagramHover {
    const f = this.#focus;
    const layer = f && this.#view?.layers[f.col - 1];
    if (!f || !layer) return null;
    const from = this.#nodes[f.col - 1]?.[f.from ?? -1];
    if (!from) return this.#unitHover(f.col, f.unit);
    return { kind: 'link', layer: f.col - 1, from: from.unit, to: f.unit, weight: weightOf(layer, from.unit, f.unit) };
  }

  #unitHover(col: number, unit: number): DiagramHover {
    const v = this.#view;
    if (!v) return null;
    const layer = v.layers[col - 1];
    const last = col === this.#nodes.length - 1;
    const value = last ? (v.output[unit] ?? NaN) : (layer?.a[unit] ?? NaN);
    return { kind: 'unit', layer: col - 1, unit, bias: layer?.b[unit] ?? NaN, value };
  }

  #report(col: number, unit: number, x: number, y: number): void {
    const h = this.#unitHover(col, unit);
    if (h) this.#onHover(h, x, y);
  }

  #hover(e: PointerEvent): void {
    if (!this.#view) return;
    const rect = this.canvas.getBoundingClientRect();
    this.#onHover(this.#hitAt(e), e.clientX - rect.left, e.clientY - rect.top);
  }

  /** The unit or link under the pointer (units win: they sit on the links' ends). */
  #hitAt(e: MouseEvent): DiagramHover {
    const rect = this.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const v = this.#view;
    if (!v) return null;
    for (const col of this.#nodes) {
      for (const n of col) {
        if (Math.abs(x - n.x) <= n.s / 2 + 2 && Math.abs(y - n.y) <= n.s / 2 + 2 && n.col > 0) return this.#unitHover(n.col, n.unit);
      }
    }
    for (let l = 0; l < v.layers.length; l++) {
      for (const a of this.#nodes[l] ?? []) {
        for (const b of this.#nodes[l + 1] ?? []) {
          if (x < a.x || x > b.x) continue;
          const t = (x - a.x) / (b.x - a.x);
          // The bezier's y is close to a smoothstep between the two ends.
          const yy = a.y + (b.y - a.y) * t * t * (3 - 2 * t);
          if (Math.abs(y - yy) < 3) return { kind: 'link', layer: l, from: a.unit, to: b.unit, weight: weightOf(v.layers[l], a.unit, b.unit) };
        }
      }
    }
    return null;
  }
}
