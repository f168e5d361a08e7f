// One output of the softmax lab (softmax, percentages, naive softmax,
// log-softmax): a title, its formula, the values as bars, and in place of the
// bars an error message when the engine refuses the input.
import { h, hideable, setText } from '../../ui/dom';
import { renderTex, SOFTMAX_TEX, type SoftmaxTexKey } from '../../ui/formulas';
import type { StringKey } from '../../app/i18n';
import type { HideableId } from '../../app/state';
import { BarList, type BarMode } from './bar-list';

export interface OutputCardOptions {
  id: SoftmaxTexKey;
  title: StringKey;
  subtitle: StringKey;
  mode: BarMode;
  symbol: string;
  control?: HideableId;
}

export class OutputCard {
  readonly element: HTMLElement;
  readonly #bars: BarList;
  readonly #error: HTMLElement;
  readonly #errorDetail: HTMLElement;
  readonly #note: HTMLElement;

  constructor(parent: HTMLElement, o: OutputCardOptions) {
    const tex = h('div', { cls: 'tex' });
    renderTex(tex, SOFTMAX_TEX[o.id]);
    this.#error = h('div', { cls: 'output-error', attrs: { role: 'status' } });
    this.#errorDetail = h('code', { cls: 'output-error-detail' });
    this.#note = h('p', { cls: 'output-note' });
    this.element = h('article', { cls: 'card output', attrs: { 'data-output': o.id } });
    if (o.control) hideable(this.element, o.control);
    this.element.append(
      h('h3', { cls: 'card-title', i18n: o.title }),
      h('p', { cls: 'card-subtitle', i18n: o.subtitle }),
      tex,
    );
    this.#bars = new BarList(this.element, o.mode, o.symbol);
    this.element.append(this.#error, this.#note);
    parent.append(this.element);
  }

  show(values: ArrayLike<number>, format: (v: number) => string, highlight: number | null, title?: (v: number) => string): void {
    this.element.classList.remove('has-error');
    this.#error.replaceChildren();
    this.#bars.element.hidden = false;
    this.#bars.update(values, format, highlight, title);
  }

  /** Replaces the bars with a plain-language lead and the engine's own message. */
  showError(lead: string, detail: string): void {
    this.element.classList.add('has-error');
    this.#bars.element.hidden = true;
    setText(this.#errorDetail, detail);
    this.#error.replaceChildren(h('strong', { text: lead }), this.#errorDetail);
  }

  setNote(text: string, tone: 'plain' | 'warn' = 'plain'): void {
    setText(this.#note, text);
    this.#note.dataset.tone = tone;
    this.#note.hidden = text === '';
  }
}
