// The network as a picture: a column per layer, each unit a thumbnail of what
// it computes over the input plane (trainer.grid with layer/neuron), links
// coloured by the weight's sign and drawn thicker the larger it is, each
// column named underneath. Without a 2-D input, units are discs shaded by
// their activation for the probe input. Hovering a unit or a link reports its
// value through onHover; geometry and hit testing are in network-layout.ts.
import type { NetworkView, Trainer } from '../../../engine/engine';
import { classColor, css, divergingColor, mix, type Palette } from '../../../charts/theme';
import { CanvasChart, TICK_BAND, TICK_FONT } from '../../../charts/canvas-chart';
import { THUMB, clamp01, maxAbs, paintThumb, thumbCanvas, weightOf } from './thumbs';
import { MAX_SHOWN, focusHover, hitAt, layoutColumns, moveFocus, type DiagramHover, type Focus, type Node } from './network-layout';
import type { Localizer } from '../ui';
import { THUMB_PLANE } from '../model/input-maps';

export type { DiagramHover } from './network-layout';

export class NetworkDiagram extends CanvasChart {
  readonly #onHover: (h: DiagramHover, x: number, y: number) => void;
  readonly #L: Localizer;
  /** A click on a unit or a link (to edit its bias or weight); Enter on the focused unit too. */
  onPick: (h: NonNullable<DiagramHover>) => void = () => {};
  #thumbs: HTMLCanvasElement[][] = [];
  #cursor = 0;
  #view: NetworkView | null = null;
  #features: Float32Array[] = [];
  #featureThumbs: HTMLCanvasElement[] = [];
  #nodes: Node[][] = [];
  #inputs = 0;
  #plane = false;
  #focus: Focus | null = null;
  #input: Float32Array = new Float32Array(0);

  constructor(onHover: (h: DiagramHover, x: number, y: number) => void, L: Localizer) {
    // The band at the bottom holds the column names (the units share the rest: the studio's one screen has no pixel to spare).
    super({ cls: 'nt-diagram-canvas', rootCls: 'nt-diagram', attrs: { tabindex: '0' }, hover: true, height: (w) => (w < 400 ? 170 : w < 480 ? 200 : 250) });
    this.#onHover = onHover;
    this.#L = L;
    this.canvas.addEventListener('keydown', (e) => this.#key(e));
    this.canvas.addEventListener('click', (e) => {
      const p = this.local(e);
      const h = hitAt(this.#view, this.#nodes, p.x, p.y);
      if (h) this.onPick(h);
    });
    this.canvas.addEventListener('blur', () => {
      this.#focus = null;
      this.#onHover(null, 0, 0);
      this.draw();
    });
    L.onChange(() => this.draw());
  }

  /** A new network: `features` are the input thumbnails' maps (input-maps.ts; 2-D data) or null. */
  reset(inputs: number, units: number[], features: Float32Array[] | null): void {
    this.#inputs = inputs;
    this.#plane = features !== null;
    this.#thumbs = units.map((n) => Array.from({ length: Math.min(n, MAX_SHOWN) }, () => thumbCanvas()));
    this.#features = features ?? [];
    this.#featureThumbs = this.#features.map(() => thumbCanvas());
    this.#paintFeatures();
    this.#cursor = 0;
    this.#view = null;
    this.#layout(units);
  }

  // The input thumbnails never change with training: a new theme repaints them
  // here (the units' repaint on the next update).
  protected themeChanged(): void {
    this.#paintFeatures();
    this.draw();
  }

  #paintFeatures(): void {
    this.#features.forEach((g, k) => {
      const m = Math.max(maxAbs(g), 1e-6);
      paintThumb(this.#featureThumbs[k], (i, j) => g[j * THUMB + i] / m);
    });
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

  protected sized(): void {
    this.#layout(this.#thumbs.map((c) => c.length));
  }

  protected paint(ctx: CanvasRenderingContext2D, pal: Palette): void {
    const v = this.#view;
    if (v) this.#drawLinks(ctx, pal, v);
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
    this.#columnNames(ctx, pal);
  }

  /** Each column's name in the bottom band ("inputs", "layer 1", "output"; just "1" where the long form does not fit). */
  #columnNames(ctx: CanvasRenderingContext2D, pal: Palette): void {
    const L = this.#L;
    const cols = this.#nodes.length;
    const colW = this.width / Math.max(1, cols);
    ctx.font = `${TICK_FONT}px ${pal.font}`;
    ctx.fillStyle = css(pal.muted);
    this.#nodes.forEach((col, c) => {
      const x = col[0]?.x ?? colW * (c + 0.5);
      const long = c === 0 ? L.t('diagramInputs') : c === cols - 1 ? L.t('diagramOutput') : L.t('diagramLayer', { n: String(c) });
      const short = c === 0 ? 'x' : c === cols - 1 ? 'ŷ' : String(c);
      const text = ctx.measureText(long).width <= colW - 6 ? long : short;
      this.drawLabel(ctx, text, x, this.height - TICK_BAND + 1);
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
    this.#nodes = layoutColumns(cols, this.width, this.height - TICK_BAND);
  }

  #drawLinks(ctx: CanvasRenderingContext2D, pal: Palette, v: NetworkView): void {
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

  #key(e: KeyboardEvent): void {
    if (e.key === 'Enter' && this.#focus) {
      const h = focusHover(this.#view, this.#nodes, this.#focus);
      if (h) this.onPick(h);
      return;
    }
    const next = moveFocus(this.#nodes, this.#focus, e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault();
    this.#focus = next;
    const h = focusHover(this.#view, this.#nodes, next);
    if (h) this.#onHover(h, 0, 0);
    this.draw();
  }

  protected onPointer(p: { x: number; y: number } | null): void {
    if (!p) this.#onHover(null, 0, 0);
    else if (this.#view) this.#onHover(hitAt(this.#view, this.#nodes, p.x, p.y), p.x, p.y);
  }
}
