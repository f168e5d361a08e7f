// f(x) and f′(x) of the selected activations, overlaid on two charts side by
// side with one legend. Both cursors move together; hovering reports the
// sample index so the readout can show every value at that x.
import { LineChart } from '../../charts/line-chart';
import { h, setText } from '../../ui/dom';
import type { ActivationInfo, ActivationParams } from '../../engine/engine';
import { niceRange, type Curves } from './explore-data';
import { formatNumber } from '../../ui/format';
import { t, type Lang } from '../../app/i18n';
import { slotColor, slotDash, swatch } from '../../charts/series-style';
import { ChartAlt, sampleIndices, type ChartDescription } from '../../ui/chart-alt';

const PARAM_SYMBOL = { alpha: 'α', lower: 'l', upper: 'u' } as const;

/** "ELU (α = 2)": the display name, with parameter values when it has any. */
export function activationLabel(info: ActivationInfo, params: Partial<ActivationParams>, lang: Lang): string {
  const name = info.display[lang];
  if (info.params.length === 0) return name;
  const values = info.params.map((p) => `${PARAM_SYMBOL[p.name]} = ${formatNumber(params[p.name] ?? p.default, 3)}`);
  return lang === 'zh' ? `${name}（${values.join('，')}）` : `${name} (${values.join(', ')})`;
}

export class CurvesView {
  readonly element: HTMLElement;
  readonly #legend: HTMLElement;
  readonly #f: LineChart;
  readonly #df: LineChart;
  readonly #altF: ChartAlt;
  readonly #altDf: ChartAlt;
  #labels = '';
  #count = -1;

  constructor(parent: HTMLElement, onHover: (index: number | null) => void, marker: () => number | null) {
    this.#legend = h('ul', { cls: 'legend', label: 'legendLabel' });
    const card = (titleKey: 'curvesF' | 'curvesDf', id: string) => {
      const plot = h('div', { cls: 'chart-box' });
      const box = h('figure', { cls: 'card chart-card', attrs: { 'data-chart': id } }, [
        h('figcaption', { cls: 'card-title', i18n: titleKey }),
        plot,
      ]);
      return { box, plot, alt: new ChartAlt(box) };
    };
    const f = card('curvesF', 'f');
    const df = card('curvesDf', 'df');
    const common = { xLabel: 'x', syncKey: 'explore', onCursor: onHover, marker, maxHeight: 300 };
    this.#f = new LineChart(f.plot, { ...common, yLabel: 'f(x)' });
    this.#df = new LineChart(df.plot, { ...common, yLabel: 'f′(x)' });
    this.#altF = f.alt;
    this.#altDf = df.alt;
    this.element = h('div', { cls: 'curves' }, [this.#legend, h('div', { cls: 'chart-pair' }, [f.box, df.box])]);
    parent.append(this.element);
  }

  /** Legend text; the chart series are rebuilt only when their number changes. */
  setLabels(labels: readonly string[]): void {
    const key = labels.join('\n');
    if (key === this.#labels) return;
    this.#labels = key;
    if (labels.length !== this.#count) {
      this.#count = labels.length;
      this.#legend.replaceChildren(
        ...labels.map((_, slot) => h('li', { cls: 'legend-item' }, [swatch(slot), h('span')])),
      );
      // Colour and dash depend only on the slot, so a new name reuses the series.
      const series = labels.map((label, slot) => ({ label, color: () => slotColor(slot), dash: slotDash(slot) }));
      this.#f.setSeries(series);
      this.#df.setSeries(series);
    }
    // Parameter drags only change the text.
    labels.forEach((label, i) => setText(this.#legend.children[i].lastChild as Node, label));
  }

  setData(data: Curves, xRange: [number, number]): void {
    const fs = data.curves.map((c) => c.f);
    const dfs = data.curves.map((c) => c.df);
    this.#f.setData(data.x, fs, xRange, niceRange(fs));
    this.#df.setData(data.x, dfs, xRange, niceRange(dfs));
  }

  /** The text alternatives: both curves at the probe sample `index`, and a sampled table. */
  describe(data: Curves, labels: readonly string[], index: number, lang: Lang): void {
    this.#altF.update(() => describeCurves(data, labels, index, 'f', lang), lang);
    this.#altDf.update(() => describeCurves(data, labels, index, 'df', lang), lang);
  }

  redraw(): void {
    this.#f.redraw();
    this.#df.redraw();
  }

  refreshTheme(): void {
    this.#f.refreshTheme();
    this.#df.refreshTheme();
  }
}

const TABLE_ROWS = 21;

function describeCurves(data: Curves, labels: readonly string[], index: number, which: 'f' | 'df', lang: Lang): ChartDescription {
  const fn = which === 'f' ? 'f(x)' : 'f′(x)';
  const { x, curves } = data;
  const values = curves.map((c, i) => `${labels[i]} ${formatNumber(c[which][index])}`).join(t(lang, 'listSep'));
  return {
    summary: t(lang, 'curvesAlt', {
      fn,
      acts: labels.join(t(lang, 'nameSep')),
      from: formatNumber(x[0]),
      to: formatNumber(x[x.length - 1]),
      x: formatNumber(x[index]),
      values,
    }),
    table: () => {
      const rows = sampleIndices(x.length, TABLE_ROWS);
      return {
        caption: t(lang, 'curvesTable', { fn, count: String(rows.length) }),
        head: ['x', ...labels],
        rows: rows.map((i) => [formatNumber(x[i]), ...curves.map((c) => formatNumber(c[which][i]))]),
      };
    },
  };
}
