// Pick the true class t and see the cross-entropy L = −log pₜ and its gradient
// p − y: negative for the target (raise its logit), positive for the rest.
import { h, hideable, setText } from '../../ui/dom';
import type { CrossEntropy } from '../../engine/engine';
import { formatFixed, formatFull, formatNumber, subscript } from '../../ui/format';
import { renderTex, SOFTMAX_TEX } from '../../ui/formulas';
import { applyStrings, t, type Lang } from '../../app/i18n';
import { BarList } from './bar-list';

export class CrossEntropyView {
  readonly element: HTMLElement;
  readonly #targets: HTMLElement;
  readonly #loss: HTMLElement;
  readonly #bars: BarList;
  readonly #error: HTMLElement;
  readonly #onTarget: (target: number) => void;
  #radios: HTMLInputElement[] = [];

  constructor(parent: HTMLElement, onTarget: (target: number) => void) {
    this.#onTarget = onTarget;
    const lossTex = h('div', { cls: 'tex' });
    const gradTex = h('div', { cls: 'tex' });
    renderTex(lossTex, SOFTMAX_TEX.crossEntropy);
    renderTex(gradTex, SOFTMAX_TEX.gradient);
    this.#targets = hideable(h('fieldset', { cls: 'targets' }), 'target');
    this.#loss = h('output', { cls: 'loss-value num' });
    this.#error = h('p', { cls: 'view-error', attrs: { role: 'alert' } });
    this.element = h('article', { cls: 'card cross-entropy', attrs: { 'data-output': 'cross-entropy' } });
    this.element.append(
      h('h3', { cls: 'card-title', i18n: 'ceTitle' }),
      this.#targets,
      h('div', { cls: 'loss-row' }, [lossTex, this.#loss]),
      gradTex,
    );
    this.#bars = new BarList(this.element, 'signed', 'g');
    this.element.append(h('p', { cls: 'hint', i18n: 'ceHint' }), this.#error);
    parent.append(this.element);
  }

  update(result: CrossEntropy | Error, n: number, target: number, lang: Lang): void {
    if (this.#radios.length !== n) this.#rebuild(n, lang);
    this.#radios.forEach((r, i) => (r.checked = i === target));
    if (result instanceof Error) {
      setText(this.#error, `${t(lang, 'computeFailed')} ${result.message}`);
      return;
    }
    setText(this.#error, '');
    setText(this.#loss, `= ${formatNumber(result.loss, 4)}`);
    this.#loss.dataset.value = String(result.loss);
    this.#bars.update(result.grad, (v) => formatFixed(v, 3), target, formatFull);
  }

  #rebuild(n: number, lang: Lang): void {
    const group = h('div', { cls: 'segmented' });
    this.#targets.replaceChildren(h('legend', { i18n: 'ceTarget' }), group);
    this.#radios = Array.from({ length: n }, (_, i) => {
      const input = h('input', { attrs: { type: 'radio', name: 'ce-target', value: String(i) } });
      input.addEventListener('change', () => input.checked && this.#onTarget(i));
      group.append(h('label', { cls: 'segment' }, [input, h('span', { text: `${i + 1}` }), h('span', { cls: 'visually-hidden', text: `z${subscript(i + 1)}` })]));
      return input;
    });
    applyStrings(this.#targets, lang);
  }
}
