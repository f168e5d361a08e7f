// Horizontal probability bars, one per class, with the value as text and the
// sum underneath (softmax outputs always sum to 1). Widths are set through
// element.style (allowed under the CSP), never through style attributes.
import { classColor, css } from './theme';
import { el, setText } from '../views/train/ui';

export function formatP(v: number): string {
  if (!Number.isFinite(v)) return 'NaN';
  if (v > 0 && v < 0.0005) return v.toExponential(1).replace('-', '−');
  return v.toFixed(3);
}

export class ProbBars {
  readonly root: HTMLElement;
  readonly #list: HTMLElement;
  readonly #sum: HTMLElement;
  #rows: { row: HTMLElement; label: HTMLElement; fill: HTMLElement; value: HTMLElement }[] = [];
  #labels: string[] = [];

  constructor(cls = '') {
    this.#list = el('div', { cls: 'nt-bars', attrs: { role: 'list' } });
    this.#sum = el('p', { cls: 'nt-bars-sum' });
    this.root = el('div', { cls: `nt-bars-wrap ${cls}`.trim() }, [this.#list, this.#sum]);
  }

  /** Row labels (also sets the row count); colours follow the class index. */
  setLabels(labels: string[], coloured = true): void {
    this.#labels = labels;
    if (this.#rows.length !== labels.length) {
      this.#rows = labels.map((_, i) => {
        const label = el('span', { cls: 'nt-bar-label' });
        const fill = el('span', { cls: 'nt-bar-fill' });
        const value = el('span', { cls: 'nt-bar-value' });
        const row = el('div', { cls: 'nt-bar', attrs: { role: 'listitem' } }, [label, el('span', { cls: 'nt-bar-track' }, [fill]), value]);
        fill.style.backgroundColor = coloured ? css(classColor(i)) : 'var(--accent)';
        return { row, label, fill, value };
      });
      this.#list.replaceChildren(...this.#rows.map((r) => r.row));
    }
    labels.forEach((l, i) => setText(this.#rows[i].label, l));
  }

  /** Values (null: clear); `sumText` formats the total, e.g. "sum = 1.000". */
  set(values: ArrayLike<number> | null, sumText?: (s: string) => string): void {
    let sum = 0;
    let best = -1;
    if (values) for (let i = 0; i < this.#rows.length; i++) if (best < 0 || values[i] > values[best]) best = i;
    this.#rows.forEach((r, i) => {
      const v = values ? values[i] : NaN;
      if (values) sum += v;
      const w = Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
      r.fill.style.width = `${(w * 100).toFixed(1)}%`;
      setText(r.value, values ? formatP(v) : '–');
      r.row.classList.toggle('nt-bar-best', i === best);
      r.row.setAttribute('aria-label', `${this.#labels[i]}: ${values ? formatP(v) : '–'}`);
    });
    setText(this.#sum, values && sumText ? sumText(sum.toFixed(3)) : '');
  }
}
