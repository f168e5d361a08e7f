// A labelled slider with a number box beside it: drag or use the arrow keys on
// the slider, or type an exact value. Either one calls onInput with a value
// already clamped to [min, max]. A log scale moves in powers of ten.
import { h, uniqueId } from '../ui/dom';
import type { StringKey } from '../app/i18n';

export interface SliderOptions {
  /** A static label from i18n.ts; or leave it out and call setLabel. */
  label?: StringKey;
  min: number;
  max: number;
  step: number;
  log?: boolean;
  format: (v: number) => string;
  onInput: (value: number) => void;
}

export class Slider {
  readonly element: HTMLElement;
  readonly range: HTMLInputElement;
  readonly number: HTMLInputElement;
  readonly #label: HTMLLabelElement;
  readonly #o: SliderOptions;
  #value = NaN;

  constructor(parent: HTMLElement, options: SliderOptions) {
    const id = uniqueId('slider');
    // The core declares float32 limits (step 0.100000001): a step that does not
    // divide the range exactly would make the browser stop short of max.
    const tidy = (v: number) => Number(v.toPrecision(6));
    const [min, max, step] = [tidy(options.min), tidy(options.max), tidy(options.step)];
    const { log } = options;
    this.#o = { ...options, min, max, step };
    this.#label = h('label', { cls: 'slider-label', attrs: { for: id }, ...(options.label ? { i18n: options.label } : {}) });
    this.range = h('input', {
      cls: 'slider-range',
      attrs: log
        ? { type: 'range', id, min: String(Math.log10(min)), max: String(Math.log10(max)), step: '0.01' }
        : { type: 'range', id, min: String(min), max: String(max), step: String(step) },
    });
    this.number = h('input', {
      cls: 'slider-number',
      ...(options.label ? { label: options.label } : {}),
      attrs: { type: 'number', min: String(min), max: String(max), step: String(step), inputmode: 'decimal' },
    });
    this.element = h('div', { cls: 'slider' }, [this.#label, h('div', { cls: 'slider-row' }, [this.range, this.number])]);
    parent.append(this.element);

    this.range.addEventListener('input', () => {
      const raw = Number(this.range.value);
      this.#commit(log ? snap(10 ** raw) : raw, 'range');
    });
    this.number.addEventListener('change', () => {
      const v = Number(this.number.value);
      if (this.number.value.trim() === '' || !Number.isFinite(v)) {
        this.number.value = String(this.#value);
        return;
      }
      this.#commit(v, 'number');
    });
  }

  setLabel(text: string): void {
    this.#label.textContent = text;
    this.number.setAttribute('aria-label', text);
  }

  /** Shows a value without calling onInput. */
  setValue(v: number): void {
    if (v === this.#value) return;
    this.#value = v;
    const { log, format } = this.#o;
    if (document.activeElement !== this.range) this.range.value = String(log ? Math.log10(v) : v);
    if (document.activeElement !== this.number) this.number.value = String(Number(v.toPrecision(6)));
    this.range.setAttribute('aria-valuetext', format(v));
  }

  #commit(raw: number, from: 'range' | 'number'): void {
    const { min, max } = this.#o;
    const v = Math.min(max, Math.max(min, raw));
    this.#value = v;
    if (from === 'range') this.number.value = String(Number(v.toPrecision(6)));
    else this.range.value = String(this.#o.log ? Math.log10(v) : v);
    this.range.setAttribute('aria-valuetext', this.#o.format(v));
    this.#o.onInput(v);
  }
}

/** Two significant digits, so a log slider lands on values like 0.35 or 2.5. */
function snap(v: number): number {
  return Number(v.toPrecision(2));
}
