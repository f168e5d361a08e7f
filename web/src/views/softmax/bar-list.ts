// A column of labelled horizontal bars with their values: probabilities
// (0…1), signed values (gradients, centred on zero) or magnitudes
// (log-probabilities). NaN and ±∞ get a hatched bar and are spelled out.
import { h, setText } from '../../ui/dom';
import { subscript } from '../../ui/format';

export type BarMode = 'unit' | 'signed' | 'magnitude';

interface Row {
  row: HTMLElement;
  label: HTMLElement;
  fill: HTMLElement;
  value: HTMLElement;
}

export class BarList {
  readonly element: HTMLOListElement;
  readonly #mode: BarMode;
  readonly #symbol: string;
  #rows: Row[] = [];

  constructor(parent: HTMLElement, mode: BarMode, symbol: string) {
    this.#mode = mode;
    this.#symbol = symbol;
    this.element = h('ol', { cls: `bars bars-${mode}` });
    parent.append(this.element);
  }

  /** `title` gives each value's full precision as a tooltip. */
  update(values: ArrayLike<number>, format: (v: number) => string, highlight: number | null, title?: (v: number) => string): void {
    if (values.length !== this.#rows.length) this.#rebuild(values.length);
    let maxAbs = 0;
    for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) maxAbs = Math.max(maxAbs, Math.abs(values[i]));
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const r = this.#rows[i];
      const finite = Number.isFinite(v);
      r.row.classList.toggle('is-top', i === highlight);
      r.row.classList.toggle('is-bad', !finite);
      setText(r.value, format(v));
      r.value.dataset.value = String(v);
      if (title) r.value.title = title(v);
      this.#place(r.fill, v, finite, maxAbs);
    }
  }

  #place(fill: HTMLElement, v: number, finite: boolean, maxAbs: number): void {
    const s = fill.style;
    if (!finite) {
      s.left = '0';
      s.width = '100%';
      return;
    }
    if (this.#mode === 'unit') {
      s.left = '0';
      s.width = `${Math.max(0, Math.min(1, v)) * 100}%`;
    } else if (this.#mode === 'magnitude') {
      s.left = '0';
      s.width = `${maxAbs > 0 ? (Math.abs(v) / maxAbs) * 100 : 0}%`;
    } else {
      const half = maxAbs > 0 ? (Math.abs(v) / maxAbs) * 50 : 0;
      s.left = `${v >= 0 ? 50 : 50 - half}%`;
      s.width = `${half}%`;
      fill.classList.toggle('is-negative', v < 0);
    }
  }

  #rebuild(n: number): void {
    this.#rows = Array.from({ length: n }, (_, i) => {
      const label = h('span', { cls: 'bar-label', text: `${this.#symbol}${subscript(i + 1)}` });
      const fill = h('span', { cls: 'bar-fill' });
      const value = h('span', { cls: 'bar-value num' });
      const row = h('li', { cls: 'bar-row' }, [label, h('span', { cls: 'bar-track', attrs: { 'aria-hidden': 'true' } }, [fill]), value]);
      return { row, label, fill, value };
    });
    this.element.replaceChildren(...this.#rows.map((r) => r.row));
  }
}
