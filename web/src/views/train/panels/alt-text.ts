// The words behind the studio's charts (each panel's registry entry hands
// them to StudioAlts): the output (decision boundary, learned function or
// digit probabilities), a training curve, the network diagram and a layer's
// histogram, each as a summary and a table of the numbers behind it.
import { sampleIndices, type ChartDescription, type ChartTable } from '../../../ui/chart-alt';
import type { GridBounds, Metrics, Trainer } from '../../../engine/engine';
import { xSamples } from '../../../charts/x-frame';
import type { CurveChart } from '../../../charts/curve-chart';
import { HIST_RANGE, type HistogramChart } from '../../../charts/histogram-chart';
import { sci } from './divergence-banner';
import { classProbs, outputMeaning } from '../model/output-map';
import type { OutputPanel } from './output-panel';
import type { Localizer } from '../ui';

const GRID = 7;
const FIT_POINTS = 21;
const ROWS = 11;

const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)} %` : '—');

export function describeOutput(L: Localizer, out: OutputPanel, t: Trainer | null, m: Metrics | null): ChartDescription {
  const none = { summary: L.t('altNoNet'), table: () => ({ caption: L.t('altNoNet'), head: [], rows: [] }) };
  if (!t || !m) return none;
  const step = String(m.step);
  const loss = sci(m.testLoss);
  if (out.mode === 'digits') {
    const p = t.predict(out.pad.cells);
    let best = 0;
    for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
    return {
      summary: L.t('altDigits', { d: String(best), p: pct(p[best]) }),
      table: () => ({ caption: L.t('altDigitsTable'), head: [L.t('altDigit'), L.t('altProbability')], rows: Array.from(p, (v, i) => [String(i), sci(v)]) }),
    };
  }
  if (out.mode === 'fit') {
    const xs = xSamples(FIT_POINTS);
    return {
      summary: L.t('altFit', { step, loss }),
      table: () => {
        const ys = t.predict(xs);
        return { caption: L.t('altFitTable', { n: String(FIT_POINTS) }), head: ['x', 'f(x)'], rows: Array.from(xs, (x, i) => [sci(x), sci(ys[i])]) };
      },
    };
  }
  if (out.mode !== 'plane') return none;
  const meaning = outputMeaning(t.shape);
  const regression = meaning.classes === 0;
  return {
    summary: regression ? L.t('altPlaneReg', { step, loss }) : L.t('altPlane', { step, acc: pct(m.testAccuracy), loss }),
    table: () => planeTable(L, t, regression, out.plot.bounds),
  };
}

function planeTable(L: Localizer, t: Trainer, regression: boolean, b: GridBounds): ChartTable {
  const meaning = outputMeaning(t.shape);
  const names = t.data('test').classNames;
  const xs = Array.from({ length: GRID }, (_, i) => b.x0 + ((b.x1 - b.x0) * i) / (GRID - 1));
  const ys = Array.from({ length: GRID }, (_, j) => b.y1 - ((b.y1 - b.y0) * j) / (GRID - 1));
  const points = new Float32Array(GRID * GRID * 2);
  ys.forEach((y, j) => xs.forEach((x, i) => points.set([x, y], (j * GRID + i) * 2)));
  const out = t.predict(points);
  const probs = new Float32Array(Math.max(2, meaning.classes));
  const cell = (k: number) => {
    classProbs(meaning, out, k, probs);
    if (regression) return sci(probs[0]);
    let best = 0;
    for (let c = 1; c < meaning.classes; c++) if (probs[c] > probs[best]) best = c;
    return names[best] ?? L.t('classN', { n: String(best) });
  };
  return {
    caption: L.t(regression ? 'altPlaneTableReg' : 'altPlaneTable', { n: String(GRID) }),
    head: ['y \\ x', ...xs.map(sci)],
    rows: ys.map((y, j) => [sci(y), ...xs.map((_, i) => cell(j * GRID + i))]),
  };
}

export function describeNetwork(L: Localizer, names: readonly string[], t: Trainer | null, m: Metrics | null): ChartDescription {
  if (!t) return { summary: L.t('altNoNet'), table: () => ({ caption: L.t('altNoNet'), head: [], rows: [] }) };
  const units = t.shape.units;
  const hidden = units.slice(0, -1).map((u, i) => L.t('altLayerUnits', { name: names[i] ?? '', units: String(u) })).join(', ');
  return {
    summary: L.t('altNetwork', { inputs: String(t.shape.inputs), layers: hidden, outputs: String(units.at(-1) ?? 1) }),
    table: () => ({
      caption: L.t('altNetworkTable'),
      head: [L.t('altLayer'), L.t('altUnits'), L.t('altGradNorm'), L.t('altDead'), L.t('altSaturated')],
      rows: units.map((u, i) => {
        const lm = m?.layers[i];
        return [names[i] ?? String(i + 1), String(u), lm ? sci(lm.gradWNorm) : '—', lm ? pct(lm.dead) : '—', lm ? pct(lm.saturated) : '—'];
      }),
    }),
  };
}

export function describeHist(L: Localizer, chart: HistogramChart, i: number, m: Metrics | null): ChartDescription {
  const name = chart.title.textContent ?? '';
  const h = m?.histograms[i];
  const lm = m?.layers[i];
  if (!h) return { summary: L.t('altNoNet'), table: () => ({ caption: name, head: [], rows: [] }) };
  const bins = h.counts.length;
  const width = (2 * HIST_RANGE) / bins;
  const edge = (k: number) => -HIST_RANGE + k * width;
  const total = h.counts.reduce((a, b) => a + b, 0) + h.below + h.above;
  // The central 80 %: the bins from the 10th to the 90th percentile.
  let acc = h.below;
  let lo = -Infinity;
  let hi = Infinity;
  for (let k = 0; k < bins; k++) {
    acc += h.counts[k];
    if (lo === -Infinity && acc >= 0.1 * total) lo = edge(k);
    if (hi === Infinity && acc >= 0.9 * total) hi = edge(k + 1);
  }
  return {
    summary: L.t('altHist', { name, n: String(total), lo: sci(lo), hi: sci(hi), dead: pct(lm?.dead ?? NaN), sat: pct(lm?.saturated ?? NaN) }),
    table: () => ({
      caption: L.t('altHistTable', { name }),
      head: [L.t('altBin'), L.t('altCount')],
      rows: [
        [`< ${sci(edge(0))}`, String(h.below)],
        ...Array.from(h.counts, (c, k) => [sci(edge(k)), String(c)]),
        [`≥ ${sci(edge(bins))}`, String(h.above)],
      ],
    }),
  };
}

/** A curve chart's description: its latest values, and a table of sampled rows of its history. */
export function curveDescription(L: Localizer, chart: CurveChart): ChartDescription {
  const title = chart.title.textContent ?? '';
  const { x, ys } = chart.data;
  const labels = chart.legend.map((s) => s.label);
  const n = x.length;
  const last = n - 1;
  return {
    summary: n === 0 ? L.t('altCurveEmpty', { title })
      : L.t('altCurve', { title, step: String(x[last]), values: labels.map((l, s) => `${l} ${sci(ys[s]?.[last] ?? NaN)}`).join(', ') }),
    table: (): ChartTable => {
      const rows = sampleIndices(n, ROWS).map((i) => [String(x[i]), ...labels.map((_, s) => sci(ys[s]?.[i] ?? NaN))]);
      return { caption: L.t('altCurveTable', { title, n: String(rows.length) }), head: [L.t('altStep'), ...labels], rows };
    },
  };
}
