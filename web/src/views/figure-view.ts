// The explorer's preset "the article's figure": the six panels of the article
// (Sigmoid, Tanh, ReLU, Leaky ReLU α = 0.2, ELU α = 2.0, Sigmoid′) on [−10, 10].
import { h } from '../dom';
import type { ActivationInfo, Engine } from '../engine';
import { PANELS, sampleX } from '../figure-panels';
import type { Lang } from '../i18n';
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
    this.#panels = PANELS.map((spec, i) => {
      const view = new PanelView(grid, spec, info(spec.activation));
      view.setData(data.x, data.ys[i]);
      return view;
    });
  }

  setLang(lang: Lang): void {
    if (lang === this.#lang) return;
    this.#lang = lang;
    for (const p of this.#panels) p.setLang(lang);
  }

  refreshTheme(): void {
    for (const p of this.#panels) p.refreshTheme();
  }
}
