// One figure panel: title, formula, chart, property chips and a hover readout.
// Text comes from the core's metadata and i18n.ts and is set as textContent.
import { FunctionChart } from '../../charts/function-chart';
import { seriesColor } from '../../charts/theme';
import type { ActivationInfo } from '../../engine/engine';
import type { PanelSpec } from './figure-panels';
import { X_RANGE } from './figure-panels';
import { t, type Lang } from '../../app/i18n';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent?: HTMLElement) {
  const node = document.createElement(tag);
  node.className = className;
  parent?.append(node);
  return node;
}

function formatNumber(v: number): string {
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  const s = String(Number(v.toPrecision(4)));
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

export class PanelView {
  readonly element: HTMLElement;
  readonly #spec: PanelSpec;
  readonly #info: ActivationInfo;
  readonly #title: HTMLElement;
  readonly #chips: HTMLElement;
  readonly #readout: HTMLElement;
  readonly #chart: FunctionChart;
  #lang: Lang = 'en';

  constructor(parent: HTMLElement, spec: PanelSpec, info: ActivationInfo) {
    this.#spec = spec;
    this.#info = info;
    this.element = el('figure', 'panel', parent);
    this.element.dataset.panel = spec.id;
    this.element.dataset.activation = spec.activation;
    this.element.dataset.op = spec.op;
    this.element.style.setProperty('--panel-color', `var(--series-${spec.color})`);

    const head = el('figcaption', 'panel-head', this.element);
    this.#title = el('h3', 'panel-title', head);
    const formula = el('p', 'panel-formula', head);
    formula.textContent = spec.formula;
    this.#readout = el('p', 'panel-readout', this.element);
    this.#readout.setAttribute('aria-hidden', 'true');
    const plot = el('div', 'panel-chart', this.element);
    this.#chips = el('ul', 'panel-chips', this.element);

    this.#chart = new FunctionChart(plot, {
      xRange: X_RANGE,
      yRange: spec.yRange,
      xLabel: 'x',
      yLabel: spec.yLabel,
      color: () => seriesColor(spec.color),
      onHover: (x, y) => {
        this.#readout.textContent = `x = ${formatNumber(x)}   ${spec.yLabel} = ${formatNumber(y)}`;
      },
      onLeave: () => {
        this.#readout.textContent = '';
      },
    });
  }

  setData(x: Float32Array, y: Float32Array): void {
    this.element.dataset.points = String(y.length);
    this.#chart.setData(x, y);
  }

  setLang(lang: Lang): void {
    this.#lang = lang;
    const name = this.#info.display[lang];
    const alpha = this.#spec.params.alpha;
    this.#title.textContent =
      this.#spec.op === 'derivative'
        ? t(lang, 'derivativeOf', { name })
        : alpha === undefined
          ? name
          : lang === 'zh'
            ? `${name}（α = ${alpha.toFixed(1)}）`
            : `${name} (α = ${alpha.toFixed(1)})`;
    this.#renderChips();
  }

  refreshTheme(): void {
    this.#chart.refreshTheme();
  }

  #renderChips(): void {
    const lang = this.#lang;
    const p = this.#info.properties;
    const chips: string[] = [];
    if (this.#spec.op === 'derivative') {
      chips.push(t(lang, 'peakChip', { value: formatNumber(p.derivativeMax) }), t(lang, 'vanishingChip'));
    } else {
      // The core's range is for default parameters, so it is shown only then.
      if (Object.keys(this.#spec.params).length === 0) {
        chips.push(t(lang, 'rangeChip', { range: `${formatNumber(p.rangeMin)} … ${formatNumber(p.rangeMax)}` }));
      }
      chips.push(t(lang, `saturates_${p.saturates}`));
      chips.push(t(lang, p.zeroCentred ? 'zeroCentred' : 'notZeroCentred'));
    }
    this.#chips.replaceChildren(
      ...chips.map((text) => {
        const li = document.createElement('li');
        li.textContent = text;
        return li;
      }),
    );
  }
}
