// Sliders for the parameters of the selected activations (α of Leaky ReLU,
// PReLU and ELU; RReLU's lower and upper slopes), with the ranges the core
// declares. Rebuilt only when the selection changes; values update in place.
import { h, hideable, setText } from '../ui/dom';
import type { ActivationInfo } from '../engine/engine';
import { formatNumber } from '../ui/format';
import { applyStrings, t, type Lang } from '../app/i18n';
import { swatch } from '../charts/series-style';
import type { ParamValues } from '../app/state';
import { Slider } from './slider';

interface Group {
  name: string;
  title: HTMLElement;
  sliders: { param: ActivationInfo['params'][number]; slider: Slider }[];
}

export class ParamSliders {
  readonly element: HTMLFieldSetElement;
  readonly #body: HTMLElement;
  readonly #empty: HTMLElement;
  readonly #info: (name: string) => ActivationInfo;
  readonly #onChange: (name: string, values: ParamValues | undefined) => void;
  #groups: Group[] = [];
  #acts: readonly string[] = [];
  #params: Readonly<Record<string, ParamValues>> = {};
  #lang: Lang | null = null;

  constructor(
    parent: HTMLElement,
    info: (name: string) => ActivationInfo,
    onChange: (name: string, values: ParamValues | undefined) => void,
  ) {
    this.#info = info;
    this.#onChange = onChange;
    this.element = hideable(h('fieldset', { cls: 'params' }), 'params');
    this.#empty = h('p', { cls: 'hint', i18n: 'paramsNone' });
    this.#body = h('div', { cls: 'param-groups' });
    this.element.append(h('legend', { i18n: 'paramsLegend' }), this.#empty, this.#body);
    parent.append(this.element);
  }

  update(acts: readonly string[], params: Readonly<Record<string, ParamValues>>, lang: Lang): void {
    this.#params = params;
    if (acts !== this.#acts) this.#rebuild(acts);
    if (lang !== this.#lang) {
      this.#lang = lang;
      applyStrings(this.#body, lang);
      for (const g of this.#groups) {
        setText(g.title, this.#info(g.name).display[lang]);
        for (const { param, slider } of g.sliders) slider.setLabel(param.label[lang]);
      }
      for (const b of this.#body.querySelectorAll<HTMLButtonElement>('button[data-reset]')) {
        b.setAttribute('aria-label', t(lang, 'paramsResetFor', { name: this.#info(b.dataset.reset ?? '').display[lang] }));
      }
    }
    for (const g of this.#groups) {
      for (const { param, slider } of g.sliders) slider.setValue(params[g.name]?.[param.name] ?? param.default);
    }
  }

  #rebuild(acts: readonly string[]): void {
    this.#acts = acts;
    this.#lang = null;
    this.#body.replaceChildren();
    this.#groups = [];
    acts.forEach((name, slot) => {
      const info = this.#info(name);
      if (info.params.length === 0) return;
      const title = h('span', { cls: 'param-title' });
      const reset = h('button', { cls: 'link-button', i18n: 'paramsReset', attrs: { type: 'button', 'data-reset': name } });
      reset.addEventListener('click', () => this.#onChange(name, undefined));
      const box = h('div', { cls: 'param-group', attrs: { 'data-act': name } }, [
        h('div', { cls: 'param-head' }, [swatch(slot), title, reset]),
      ]);
      const sliders = info.params.map((param) => ({
        param,
        slider: new Slider(box, {
          min: param.min,
          max: param.max,
          step: param.step,
          format: (v) => formatNumber(v, 3),
          onInput: (v) => this.#onChange(name, this.#withValue(name, param.name, v)),
        }),
      }));
      for (const { param, slider } of sliders) slider.range.dataset.param = param.name;
      this.#body.append(box);
      this.#groups.push({ name, title, sliders });
    });
    this.#empty.hidden = this.#groups.length > 0;
  }

  // RReLU needs lower ≤ upper: moving one past the other carries the other along.
  #withValue(name: string, param: string, v: number): ParamValues {
    const current: ParamValues = {};
    for (const p of this.#info(name).params) current[p.name] = this.#params[name]?.[p.name] ?? p.default;
    const next: ParamValues = { ...current, [param]: v };
    if (next.lower !== undefined && next.upper !== undefined && next.lower > next.upper) {
      if (param === 'lower') next.upper = v;
      else next.lower = v;
    }
    return next;
  }
}
