// The curves' data: a bounded, columnar copy of the trainer's history. Rows
// are kept at a stride that doubles whenever the store fills up, so a long
// run keeps its whole shape in at most `capacity` rows, and the latest row is
// always shown. Columns are Float32Arrays handed to the charts as they are.
import type { History } from '../../../engine/engine';

export const TOP_COLUMNS = [
  'step', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'gradNorm', 'gradNormClipped', 'learningRate',
] as const;
export type TopColumn = (typeof TOP_COLUMNS)[number];
export const LAYER_COLUMNS = ['gradWNorm', 'dead', 'saturated', 'alpha'] as const;
export type LayerColumn = (typeof LAYER_COLUMNS)[number];

export class HistoryStore {
  readonly capacity: number;
  #layers = 0;
  #top = new Map<TopColumn, Float32Array>();
  #layer: Map<LayerColumn, Float32Array>[] = [];
  /** Stored rows (the tail row sits at index #n when present). */
  #n = 0;
  #hasTail = false;
  #stride = 1;
  /** The last step appended (stored or tail); -1 when empty. */
  #last = -1;

  constructor(layers: number, capacity = 1200) {
    this.capacity = capacity;
    this.clear(layers);
  }

  clear(layers: number): void {
    this.#layers = layers;
    const col = () => new Float32Array(this.capacity + 1);
    this.#top = new Map(TOP_COLUMNS.map((c) => [c, col()]));
    this.#layer = Array.from({ length: layers }, () => new Map(LAYER_COLUMNS.map((c) => [c, col()])));
    this.#n = 0;
    this.#hasTail = false;
    this.#stride = 1;
    this.#last = -1;
  }

  get layers(): number {
    return this.#layers;
  }

  /** Rows visible to the charts. */
  get length(): number {
    return this.#n + (this.#hasTail ? 1 : 0);
  }

  get lastStep(): number {
    return this.#last;
  }

  /** Appends rows in step order (trainer.history(lastStep + 1)). */
  append(h: History): void {
    const rows = h.step.length;
    // Only the last row off the stride becomes the tail: written once, at the end.
    let tail = -1;
    for (let r = 0; r < rows; r++) {
      const step = h.step[r];
      if (step <= this.#last) continue;
      this.#last = step;
      tail = r;
      if (step % this.#stride !== 0) continue;
      if (this.#n === this.capacity) this.#compact();
      if (step % this.#stride !== 0) continue;
      this.#write(this.#n, h, r);
      this.#n += 1;
      this.#hasTail = false;
      tail = -1;
    }
    if (tail >= 0) {
      this.#write(this.#n, h, tail);
      this.#hasTail = true;
    }
  }

  /** Drops rows after `step` (a rewind). */
  truncateAfter(step: number): void {
    const s = this.#top.get('step') as Float32Array;
    while (this.#n > 0 && s[this.#n - 1] > step) this.#n -= 1;
    this.#hasTail = false;
    this.#last = this.#n > 0 ? s[this.#n - 1] : -1;
  }

  /** The last finite value of a column (NaN if none): what a diverged run had just before. */
  lastFinite(c: TopColumn): number {
    const col = this.top(c);
    for (let i = col.length - 1; i >= 0; i--) if (Number.isFinite(col[i])) return col[i];
    return NaN;
  }

  top(c: TopColumn): Float32Array {
    return (this.#top.get(c) as Float32Array).subarray(0, this.length);
  }

  layer(i: number, c: LayerColumn): Float32Array {
    const m = this.#layer[i];
    return m ? (m.get(c) as Float32Array).subarray(0, this.length) : new Float32Array(0);
  }

  #write(i: number, h: History, r: number): void {
    for (const c of TOP_COLUMNS) (this.#top.get(c) as Float32Array)[i] = h[c][r];
    for (let l = 0; l < this.#layers; l++) {
      const src = h.layers[l];
      if (!src) continue;
      for (const c of LAYER_COLUMNS) (this.#layer[l].get(c) as Float32Array)[i] = src[c][r];
    }
  }

  // Keeps the rows on the doubled stride, in place.
  #compact(): void {
    this.#stride *= 2;
    const s = this.#top.get('step') as Float32Array;
    const cols = [...this.#top.values(), ...this.#layer.flatMap((m) => [...m.values()])];
    let w = 0;
    for (let r = 0; r < this.#n; r++) {
      if (s[r] % this.#stride !== 0) continue;
      if (w !== r) for (const c of cols) c[w] = c[r];
      w += 1;
    }
    this.#n = w;
  }
}
