// Checkboxes for every activation the core knows. Checking one appends it to
// the selection (up to LIMITS.maxActs); the swatch shows its colour and dash.
import { h, hideable, setText } from '../ui/dom';
import type { ActivationInfo } from '../engine/engine';
import { t, type Lang } from '../app/i18n';
import { swatch } from '../charts/series-style';
import { LIMITS } from '../app/state';

interface Item {
  name: string;
  input: HTMLInputElement;
  text: HTMLElement;
  mark: HTMLElement;
}

export class ActivationPicker {
  readonly element: HTMLFieldSetElement;
  readonly #items: Item[];
  readonly #hint: HTMLElement;
  readonly #info: (name: string) => ActivationInfo;
  #acts: readonly string[] = [];
  #lang: Lang | null = null;

  constructor(parent: HTMLElement, names: readonly string[], info: (name: string) => ActivationInfo, onChange: (acts: string[]) => void) {
    this.#info = info;
    this.element = hideable(h('fieldset', { cls: 'picker' }), 'picker');
    this.element.append(h('legend', { i18n: 'pickerLegend' }));
    this.#hint = h('p', { cls: 'hint', attrs: { id: 'picker-hint' } });
    const list = h('div', { cls: 'picker-list' });
    this.#items = names.map((name) => {
      const input = h('input', { attrs: { type: 'checkbox', value: name, 'aria-describedby': 'picker-hint' } });
      const mark = h('span', { cls: 'picker-mark' });
      const text = h('span', { cls: 'picker-name' });
      list.append(h('label', { cls: 'picker-item', attrs: { 'data-act': name } }, [input, mark, text]));
      input.addEventListener('change', () => {
        const next = input.checked ? [...this.#acts, name] : this.#acts.filter((a) => a !== name);
        onChange(next);
      });
      return { name, input, text, mark };
    });
    this.element.append(this.#hint, list);
    parent.append(this.element);
  }

  update(acts: readonly string[], lang: Lang): void {
    const changed = acts !== this.#acts;
    if (!changed && lang === this.#lang) return;
    this.#acts = acts;
    this.#lang = lang;
    const full = acts.length >= LIMITS.maxActs;
    for (const item of this.#items) {
      const slot = acts.indexOf(item.name);
      item.input.checked = slot >= 0;
      // At the limit nothing more can be added; the last one cannot be removed.
      item.input.disabled = (slot < 0 && full) || (slot >= 0 && acts.length === 1);
      item.mark.replaceChildren(...(slot >= 0 ? [swatch(slot)] : []));
      setText(item.text, this.#info(item.name).display[lang]);
    }
    setText(this.#hint, t(lang, full ? 'pickerFull' : 'pickerHint', { max: String(LIMITS.maxActs) }));
  }
}
