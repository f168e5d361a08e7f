// The explorer's x-range: two number boxes and a few symmetric presets. A value
// outside [−100, 100] or a span under 0.1 is refused in place, with a message.
import { h, hideable, setText, uniqueId } from '../ui/dom';
import { formatNumber } from '../ui/format';
import { t, type Lang } from '../app/i18n';
import { LIMITS } from '../app/state';

const PRESETS = [3, 6, 10, 20] as const;

export class XRangeControl {
  readonly element: HTMLFieldSetElement;
  readonly #from: HTMLInputElement;
  readonly #to: HTMLInputElement;
  readonly #error: HTMLElement;
  readonly #presets: HTMLButtonElement[];
  #range: readonly [number, number] = [NaN, NaN];
  #lang: Lang = 'en';

  constructor(parent: HTMLElement, onChange: (range: [number, number]) => void) {
    this.element = hideable(h('fieldset', { cls: 'x-range' }), 'range');
    const box = (key: 'rangeFrom' | 'rangeTo') => {
      const id = uniqueId('x');
      const input = h('input', {
        cls: 'num',
        attrs: { id, type: 'number', step: '0.5', min: String(-LIMITS.xAbs), max: String(LIMITS.xAbs), inputmode: 'decimal' },
      });
      return { input, label: h('label', { cls: 'x-box' }, [h('span', { i18n: key }), input]) };
    };
    const from = box('rangeFrom');
    const to = box('rangeTo');
    this.#from = from.input;
    this.#to = to.input;
    this.#error = h('p', { cls: 'field-error', attrs: { role: 'alert' } });
    const commit = () => {
      const a = Number(this.#from.value);
      const b = Number(this.#to.value);
      const ok = this.#from.value !== '' && this.#to.value !== '' && a >= -LIMITS.xAbs && b <= LIMITS.xAbs
        && b - a >= LIMITS.minSpan;
      this.#from.setAttribute('aria-invalid', String(!ok));
      this.#to.setAttribute('aria-invalid', String(!ok));
      setText(this.#error, ok ? '' : t(this.#lang, 'rangeInvalid', { max: String(LIMITS.xAbs) }));
      if (ok) onChange([a, b]);
    };
    this.#from.addEventListener('change', commit);
    this.#to.addEventListener('change', commit);
    this.#presets = PRESETS.map((r) => {
      const b = h('button', { cls: 'chip-button', text: `±${r}`, attrs: { type: 'button' } });
      b.addEventListener('click', () => {
        setText(this.#error, '');
        onChange([-r, r]);
      });
      return b;
    });
    this.element.append(
      h('legend', { i18n: 'rangeLegend' }),
      h('div', { cls: 'x-boxes' }, [from.label, h('span', { cls: 'x-dash', text: '…', attrs: { 'aria-hidden': 'true' } }), to.label]),
      h('div', { cls: 'chip-row', attrs: { role: 'group' }, label: 'rangePresets' }, this.#presets),
      this.#error,
    );
    parent.append(this.element);
  }

  update(range: readonly [number, number], lang: Lang): void {
    this.#lang = lang;
    if (range === this.#range) return;
    this.#range = range;
    // A box being typed into keeps its text; the other one shows the state.
    if (document.activeElement !== this.#from) this.#from.value = String(range[0]);
    if (document.activeElement !== this.#to) this.#to.value = String(range[1]);
    this.#from.setAttribute('aria-invalid', 'false');
    this.#to.setAttribute('aria-invalid', 'false');
    PRESETS.forEach((r, i) => this.#presets[i].setAttribute('aria-pressed', String(range[0] === -r && range[1] === r)));
    this.element.dataset.range = `${formatNumber(range[0])} … ${formatNumber(range[1])}`;
  }
}
