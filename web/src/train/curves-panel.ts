// The training curves: loss, accuracy, each layer's gradient norm on a log
// axis (vanishing and exploding gradients at a glance), dead and saturated
// fractions per layer, PReLU's α, and the global norm before/after clipping.
import { CurveChart, type CurveSeries } from './charts/curve-chart';
import { layerColor, palette } from './colors';
import type { HistoryStore } from './history-store';
import type { TrainStringKey } from './strings';
import { card, el, show, type Localizer } from './ui';

const pct = (v: number) => `${Math.round(v * 100)}%`;

export class CurvesPanel {
  readonly root: HTMLElement;
  readonly #L: Localizer;
  readonly #charts: Record<'loss' | 'acc' | 'grad' | 'dead' | 'sat' | 'alpha' | 'clip', CurveChart>;
  #layers = 0;
  #hasAlpha = false;
  #regression = false;
  #layerNames: string[] = [];

  constructor(L: Localizer) {
    this.#L = L;
    const c = card(L, 'curves', 'nt-curves');
    this.root = c.root;
    this.#charts = {
      loss: new CurveChart({ logY: true }),
      acc: new CurveChart({ yRange: [0, 1.02], yFormat: pct }),
      grad: new CurveChart({ logY: true, smooth: 0.15 }),
      dead: new CurveChart({ yRange: [0, 1.02], yFormat: pct }),
      sat: new CurveChart({ yRange: [0, 1.02], yFormat: pct }),
      alpha: new CurveChart({}),
      clip: new CurveChart({ logY: true, smooth: 0.15 }),
    };
    const grid = el('div', { cls: 'nt-chart-grid' }, Object.values(this.#charts).map((ch) => ch.root));
    const gradHint = L.text(el('p', { cls: 'nt-chart-hint' }), 'gradHint');
    this.#charts.grad.root.append(gradHint);
    c.body.append(grid);
    L.onChange(() => this.#relabel());
  }

  /** The network's shape: layer count (hidden + output), names, PReLU layers, regression. */
  configure(layerNames: string[], hasAlpha: boolean, regression: boolean): void {
    this.#layers = layerNames.length;
    this.#layerNames = layerNames;
    this.#hasAlpha = hasAlpha;
    this.#regression = regression;
    show(this.#charts.alpha.root, hasAlpha);
    show(this.#charts.acc.root, !regression);
    this.#relabel();
  }

  update(store: HistoryStore): void {
    const x = store.top('step');
    const ch = this.#charts;
    ch.loss.setData(x, [store.top('trainLoss'), store.top('testLoss')]);
    if (!this.#regression) ch.acc.setData(x, [store.top('trainAccuracy'), store.top('testAccuracy')]);
    const layers = Array.from({ length: Math.min(this.#layers, store.layers) }, (_, i) => i);
    ch.grad.setData(x, layers.map((i) => store.layer(i, 'gradWNorm')));
    const hidden = layers.slice(0, -1);
    ch.dead.setData(x, hidden.map((i) => store.layer(i, 'dead')));
    ch.sat.setData(x, hidden.map((i) => store.layer(i, 'saturated')));
    if (this.#hasAlpha) ch.alpha.setData(x, hidden.map((i) => store.layer(i, 'alpha')));
    ch.clip.setData(x, [store.top('gradNorm'), store.top('gradNormClipped')]);
  }

  refreshTheme(): void {
    this.#series();
    for (const c of Object.values(this.#charts)) c.redraw();
  }

  destroy(): void {
    for (const c of Object.values(this.#charts)) c.destroy();
  }

  #relabel(): void {
    const titles: [CurveChart, TrainStringKey][] = [
      [this.#charts.loss, 'lossChart'], [this.#charts.acc, 'accChart'], [this.#charts.grad, 'gradChart'],
      [this.#charts.dead, 'deadChart'], [this.#charts.sat, 'satChart'], [this.#charts.alpha, 'alphaChart'],
      [this.#charts.clip, 'clipChart'],
    ];
    for (const [c, k] of titles) c.setTitle(this.#L.t(k));
    this.#series();
  }

  #series(): void {
    const L = this.#L;
    const s = palette().series;
    const pair = (a: string, b: string): CurveSeries[] => [
      { label: a, color: s[0] },
      { label: b, color: s[2], dash: [5, 4] },
    ];
    this.#charts.loss.setSeries(pair(L.t('train'), L.t('test')));
    this.#charts.acc.setSeries(pair(L.t('train'), L.t('test')));
    const n = this.#layers;
    const perLayer = (count: number): CurveSeries[] =>
      this.#layerNames.slice(0, count).map((name, i) => ({ label: name, color: layerColor(i, n), dash: i === n - 1 ? [3, 3] : undefined }));
    this.#charts.grad.setSeries(perLayer(n));
    this.#charts.dead.setSeries(perLayer(n - 1));
    this.#charts.sat.setSeries(perLayer(n - 1));
    this.#charts.alpha.setSeries(perLayer(n - 1));
    this.#charts.clip.setSeries(pair(L.t('beforeClip'), L.t('afterClip')));
  }
}
