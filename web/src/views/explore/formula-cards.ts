// One card per selected activation: f and f′ typeset with KaTeX, and its
// properties (range, zero-centred, which sides saturate, the largest slope and
// the slope at 0). Ranges come from the core for default parameters; slopes
// are measured live with the current parameters.
import { h, hideable, setText } from '../../ui/dom';
import type { ActivationInfo } from '../../engine/engine';
import { isDefault, type Curve } from './explore-data';
import { formatNumber } from '../../ui/format';
import { activationTex, renderTex } from '../../ui/formulas';
import { applyStrings, t, type Lang } from '../../app/i18n';
import { swatch } from '../../charts/series-style';
import type { ParamValues } from '../../app/state';

interface Card {
  name: string;
  title: HTMLElement;
  f: HTMLElement;
  df: HTMLElement;
  chips: HTMLElement;
}

export class FormulaCards {
  readonly element: HTMLElement;
  readonly #grid: HTMLElement;
  readonly #info: (name: string) => ActivationInfo;
  #cards: Card[] = [];
  #acts: readonly string[] = [];

  constructor(parent: HTMLElement, info: (name: string) => ActivationInfo) {
    this.#info = info;
    this.#grid = h('div', { cls: 'formula-grid' });
    this.element = hideable(h('section', { cls: 'formulas', attrs: { 'aria-labelledby': 'formulas-title' } }), 'formulas');
    this.element.append(h('h3', { cls: 'section-title', i18n: 'formulasTitle', attrs: { id: 'formulas-title' } }), this.#grid);
    parent.append(this.element);
  }

  update(acts: readonly string[], curves: readonly Curve[], params: Readonly<Record<string, ParamValues>>, lang: Lang): void {
    if (acts !== this.#acts) {
      this.#rebuild(acts);
      applyStrings(this.#grid, lang);
    }
    this.#cards.forEach((card, i) => {
      const info = this.#info(card.name);
      const curve = curves[i];
      setText(card.title, info.display[lang]);
      renderTex(card.f, activationTex(info, 'f', lang));
      renderTex(card.df, activationTex(info, 'df', lang));
      const chips = this.#chips(info, curve, isDefault(info, params[card.name]), lang);
      const key = chips.join('\n');
      if (card.chips.dataset.text !== key) {
        card.chips.dataset.text = key;
        card.chips.replaceChildren(...chips.map((text) => h('li', { text })));
      }
    });
  }

  #chips(info: ActivationInfo, curve: Curve, defaults: boolean, lang: Lang): string[] {
    const p = info.properties;
    const range = `${formatNumber(p.rangeMin)} … ${formatNumber(p.rangeMax)}`;
    return [
      t(lang, defaults ? 'rangeChip' : 'rangeChipDefaults', { range }),
      t(lang, p.zeroCentred ? 'zeroCentred' : 'notZeroCentred'),
      t(lang, `saturates_${p.saturates}`),
      defaults
        ? t(lang, 'slopeMaxChip', { value: formatNumber(p.derivativeMax) })
        : t(lang, 'slopeMaxShownChip', { value: formatNumber(curve.maxSlope) }),
      t(lang, 'slopeZeroChip', { value: formatNumber(curve.slopeAtZero) }),
    ];
  }

  #rebuild(acts: readonly string[]): void {
    this.#acts = acts;
    this.#grid.replaceChildren();
    this.#cards = acts.map((name, slot) => {
      const title = h('h4', { cls: 'formula-name' });
      const f = h('div', { cls: 'tex' });
      const df = h('div', { cls: 'tex' });
      const chips = h('ul', { cls: 'chips' });
      this.#grid.append(
        h('article', { cls: 'card formula-card', attrs: { 'data-act': name } }, [
          h('header', { cls: 'formula-head' }, [swatch(slot), title]),
          h('div', { cls: 'tex-row' }, [h('span', { cls: 'tex-tag', i18n: 'formulaF' }), f]),
          h('div', { cls: 'tex-row' }, [h('span', { cls: 'tex-tag', i18n: 'formulaDf' }), df]),
          chips,
        ]),
      );
      return { name, title, f, df, chips };
    });
  }
}
