// The softmax Jacobian ∂pᵢ/∂zⱼ as a heatmap, with a live summary and a
// "Show as table" toggle of the same numbers (ui/chart-alt.ts). Positive on
// the diagonal, negative off it; rows sum to 0.
import { HeatmapChart } from '../../charts/heatmap-chart';
import { h, hideable } from '../../ui/dom';
import { formatFixed, subscript } from '../../ui/format';
import { renderTex, SOFTMAX_TEX } from '../../ui/formulas';
import { t, type Lang } from '../../app/i18n';
import { ChartAlt } from '../../ui/chart-alt';

export class JacobianView {
  readonly element: HTMLElement;
  readonly #chart: HeatmapChart;
  readonly #alt: ChartAlt;

  constructor(parent: HTMLElement) {
    const tex = h('div', { cls: 'tex' });
    renderTex(tex, SOFTMAX_TEX.jacobian);
    const box = h('div', { cls: 'heatmap-box' });
    this.element = hideable(h('article', { cls: 'card jacobian', attrs: { 'data-output': 'jacobian' } }), 'jacobian');
    this.element.append(
      h('h3', { cls: 'card-title', i18n: 'jacobianTitle' }),
      tex,
      box,
      h('p', { cls: 'hint', i18n: 'jacobianHint' }),
    );
    this.#alt = new ChartAlt(this.element);
    parent.append(this.element);
    this.#chart = new HeatmapChart(box);
  }

  update(values: Float32Array, n: number, lang: Lang): void {
    this.#chart.setAxisTitles(t(lang, 'jacobianAxisX'), t(lang, 'jacobianAxisY'));
    this.#chart.setData(values, n);
    this.#chart.canvas.setAttribute('aria-label', t(lang, 'jacobianAlt', { n: String(n) }));
    const cell = (i: number, j: number) => formatFixed(values[i * n + j], 4);
    const index = Array.from({ length: n }, (_, i) => i);
    this.#alt.update(
      () => ({
        summary: t(lang, 'jacobianSummary', { n: String(n), diag: index.map((i) => cell(i, i)).join(', ') }),
        table: () => ({
          caption: t(lang, 'jacobianTitle'),
          head: ['', ...index.map((j) => `z${subscript(j + 1)}`)],
          rows: index.map((i) => [`p${subscript(i + 1)}`, ...index.map((j) => cell(i, j))]),
        }),
      }),
      lang,
    );
  }

  refreshTheme(): void {
    this.#chart.refreshTheme();
  }
}
