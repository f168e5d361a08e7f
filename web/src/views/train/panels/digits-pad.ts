// An 8×8 drawing pad made the way the UCI digits were: strokes land on a
// 32×32 bitmap and each 4×4 block's count of inked pixels (0..16, scaled to
// 0..1) is one input. Pointer events cover mouse, touch and pen; arrow keys
// move a cursor and Space inks the block under it.
import { css, mix, type Palette } from '../../../charts/theme';
import { CanvasChart } from '../../../charts/canvas-chart';

const HI = 32;
const LO = 8;
const BRUSH = 1.7;

export class DigitsPad extends CanvasChart {
  readonly #bitmap = new Uint8Array(HI * HI);
  readonly #base = new Float32Array(LO * LO);
  readonly #cells = new Float32Array(LO * LO);
  readonly #onChange: (cells: Float32Array) => void;
  readonly #onStroke: () => void;
  /** Strokes the student drew (pointer or keyboard), for the lessons' checks. */
  strokes = 0;
  #last: [number, number] | null = null;
  #cursor: [number, number] | null = null;

  constructor(onChange: (cells: Float32Array) => void, onStroke: () => void = () => {}) {
    super({ cls: 'nt-pad-canvas', rootCls: 'nt-pad', attrs: { tabindex: '0' }, height: (w) => w });
    this.#onChange = onChange;
    this.#onStroke = onStroke;
    this.canvas.addEventListener('pointerdown', (e) => {
      this.strokes += 1;
      this.canvas.setPointerCapture(e.pointerId);
      this.#last = null;
      this.#ink(e);
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (this.canvas.hasPointerCapture(e.pointerId)) this.#ink(e);
    });
    const end = () => {
      if (this.#last !== null) this.#onStroke();
      this.#last = null;
    };
    this.canvas.addEventListener('pointerup', end);
    this.canvas.addEventListener('pointercancel', end);
    this.canvas.addEventListener('keydown', (e) => this.#key(e));
    this.canvas.addEventListener('blur', () => {
      this.#cursor = null;
      this.draw();
    });
  }

  get cells(): Float32Array {
    return this.#cells;
  }

  clear(): void {
    this.#bitmap.fill(0);
    this.#base.fill(0);
    this.#recompute();
  }

  /** Shows a sample (64 values in 0..1) as the starting picture. */
  load(values: Float32Array): void {
    this.#bitmap.fill(0);
    this.#base.set(values.subarray(0, LO * LO));
    this.#recompute();
  }

  protected paint(ctx: CanvasRenderingContext2D, pal: Palette): void {
    const cell = this.width / LO;
    for (let j = 0; j < LO; j++) {
      for (let i = 0; i < LO; i++) {
        ctx.fillStyle = css(mix(pal.surface, pal.text, this.#cells[j * LO + i] * 0.92));
        ctx.fillRect(i * cell, j * cell, cell, cell);
      }
    }
    ctx.strokeStyle = css(pal.text, 0.12);
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let k = 1; k < LO; k++) {
      ctx.moveTo(Math.round(k * cell) + 0.5, 0);
      ctx.lineTo(Math.round(k * cell) + 0.5, this.width);
      ctx.moveTo(0, Math.round(k * cell) + 0.5);
      ctx.lineTo(this.width, Math.round(k * cell) + 0.5);
    }
    ctx.stroke();
    if (this.#cursor) {
      ctx.strokeStyle = css(pal.classes[1]);
      ctx.lineWidth = 3;
      ctx.strokeRect(this.#cursor[0] * cell + 1.5, this.#cursor[1] * cell + 1.5, cell - 3, cell - 3);
    }
  }

  #ink(e: PointerEvent): void {
    if (this.width === 0) return;
    const p = this.local(e);
    const x = (p.x / this.width) * HI;
    const y = (p.y / this.height) * HI;
    const from = this.#last ?? [x, y];
    const steps = Math.max(1, Math.ceil(Math.hypot(x - from[0], y - from[1]) / 0.5));
    for (let s = 0; s <= steps; s++) this.#dab(from[0] + ((x - from[0]) * s) / steps, from[1] + ((y - from[1]) * s) / steps);
    this.#last = [x, y];
    this.#recompute();
  }

  #dab(cx: number, cy: number): void {
    const r = Math.ceil(BRUSH);
    for (let y = Math.floor(cy) - r; y <= Math.floor(cy) + r; y++) {
      for (let x = Math.floor(cx) - r; x <= Math.floor(cx) + r; x++) {
        if (x < 0 || y < 0 || x >= HI || y >= HI) continue;
        if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= BRUSH) this.#bitmap[y * HI + x] = 1;
      }
    }
  }

  #key(e: KeyboardEvent): void {
    const c = this.#cursor ?? [3, 3];
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const mv = moves[e.key];
    if (mv) {
      e.preventDefault();
      this.#cursor = [Math.max(0, Math.min(LO - 1, c[0] + mv[0])), Math.max(0, Math.min(LO - 1, c[1] + mv[1]))];
      this.draw();
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      this.#cursor = c;
      this.strokes += 1;
      const on = this.#cells[c[1] * LO + c[0]] < 0.5;
      for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) this.#bitmap[(c[1] * 4 + y) * HI + c[0] * 4 + x] = on ? 1 : 0;
      if (!on) this.#base[c[1] * LO + c[0]] = 0;
      this.#recompute();
      this.#onStroke();
    }
  }

  #recompute(): void {
    for (let j = 0; j < LO; j++) {
      for (let i = 0; i < LO; i++) {
        let n = 0;
        for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) n += this.#bitmap[(j * 4 + y) * HI + i * 4 + x];
        this.#cells[j * LO + i] = Math.max(this.#base[j * LO + i], n / 16);
      }
    }
    this.draw();
    this.#onChange(this.#cells);
  }
}
