// The confusion matrix on the test set as a table: rows are the true class,
// columns the predicted one; a cell's shade is its share of the row, so the
// diagonal darkens as the network learns and mix-ups stand out.
import type { Confusion } from '../../../engine/engine';
import { cellColor, cellText, drawConfusion } from '../charts/confusion-canvas';
import { css, palette } from '../../../charts/theme';
import { card, el, setText, type Localizer } from '../ui';

export class ConfusionView {
  readonly root: HTMLElement;
  readonly #L: Localizer;
  readonly #table: HTMLTableElement;
  readonly #caption: HTMLElement;
  readonly #matrix: HTMLElement;
  readonly #none: HTMLElement;
  #cells: HTMLTableCellElement[] = [];
  #names: string[] = [];
  #k = 0;
  #last: Confusion | null = null;

  constructor(L: Localizer) {
    this.#L = L;
    const c = card(L, 'confusion', 'nt-confusion');
    this.root = c.root;
    this.#caption = el('caption', { cls: 'visually-hidden' });
    this.#table = el('table', { cls: 'nt-matrix' });
    const axis = el('p', { cls: 'nt-matrix-axes' }, [
      L.text(el('span'), 'trueClass'), ' ↓   ', L.text(el('span'), 'predictedClass'), ' →',
    ]);
    this.#matrix = el('div', {}, [axis, L.attr(el('div', { cls: 'nt-matrix-wrap', attrs: { role: 'region', tabindex: '0' } }, [this.#table]), 'aria-label', 'altConfusionRegion')]);
    this.#none = L.text(el('p', { cls: 'nt-note nt-confusion-none' }), 'confusionNone');
    this.#none.hidden = true;
    c.body.append(this.#matrix, this.#none);
    L.onChange(() => setText(this.#caption, L.t('confusion')));
  }

  /** false: the head predicts no class (regression, or a linear head): the card says why it is empty. */
  setAvailable(ok: boolean): void {
    this.#matrix.hidden = !ok;
    this.#none.hidden = ok;
    if (!ok) this.#last = null;
  }

  /** Class names (empty: 0, 1, 2, …); rebuilds the table when the count changes. */
  configure(classes: number, names: string[]): void {
    this.#names = Array.from({ length: classes }, (_, i) => names[i] ?? String(i));
    if (classes === this.#k) return;
    this.#k = classes;
    const head = el('tr', {}, [el('th', { attrs: { scope: 'col' } }), ...this.#names.map((n) => el('th', { attrs: { scope: 'col' }, text: short(n) }))]);
    this.#cells = [];
    const rows = this.#names.map((n) => {
      const cells = this.#names.map(() => el('td'));
      this.#cells.push(...cells);
      return el('tr', {}, [el('th', { attrs: { scope: 'row' }, text: short(n) }), ...cells]);
    });
    setText(this.#caption, this.#L.t('confusion'));
    this.#table.replaceChildren(this.#caption, el('thead', {}, [head]), el('tbody', {}, rows));
  }

  /** The matrix as a canvas (the PNG export); null before there is one. */
  canvas(): HTMLCanvasElement | null {
    const c = this.#last;
    return c && this.#k > 0 && c.matrix.length === this.#k * this.#k ? drawConfusion(c.matrix, this.#names.map(short), palette()) : null;
  }

  update(c: Confusion | null): void {
    this.#last = c;
    const k = this.#k;
    const pal = palette();
    for (let t = 0; t < k; t++) {
      let row = 0;
      for (let p = 0; p < k; p++) row += c ? c.matrix[t * k + p] : 0;
      for (let p = 0; p < k; p++) {
        const cell = this.#cells[t * k + p];
        const n = c ? c.matrix[t * k + p] : 0;
        const share = row > 0 ? n / row : 0;
        setText(cell, c ? String(n) : '');
        const shade = cellColor(t, p, share, pal);
        cell.style.backgroundColor = css(shade);
        cell.style.color = cellText(shade);
        cell.title = this.#L.t('confusionCell', { n: String(n), t: this.#names[t], p: this.#names[p] });
      }
    }
  }
}

function short(name: string): string {
  return name.length > 4 ? name.slice(0, 3) : name;
}
