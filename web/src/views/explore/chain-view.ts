// Vanishing gradients before any training: backprop multiplies one f′ per
// layer, so after n layers the gradient is at most (max|f′|)ⁿ — 0.25ⁿ for
// Sigmoid, 1 for ReLU. A log-scale chart over n = 1…20 and the bound at the
// chosen n, per selected activation.
import { LineChart } from '../../charts/line-chart';
import { Slider } from '../../controls/slider';
import { h, hideable, setText } from '../../ui/dom';
import { chainBound, type Curve } from './explore-data';
import { formatNumber, formatSci, superscript } from '../../ui/format';
import { renderTex, SOFTMAX_TEX } from '../../ui/formulas';
import { t, type Lang } from '../../app/i18n';
import { slotColor, slotDash, swatch } from '../../charts/series-style';
import { LIMITS } from '../../app/state';
import { ChartAlt } from '../../ui/chart-alt';

const LAYERS = Float64Array.from({ length: LIMITS.chainMax }, (_, i) => i + 1);

interface Row {
  name: HTMLElement;
  value: HTMLElement;
  verdict: HTMLElement;
}

export class ChainView {
  readonly element: HTMLElement;
  readonly #slider: Slider;
  readonly #chart: LineChart;
  readonly #list: HTMLElement;
  readonly #alt: ChartAlt;
  #rows: Row[] = [];
  #n = 1;

  constructor(parent: HTMLElement, onN: (n: number) => void) {
    this.element = hideable(h('section', { cls: 'card chain', attrs: { 'aria-labelledby': 'chain-title' } }), 'chain');
    const tex = h('div', { cls: 'tex tex-center' });
    renderTex(tex, SOFTMAX_TEX.chain);
    const controls = h('div', { cls: 'chain-controls' });
    this.#slider = new Slider(controls, {
      label: 'chainN',
      min: LIMITS.chainMin,
      max: LIMITS.chainMax,
      step: 1,
      format: (v) => String(v),
      onInput: (v) => onN(Math.round(v)),
    });
    this.#list = h('ul', { cls: 'chain-list' });
    controls.append(this.#list);
    const plot = h('div', { cls: 'chart-box' });
    const figure = h('figure', { cls: 'chain-chart' }, [plot, h('figcaption', { cls: 'hint', i18n: 'chainCaption' })]);
    this.#alt = new ChartAlt(figure);
    this.element.append(
      h('h3', { cls: 'section-title', i18n: 'chainTitle', attrs: { id: 'chain-title' } }),
      h('p', { cls: 'lead', i18n: 'chainLead' }),
      tex,
      h('div', { cls: 'chain-body' }, [controls, figure]),
    );
    parent.append(this.element);
    this.#chart = new LineChart(plot, {
      xLabel: 'n',
      yLabel: 'max|f′|ⁿ',
      logY: true,
      integerX: true,
      marker: () => this.#n,
      maxHeight: 280,
    });
  }

  update(curves: readonly Curve[], labels: readonly string[], n: number, lang: Lang): void {
    this.#n = n;
    this.#slider.setValue(n);
    if (labels.length !== this.#rows.length) this.#rebuild(labels);
    const columns = curves.map((c) => chainBound(c.maxSlope, LIMITS.chainMax));
    curves.forEach((c, i) => {
      const row = this.#rows[i];
      const bound = columns[i][n - 1];
      setText(row.name, labels[i]);
      setText(row.value, `${formatNumber(c.maxSlope, 4)}${superscript(n)} = ${formatSci(bound, 3)}`);
      row.value.dataset.value = String(bound);
      row.value.dataset.slope = String(c.maxSlope);
      const verdict = c.maxSlope < 0.999 ? 'chainVanish' : c.maxSlope > 1.001 ? 'chainExplode' : 'chainKeep';
      setText(row.verdict, t(lang, verdict));
      row.verdict.dataset.kind = verdict;
    });
    this.#alt.update(() => {
      const sep = t(lang, 'listSep');
      const max = String(LIMITS.chainMax);
      return {
        summary: t(lang, 'chainAlt', { max, n: String(n), values: labels.map((l, i) => `${l} ${formatSci(columns[i][n - 1], 3)}`).join(sep) }),
        table: () => ({
          caption: t(lang, 'chainTable', { max }),
          head: ['n', ...labels],
          rows: Array.from(LAYERS, (layers, k) => [String(layers), ...columns.map((col) => formatSci(col[k], 3))]),
        }),
      };
    }, lang);
    this.#chart.setData(
      LAYERS,
      columns.map((col) => Array.from(col, (v) => (v > 0 && Number.isFinite(v) ? v : null))),
      [1, LIMITS.chainMax],
      logRange(columns),
    );
  }

  refreshTheme(): void {
    this.#chart.refreshTheme();
  }

  #rebuild(labels: readonly string[]): void {
    this.#list.replaceChildren();
    this.#rows = labels.map((_, slot) => {
      const row: Row = { name: h('span', { cls: 'chain-name' }), value: h('span', { cls: 'chain-value num' }), verdict: h('span', { cls: 'chain-verdict' }) };
      this.#list.append(h('li', {}, [swatch(slot), row.name, row.value, row.verdict]));
      return row;
    });
    this.#chart.setSeries(labels.map((label, slot) => ({ label, color: () => slotColor(slot), dash: slotDash(slot) })));
  }
}

/** Whole decades around every positive finite value. */
function logRange(columns: readonly Float64Array[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const col of columns) {
    for (const v of col) {
      if (!(v > 0) || !Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (lo === Infinity) return [0.1, 10];
  const a = Math.floor(Math.log10(lo));
  let b = Math.ceil(Math.log10(hi));
  if (b <= a) b = a + 1;
  return [10 ** Math.max(a, -300), 10 ** Math.min(b, 300)];
}
