// The activation explorer tab: pick activations, see f and f′ overlaid with
// live parameter sliders, read values under the cursor, the formulas and
// properties, and the chain view; or switch to the article's six-panel figure.
import { ActivationPicker } from '../../controls/activation-picker';
import { ParamSliders } from '../../controls/param-sliders';
import { XRangeControl } from '../../controls/x-range';
import { h, hideable, setText } from '../../ui/dom';
import { computeCurves, type Curves } from './explore-data';
import { applyStrings, t, type Lang } from '../../app/i18n';
import { LAYOUTS, type Layout, type PageState, type ParamValues } from '../../app/state';
import { ChainView } from './chain-view';
import { activationLabel, CurvesView } from './curves-view';
import { computeFigure, FigureView } from './figure-view';
import { FormulaCards } from './formula-cards';
import { ReadoutView } from './readout-view';
import type { View, ViewContext } from '../view';

const LAYOUT_LABEL = { overlay: 'layoutOverlay', figure: 'layoutFigure' } as const;

export class ExploreView implements View {
  readonly element: HTMLElement;
  readonly #ctx: ViewContext;
  readonly #radios: HTMLInputElement[];
  readonly #body: HTMLElement;
  readonly #error: HTMLElement;
  readonly #picker: ActivationPicker;
  readonly #range: XRangeControl;
  readonly #params: ParamSliders;
  readonly #curves: CurvesView;
  readonly #readout: ReadoutView;
  readonly #cards: FormulaCards;
  readonly #chain: ChainView;
  #figure: FigureView | null = null;
  #state: Readonly<PageState> | null = null;
  #data: Curves | null = null;
  #dataKey = '';
  #probeX = 0;
  #index = 0;

  constructor(parent: HTMLElement, ctx: ViewContext) {
    this.#ctx = ctx;
    const info = (name: string) => ctx.info(name);
    this.element = h('section', { cls: 'view view-explore', attrs: { 'data-view': 'explore' } });
    const switcher = hideable(h('fieldset', { cls: 'segmented' }), 'layout');
    switcher.append(h('legend', { cls: 'visually-hidden', i18n: 'layoutLegend' }));
    this.#radios = LAYOUTS.map((layout) => {
      const input = h('input', { attrs: { type: 'radio', name: 'explore-layout', value: layout } });
      input.addEventListener('change', () => input.checked && ctx.commit({ layout }));
      switcher.append(h('label', { cls: 'segment' }, [input, h('span', { i18n: LAYOUT_LABEL[layout] })]));
      return input;
    });
    this.element.append(
      h('div', { cls: 'view-head' }, [
        h('div', {}, [h('h2', { i18n: 'exploreTitle' }), h('p', { cls: 'lead', i18n: 'exploreLead' })]),
        switcher,
      ]),
    );
    this.#error = h('p', { cls: 'view-error', attrs: { role: 'alert' } });
    const side = h('aside', { cls: 'explore-side', label: 'exploreControls' });
    const main = h('div', { cls: 'explore-main' });
    this.#body = h('div', { cls: 'explore-body' }, [side, main]);
    this.element.append(this.#error, this.#body);
    parent.append(this.element);

    this.#picker = new ActivationPicker(side, ctx.engine.activationNames(), info, (acts) => ctx.commit({ acts }));
    this.#range = new XRangeControl(side, (xRange) => ctx.commit({ xRange }));
    this.#params = new ParamSliders(side, info, (name, values) => this.#commitParams(name, values));
    this.#curves = new CurvesView(main, (i) => i !== null && this.#probe(i), () => this.#data?.x[this.#index] ?? null);
    this.#readout = new ReadoutView(main, (i) => this.#probe(i));
    this.#chain = new ChainView(main, (chainN) => ctx.commit({ chainN }));
    this.#cards = new FormulaCards(main, info);
  }

  update(state: Readonly<PageState>): void {
    this.#state = state;
    const { lang } = state;
    for (const r of this.#radios) r.checked = r.value === state.layout;
    this.element.dataset.layout = state.layout;
    this.#showLayout(state.layout, lang);
    if (state.layout === 'figure') return;
    this.#picker.update(state.acts, lang);
    this.#range.update(state.xRange, lang);
    this.#params.update(state.acts, state.params, lang);
    const key = JSON.stringify([state.acts, state.acts.map((a) => state.params[a] ?? null), state.xRange]);
    if (key !== this.#dataKey) {
      try {
        this.#data = computeCurves(this.#ctx.engine, state, (name) => this.#ctx.info(name));
        setText(this.#error, '');
      } catch (err) {
        setText(this.#error, `${t(lang, 'computeFailed')} ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      this.#dataKey = key;
      this.#index = nearest(this.#data.x, this.#probeX);
      this.#curves.setLabels(this.#labels(lang));
      this.#curves.setData(this.#data, state.xRange);
    }
    const data = this.#data;
    if (!data) return;
    const labels = this.#labels(lang);
    this.#curves.setLabels(labels);
    this.#readout.update(data, labels, this.#index, lang);
    this.#curves.describe(data, labels, this.#index, lang);
    this.#chain.update(data.curves, labels, state.chainN, lang);
    this.#cards.update(state.acts, data.curves, state.params, lang);
  }

  refreshTheme(): void {
    this.#curves.refreshTheme();
    this.#chain.refreshTheme();
    this.#figure?.refreshTheme();
  }

  #labels(lang: Lang): string[] {
    return (this.#data?.curves ?? []).map((c) => activationLabel(this.#ctx.info(c.name), c.params, lang));
  }

  #showLayout(layout: Layout, lang: Lang): void {
    const figure = layout === 'figure';
    this.#body.hidden = figure;
    if (figure && !this.#figure) {
      this.#figure = new FigureView(this.element, computeFigure(this.#ctx.engine), (name) => this.#ctx.info(name));
      applyStrings(this.#figure.element, lang);
    }
    if (this.#figure) {
      this.#figure.element.hidden = !figure;
      if (figure) this.#figure.setLang(lang);
    }
  }

  #probe(index: number): void {
    const data = this.#data;
    const state = this.#state;
    if (!data || !state || index === this.#index) return;
    this.#index = Math.max(0, Math.min(data.x.length - 1, index));
    this.#probeX = data.x[this.#index];
    const labels = this.#labels(state.lang);
    this.#readout.update(data, labels, this.#index, state.lang);
    this.#curves.describe(data, labels, this.#index, state.lang);
    this.#curves.redraw();
  }

  // Values equal to the core's defaults are dropped, so links stay short.
  #commitParams(name: string, values: ParamValues | undefined): void {
    const state = this.#state;
    if (!state) return;
    const next = { ...state.params };
    const kept: ParamValues = {};
    for (const p of this.#ctx.info(name).params) {
      const v = values?.[p.name];
      // Defaults are float32 (0.00999999978): a slider at 0.01 is the default.
      if (v !== undefined && Math.abs(v - p.default) > 1e-6 * Math.max(1, Math.abs(p.default))) kept[p.name] = v;
    }
    if (Object.keys(kept).length > 0) next[name] = kept;
    else delete next[name];
    this.#ctx.commit({ params: next });
  }
}

function nearest(xs: Float32Array, x: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
  return best;
}
