// The explorer's preset "the article's figure": the six panels of the article
// (Sigmoid, Tanh, ReLU, Leaky ReLU α = 0.2, ELU α = 2.0, Sigmoid′) on [−10, 10].
import { h } from '../../ui/dom';
import type { ActivationInfo, Engine } from '../../engine/engine';
import { PANELS, sampleX } from './figure-panels';
import { formatNumber } from '../../ui/format';
import { t, type Lang } from '../../app/i18n';
import { ChartAlt, type ChartDescription } from '../../ui/chart-alt';
import { PanelView } from './panel-view';

export interface FigureData {
  x: Float32Array;
  ys: Float32Array[];
}

export function computeFigure(engine: Engine): FigureData {
  const x = sampleX();
  const ys = PANELS.map((spec) =>
    spec.op === 'forward' ? engine.forward(spec.activation, x, spec.params) : engine.derivative(spec.activation, x, spec.params),
  );
  return { x, ys };
}

export class FigureView {
  readonly element: HTMLElement;
  readonly #panels: PanelView[];
  readonly #alts: ChartAlt[];
  readonly #data: FigureData;
  #lang: Lang | null = null;

  constructor(parent: HTMLElement, data: FigureData, info: (name: string) => ActivationInfo) {
    this.element = h('section', { cls: 'figure', attrs: { 'aria-labelledby': 'figure-heading' } });
    const grid = h('div', { cls: 'grid', attrs: { id: 'panels' } });
    this.element.append(
      h('h3', { cls: 'section-title', i18n: 'figureHeading', attrs: { id: 'figure-heading' } }),
      h('p', { cls: 'lead', i18n: 'figureLead' }),
      grid,
    );
    parent.append(this.element);
    this.#data = data;
    this.#panels = PANELS.map((spec, i) => {
      const view = new PanelView(grid, spec, info(spec.activation));
      view.setData(data.x, data.ys[i]);
      return view;
    });
    this.#alts = this.#panels.map((p) => new ChartAlt(p.element));
  }

  setLang(lang: Lang): void {
    if (lang === this.#lang) return;
    this.#lang = lang;
    for (const p of this.#panels) p.setLang(lang);
    this.#alts.forEach((alt, i) => alt.update(() => describePanel(this.#data.x, this.#data.ys[i], PANELS[i].yLabel, lang), lang));
  }

  refreshTheme(): void {
    for (const p of this.#panels) p.refreshTheme();
  }
}

/** A panel in words: its values at x = −10, 0 and 10; the table at every integer x. */
function describePanel(x: Float32Array, y: Float32Array, fn: string, lang: Lang): ChartDescription {
  const at = (want: number) => x.findIndex((v) => Math.abs(v - want) < 1e-4);
  const point = (want: number) => `x = ${formatNumber(want)}: ${formatNumber(y[at(want)])}`;
  return {
    summary: t(lang, 'figureAlt', { fn, values: [-10, 0, 10].map(point).join(t(lang, 'listSep')) }),
    table: () => ({
      caption: t(lang, 'figureTable', { fn }),
      head: ['x', fn],
      rows: Array.from({ length: 21 }, (_, k) => k - 10).map((v) => [formatNumber(v), formatNumber(y[at(v)])]),
    }),
  };
}
