// The softmax Jacobian ∂pᵢ/∂zⱼ as a heatmap, with a screen-reader table of
// the same numbers. Positive on the diagonal, negative off it; rows sum to 0.
import { HeatmapChart } from '../charts/heatmap-chart';
import { h, hideable } from '../dom';
import { formatFixed, subscript } from '../format';
import { renderTex, SOFTMAX_TEX } from '../formulas';
import { t, type Lang } from '../i18n';

export class JacobianView {
  readonly element: HTMLElement;
  readonly #chart: HeatmapChart;
  readonly #table: HTMLTableElement;

  constructor(parent: HTMLElement) {
    const tex = h('div', { cls: 'tex' });
    renderTex(tex, SOFTMAX_TEX.jacobian);
    const box = h('div', { cls: 'heatmap-box' });
    this.#table = h('table', { cls: 'visually-hidden' });
    this.element = hideable(h('article', { cls: 'card jacobian', attrs: { 'data-output': 'jacobian' } }), 'jacobian');
    this.element.append(
      h('h3', { cls: 'card-title', i18n: 'jacobianTitle' }),
      tex,
      box,
      h('p', { cls: 'hint', i18n: 'jacobianHint' }),
      this.#table,
    );
    parent.append(this.element);
    this.#chart = new HeatmapChart(box);
  }

  update(values: Float32Array, n: number, lang: Lang): void {
    this.#chart.setData(values, n);
    this.#chart.canvas.setAttribute('aria-label', t(lang, 'jacobianAlt', { n: String(n) }));
    const head = h('tr', {}, [h('th', { text: '' }), ...Array.from({ length: n }, (_, j) => h('th', { text: `z${subscript(j + 1)}`, attrs: { scope: 'col' } }))]);
    const rows = Array.from({ length: n }, (_, i) =>
      h('tr', {}, [
        h('th', { text: `p${subscript(i + 1)}`, attrs: { scope: 'row' } }),
        ...Array.from({ length: n }, (_, j) => h('td', { text: formatFixed(values[i * n + j], 4) })),
      ]),
    );
    this.#table.replaceChildren(h('caption', { text: t(lang, 'jacobianTitle') }), h('thead', {}, [head]), h('tbody', {}, rows));
  }

  refreshTheme(): void {
    this.#chart.refreshTheme();
  }
}
