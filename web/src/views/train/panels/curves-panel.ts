// The training curves: loss, accuracy, each layer's gradient norm on a log
// axis (vanishing and exploding gradients at a glance), dead and saturated
// fractions per layer, PReLU's α, and the global norm before/after clipping.
import { CurveChart, type CurveSeries } from '../../../charts/curve-chart';
import { layerColor, palette } from '../../../charts/theme';
import type { HistoryStore } from '../model/history-store';
import type { StringKey } from '../../../app/i18n';
import { card, el, show, type Localizer } from '../ui';

const pct = (v: number) => `${Math.round(v * 100)}%`;
const ORDER = ['loss', 'acc', 'grad', 'dead', 'sat', 'alpha', 'clip'] as const;
type ChartKey = (typeof ORDER)[number];

export class CurvesPanel {
  readonly root: HTMLElement;
  readonly #L: Localizer;
  readonly #charts: Record<ChartKey, CurveChart>;
  #next = 0;
  #layers = 0;
  #layerNames: string[] = [];

  constructor(L: Localizer) {
    this.#L = L;
    const c = card(L, 'curves', 'nt-curves');
    this.root = c.root;
    this.#charts = {
      loss: new CurveChart({ logY: true, height: 112 }),
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

  /** The loss chart's element: the layout shows it under the output, the others in the Curves tab. */
  get lossRoot(): HTMLElement {
    return this.#charts.loss.root;
  }

  /** The charts in page order, keyed (for the PNG export). */
  get charts(): readonly (readonly [ChartKey, CurveChart])[] {
    return ORDER.map((k) => [k, this.#charts[k]] as const);
  }

  /** The network's shape: layer count (hidden + output), names, PReLU layers, regression. */
  configure(layerNames: string[], hasAlpha: boolean, regression: boolean): void {
    this.#layers = layerNames.length;
    this.#layerNames = layerNames;
    show(this.#charts.alpha.root, hasAlpha);
    show(this.#charts.acc.root, !regression);
    this.#relabel();
  }

  /**
   * Redraws every chart (after a change, or while paused), each at its laid-out
   * width first: the studio's first draw is then its last until a resize,
   * not one at uPlot's initial width redone by the ResizeObserver a frame later.
   * `all` false (its tab closed while training runs): only the loss chart, always in view; the tab's opening draws the rest.
   */
  update(store: HistoryStore, all = true): void {
    for (const key of all ? ORDER : (['loss'] as const)) {
      this.#charts[key].resize();
      this.#update(key, store);
    }
  }

  /**
   * Redraws the next chart in turn. While training runs, one chart per call
   * keeps each frame's canvas work small.
   */
  updateNext(store: HistoryStore): void {
    for (let tries = 0; tries < ORDER.length; tries++) {
      const key = ORDER[this.#next];
      this.#next = (this.#next + 1) % ORDER.length;
      // A chart in a closed tab waits: the tab's opening redraws everything.
      if (this.#charts[key].root.getClientRects().length > 0) {
        this.#update(key, store);
        return;
      }
    }
  }

  #update(key: ChartKey, store: HistoryStore): void {
    const x = store.top('step');
    const layers = Array.from({ length: Math.min(this.#layers, store.layers) }, (_, i) => i);
    const hidden = layers.slice(0, -1);
    const ch = this.#charts[key];
    switch (key) {
      case 'loss': return ch.setData(x, [store.top('trainLoss'), store.top('testLoss')]);
      case 'acc': return ch.setData(x, [store.top('trainAccuracy'), store.top('testAccuracy')]);
      case 'grad': return ch.setData(x, layers.map((i) => store.layer(i, 'gradWNorm')));
      case 'dead': return ch.setData(x, hidden.map((i) => store.layer(i, 'dead')));
      case 'sat': return ch.setData(x, hidden.map((i) => store.layer(i, 'saturated')));
      case 'alpha': return ch.setData(x, hidden.map((i) => store.layer(i, 'alpha')));
      case 'clip': return ch.setData(x, [store.top('gradNorm'), store.top('gradNormClipped')]);
    }
  }

  refreshTheme(): void {
    this.#series();
    for (const c of Object.values(this.#charts)) c.redraw();
  }

  destroy(): void {
    for (const c of Object.values(this.#charts)) c.destroy();
  }

  #relabel(): void {
    const titles: [CurveChart, StringKey][] = [
      [this.#charts.loss, 'lossChart'], [this.#charts.acc, 'accChart'], [this.#charts.grad, 'gradChart'],
      [this.#charts.dead, 'deadChart'], [this.#charts.sat, 'satChart'], [this.#charts.alpha, 'alphaChart'],
      [this.#charts.clip, 'clipChart'],
    ];
    for (const [c, k] of titles) c.setTitle(this.#L.t(k));
    const step = this.#L.t('axisStep');
    const y: Record<ChartKey, StringKey> = {
      loss: 'axisLoss', acc: 'axisAccuracy', grad: 'axisGradNorm', dead: 'axisUnitShare', sat: 'axisUnitShare', alpha: 'axisAlpha', clip: 'axisGradNorm',
    };
    for (const key of ORDER) this.#charts[key].setAxisTitles(step, this.#L.t(y[key]));
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
