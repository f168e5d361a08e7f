// "Inside each layer": for every hidden layer, the live pre-activation
// histogram over f and f′ of its activation (engine.forward/derivative with
// the layer's parameters), with its dead and saturated fractions; beside it
// the distributions of the layer's weights (trainer.network) and of its
// activations f(z) (the pre-activation bins through f).
import type { Engine, Metrics, Trainer } from '../../../engine/engine';
import { HIST_RANGE, HistogramChart, binValues } from '../../../charts/histogram-chart';
import { MAXOUT, type LayerSpec } from '../model/train-state';
import { card, el, setText, type Localizer } from '../ui';

const Z = Float32Array.from({ length: 201 }, (_, i) => -HIST_RANGE + (i * 2 * HIST_RANGE) / 200);

export class LayersPanel {
  readonly root: HTMLElement;
  readonly #L: Localizer;
  readonly #engine: Engine;
  readonly #grid: HTMLElement;
  #charts: HistogramChart[] = [];
  #dists: { w: HistogramChart; a: HistogramChart; box: HTMLElement }[] = [];
  /** f at each pre-activation bin's centre, per layer (null: maxout, no single f). */
  #fAtBins: (Float32Array | null)[] = [];
  #layers: LayerSpec[] = [];
  #names: string[] = [];

  constructor(L: Localizer, engine: Engine) {
    this.#L = L;
    this.#engine = engine;
    const c = card(L, 'layersTitle', 'nt-layers');
    this.root = c.root;
    const legend = el('div', { cls: 'nt-legend' }, [
      el('span', { cls: 'nt-legend-item' }, [el('span', { cls: 'nt-swatch nt-swatch-bar' }), 'z']),
      el('span', { cls: 'nt-legend-item' }, [el('span', { cls: 'nt-swatch nt-swatch-f' }), 'f(z)']),
      el('span', { cls: 'nt-legend-item' }, [el('span', { cls: 'nt-swatch nt-swatch-df nt-swatch-dash' }), 'f′(z)']),
    ]);
    this.#grid = el('div', { cls: 'nt-hist-grid' });
    c.body.append(L.text(el('p', { cls: 'nt-card-hint' }), 'layersHint'), legend, this.#grid);
    L.onChange(() => this.#relabel());
  }

  /** One histogram per hidden layer (for the PNG export). */
  get charts(): readonly HistogramChart[] {
    return this.#charts;
  }

  /** The hidden layers and their display names ("ReLU"). */
  configure(layers: LayerSpec[], names: string[]): void {
    this.#layers = layers.map((l) => ({ ...l }));
    this.#names = names;
    while (this.#charts.length < layers.length) this.#charts.push(new HistogramChart());
    for (const c of this.#charts.splice(layers.length)) c.destroy();
    for (const d of this.#dists.splice(layers.length)) (d.w.destroy(), d.a.destroy());
    while (this.#dists.length < layers.length) {
      const w = new HistogramChart({ small: true });
      const a = new HistogramChart({ small: true });
      this.#dists.push({ w, a, box: el('div', { cls: 'nt-dists' }, [w.root, a.root]) });
    }
    this.#grid.replaceChildren(...this.#charts.map((c, i) => el('div', { cls: 'nt-layer-hists' }, [c.root, this.#dists[i].box])));
    const bins = 40;
    const centres = Float32Array.from({ length: bins }, (_, i) => -HIST_RANGE + ((i + 0.5) * 2 * HIST_RANGE) / bins);
    this.#fAtBins = layers.map((l) => (l.activation === MAXOUT ? null
      : this.#engine.forward(l.activation, centres, { alpha: l.alpha, lower: l.lower, upper: l.upper })));
    this.#charts.forEach((chart, i) => {
      const l = layers[i];
      if (l.activation === MAXOUT) chart.setCurves(null);
      else {
        const params = { alpha: l.alpha, lower: l.lower, upper: l.upper };
        chart.setCurves({
          z: Z,
          f: this.#engine.forward(l.activation, Z, params),
          df: this.#engine.derivative(l.activation, Z, params),
        });
      }
      chart.resize();
      this.#dists[i].w.resize();
      this.#dists[i].a.resize();
    });
    this.#relabel();
  }

  update(m: Metrics | null, t: Trainer | null = null): void {
    const view = t ? t.network(new Float32Array(t.shape.inputs)) : null;
    this.#dists.forEach((d, i) => {
      const w = view?.layers[i]?.w;
      if (w) d.w.setBins(binValues(w));
      const h = m?.histograms[i];
      const f = this.#fAtBins[i];
      if (h && f && h.counts.length === f.length) d.a.setBins(binValues(f, h.counts));
      d.a.root.hidden = !f;
    });
    this.#charts.forEach((chart, i) => {
      chart.setHistogram(m?.histograms[i] ?? null);
      const lm = m?.layers[i];
      const p = (v: number) => `${Math.round((Number.isFinite(v) ? v : 0) * 100)}%`;
      const stats = lm ? `${this.#L.t('deadPct', { p: p(lm.dead) })} · ${this.#L.t('satPct', { p: p(lm.saturated) })}` : '';
      const maxout = this.#layers[i]?.activation === MAXOUT ? ` ${this.#L.t('maxoutNoCurve')}` : '';
      setText(chart.stats, stats + maxout);
      chart.stats.classList.toggle('nt-warn', Boolean(lm && (lm.dead >= 0.5 || lm.saturated >= 0.5)));
    });
  }

  destroy(): void {
    for (const c of [...this.#charts, ...this.#dists.flatMap((d) => [d.w, d.a])]) c.destroy();
  }

  #relabel(): void {
    this.#charts.forEach((chart, i) => {
      setText(chart.title, `${this.#L.t('layerN', { n: String(i + 1) })} · ${this.#names[i] ?? ''}`);
      setText(this.#dists[i].w.title, this.#L.t('distWeights'));
      setText(this.#dists[i].a.title, this.#L.t('distActivations'));
      const L = this.#L;
      const count = L.t('axisCount');
      chart.setTexts({ x: L.t('axisPreact'), y: count, outside: (lo, hi) => L.t('histOutside', { lo, hi }) });
      this.#dists[i].w.setTexts({ x: L.t('axisWeight'), y: count });
      this.#dists[i].a.setTexts({ x: L.t('axisActivation'), y: count });
      chart.canvas.setAttribute('aria-label', this.#L.t('histLabel', { n: String(i + 1) }));
    });
  }
}
