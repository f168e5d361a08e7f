// Compare activations: the same data, shape, seed and optimiser trained with
// 2–4 activations side by side for COMPARE_STEPS steps each, test loss and
// accuracy overlaid, and each run's decision boundary as a small picture
// (2-D data). It has its own trainers and its own frame runner (the main run
// pauses meanwhile).
import type { Engine, Metrics, Trainer } from '../../../engine/engine';
import { CurveChart } from '../../../charts/curve-chart';
import { palette } from '../../../charts/theme';
import { CompareMap } from '../charts/compare-map';
import { HistoryStore } from '../model/history-store';
import { Runner, type FrameHost } from '../model/runner';
import { MAX_COMPARE, type TrainState } from '../model/train-state';
import { card, checkbox, el, setText, type Localizer } from '../ui';
import { ChartAlt } from '../../../ui/chart-alt';
import { announce } from '../../../ui/announce';
import { formatCount } from '../../../ui/format';
import { sci } from './divergence-banner';

export const DEFAULT_COMPARE = ['relu', 'tanh', 'sigmoid'];
/** Steps each activation trains before the comparison stops by itself. */
export const COMPARE_STEPS = 3000;
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

interface Entry { name: string; trainer: Trainer; store: HistoryStore; metrics: Metrics; map: CompareMap }

export interface CompareActions {
  change: (p: (s: TrainState) => void) => void;
  /** A trainer for the current data and shape with every hidden layer using `activation`. */
  make: (activation: string) => Trainer;
  /** Called before a comparison starts (the main run pauses). */
  starting: () => void;
  /** A comparison started (lessons watch for it). */
  compared: () => void;
}

export class ComparePanel {
  readonly root: HTMLElement;
  readonly #L: Localizer;
  readonly #engine: Engine;
  readonly #act: CompareActions;
  readonly #boxes = new Map<string, HTMLInputElement>();
  /** Comparisons started, for the lessons' checks. */
  runs = 0;
  readonly #run: HTMLButtonElement;
  readonly #msg: HTMLElement;
  /** Made by the first comparison: until then the studio's start need not build and draw them. */
  #plots: { loss: CurveChart; acc: CurveChart } | null = null;
  readonly #results: HTMLElement;
  readonly #runner: Runner;
  #entries: Entry[] = [];
  #chosen: string[] = DEFAULT_COMPARE;
  #frames = 0;
  #charts: HTMLElement;
  readonly #alt: ChartAlt;
  /** The running comparison has been announced as finished. */
  #told = false;

  constructor(L: Localizer, engine: Engine, host: FrameHost, act: CompareActions) {
    this.#L = L;
    this.#engine = engine;
    this.#act = act;
    const c = card(L, 'compareTitle', 'nt-compare');
    this.root = c.root;
    const picks = el('div', { cls: 'nt-chips' });
    for (const name of engine.activationNames()) {
      const box = checkbox(L, { text: engine.activationInfo(name).display[L.lang] }, () => this.#toggle());
      box.root.classList.add('nt-chip');
      box.input.dataset.activation = name;
      this.#boxes.set(name, box.input);
      picks.append(box.root);
    }
    const fs = el('fieldset', { cls: 'nt-compare-picks' }, [L.text(el('legend'), 'comparePick'), picks]);
    this.#run = el('button', { cls: 'nt-btn nt-btn-primary', attrs: { type: 'button' } });
    this.#run.addEventListener('click', () => (this.#runner.running ? this.stop() : this.#start()));
    this.#msg = el('p', { cls: 'nt-card-hint' });
    this.#results = el('ul', { cls: 'nt-compare-results' });
    const charts = el('div', { cls: 'nt-chart-grid nt-chart-grid-2' });
    this.#charts = charts;
    charts.hidden = true;
    this.#alt = new ChartAlt(charts);
    c.body.append(L.text(el('p', { cls: 'nt-card-hint' }), 'compareHint'), fs, el('div', { cls: 'nt-btn-row' }, [this.#run, this.#msg]), this.#results, charts);
    this.#runner = new Runner({
      host,
      budgetMs: 7,
      step: (k) => this.#step(k),
      onFrame: () => this.#draw(),
      onRunningChange: () => this.#label(),
    });
    L.onChange(() => {
      for (const [name, box] of this.#boxes) {
        const lab = box.parentElement?.querySelector('label');
        if (lab) lab.textContent = engine.activationInfo(name).display[L.lang];
      }
      this.#label();
      this.#series();
      this.#draw();
    });
    this.#label();
    this.#series();
  }

  set(s: TrainState): void {
    this.#chosen = s.compare.length > 0 ? s.compare : DEFAULT_COMPARE;
    for (const [name, box] of this.#boxes) box.checked = this.#chosen.includes(name);
    this.#label();
  }

  get running(): boolean {
    return this.#runner.running;
  }

  stop(): void {
    this.#runner.pause();
  }

  /** The main network changed shape or data: old comparisons no longer apply. */
  invalidate(): void {
    this.stop();
    this.#dispose();
    this.#draw();
  }

  /** Test loss and accuracy of the comparison (for the PNG export). */
  get charts(): { loss: CurveChart; acc: CurveChart } | null {
    return this.#plots;
  }

  destroy(): void {
    this.#runner.destroy();
    this.#dispose();
    this.#plots?.loss.destroy();
    this.#plots?.acc.destroy();
  }

  #toggle(): void {
    const picked = [...this.#boxes].filter(([, b]) => b.checked).map(([n]) => n);
    this.#act.change((s) => (s.compare = picked.slice(0, MAX_COMPARE)));
  }

  #start(): void {
    if (this.#chosen.length < 2 || this.#chosen.length > MAX_COMPARE) return;
    this.#act.starting();
    this.#dispose();
    try {
      this.#entries = this.#chosen.map((name) => {
        const trainer = this.#act.make(name);
        const store = new HistoryStore(trainer.shape.units.length, 600);
        store.append(trainer.history(0));
        const map = new CompareMap(this.#L);
        map.canvas.setAttribute('aria-label', this.#L.t('compareMap', { name: this.#engine.activationInfo(name).display[this.#L.lang] }));
        return { name, trainer, store, metrics: trainer.metrics(), map };
      });
    } catch (err) {
      this.#dispose();
      setText(this.#msg, err instanceof Error ? err.message : String(err));
      return;
    }
    const plots = this.#makePlots();
    this.#series();
    this.#charts.hidden = false;
    plots.loss.resize();
    plots.acc.resize();
    plots.acc.root.hidden = this.#entries.every((e) => e.trainer.shape.classes === 0);
    this.#runner.setTarget(Infinity);
    this.#runner.play();
    this.runs += 1;
    this.#told = false;
    this.#act.compared();
  }

  #step(k: number): { steps: number; diverged: boolean } {
    const live = this.#entries.filter((e) => !e.metrics.diverged && e.metrics.step < COMPARE_STEPS);
    // All done (or diverged): the runner stops as it does on a divergence.
    if (live.length === 0) {
      if (!this.#told) announce(this.#L.t('altCompareDone', { steps: formatCount(COMPARE_STEPS), values: this.#values() }));
      this.#told = true;
      return { steps: 0, diverged: true };
    }
    let steps = 0;
    for (const e of live) {
      const each = Math.max(1, Math.min(Math.floor(k / live.length), COMPARE_STEPS - e.metrics.step));
      e.metrics = e.trainer.step(each);
      e.store.append(e.trainer.history(e.store.lastStep + 1));
      steps += each;
    }
    return { steps, diverged: false };
  }

  #makePlots(): { loss: CurveChart; acc: CurveChart } {
    if (this.#plots) return this.#plots;
    const loss = new CurveChart({ logY: true, height: 170 });
    const acc = new CurveChart({ yRange: [0, 1.02], height: 170, yFormat: (v) => `${Math.round(v * 100)}%` });
    this.#charts.append(loss.root, acc.root);
    return (this.#plots = { loss, acc });
  }

  #series(): void {
    const plots = this.#plots;
    if (!plots) return;
    const colors = palette().series;
    const series = this.#entries.map((e, i) => ({
      label: this.#engine.activationInfo(e.name).display[this.#L.lang],
      color: colors[i % colors.length],
      dash: DASHES[i % DASHES.length].length ? DASHES[i % DASHES.length] : undefined,
      width: 2,
    }));
    plots.loss.setSeries(series);
    plots.acc.setSeries(series);
    plots.loss.setTitle(this.#L.t('compareLoss'));
    plots.acc.setTitle(this.#L.t('compareAcc'));
    plots.loss.setAxisTitles(this.#L.t('axisStep'), this.#L.t('axisLoss'));
    plots.acc.setAxisTitles(this.#L.t('axisStep'), this.#L.t('axisAccuracy'));
  }

  #draw(): void {
    this.#frames += 1;
    if (this.#runner.running && this.#frames % 3 !== 0) return;
    const e0 = this.#entries[0];
    const plots = this.#plots;
    if (!e0 || !plots) {
      this.#results.replaceChildren();
      return;
    }
    // Each store has its own steps; chart against the first one's (same step counts).
    const n = Math.min(...this.#entries.map((e) => e.store.length));
    plots.loss.setData(e0.store.top('step').subarray(0, n), this.#entries.map((e) => e.store.top('testLoss').subarray(0, n)));
    plots.acc.setData(e0.store.top('step').subarray(0, n), this.#entries.map((e) => e.store.top('testAccuracy').subarray(0, n)));
    const colors = palette().series;
    for (const e of this.#entries) this.#paintMap(e);
    this.#results.replaceChildren(...this.#entries.map((e, i) => {
      const sw = el('span', { cls: 'nt-swatch' });
      sw.style.borderColor = colors[i % colors.length];
      const m = e.metrics;
      const acc = Number.isFinite(m.testAccuracy) ? ` · ${(m.testAccuracy * 100).toFixed(1)}%` : '';
      const text = m.diverged ? this.#L.t('compareDiverged') : `${m.testLoss.toFixed(3)}${acc}`;
      const steps = this.#L.t('compareAt', { step: formatCount(m.step) });
      return el('li', {}, [e.map.root, sw, el('strong', { text: this.#engine.activationInfo(e.name).display[this.#L.lang] }), ` ${text} · ${steps}`]);
    }));
    this.#describe();
  }

  /** Each run's name, test loss and accuracy (or that it diverged), for the summary and the announcement. */
  #values(): string {
    const L = this.#L;
    return this.#entries.map((e) => {
      const m = e.metrics;
      const acc = Number.isFinite(m.testAccuracy) ? ` ${(m.testAccuracy * 100).toFixed(1)} %` : '';
      return `${this.#engine.activationInfo(e.name).display[L.lang]} ${m.diverged ? L.t('compareDiverged') : `${sci(m.testLoss)}${acc}`}`;
    }).join('; ');
  }

  #describe(): void {
    const L = this.#L;
    this.#alt.update(() => ({
      summary: L.t('altCompare', { values: this.#values() }),
      table: () => ({
        caption: L.t('altCompareTable'),
        head: [L.t('altActivation'), L.t('altStep'), L.t('altTestLoss'), L.t('altTestAcc')],
        rows: this.#entries.map((e) => [
          this.#engine.activationInfo(e.name).display[L.lang], String(e.metrics.step),
          e.metrics.diverged ? L.t('compareDiverged') : sci(e.metrics.testLoss),
          Number.isFinite(e.metrics.testAccuracy) ? `${(e.metrics.testAccuracy * 100).toFixed(1)} %` : '—',
        ]),
      }),
    }), L.lang);
  }

  /** The run's decision boundary over [−6, 6]² (single-output heads on 2-D data: the sign of its margin). */
  #paintMap(e: Entry): void {
    const shape = e.trainer.shape;
    const single = shape.inputs === 2 && (shape.units.at(-1) ?? 1) === 1;
    e.map.root.hidden = !single;
    if (single && !e.metrics.diverged) e.map.update(e.trainer);
  }

  #label(): void {
    setText(this.#run, this.#L.t(this.#runner?.running ? 'compareStop' : 'compareRun'));
    const ok = this.#chosen.length >= 2 && this.#chosen.length <= MAX_COMPARE;
    this.#run.disabled = !ok && !this.#runner?.running;
    setText(this.#msg, ok ? '' : this.#L.t('compareNeed'));
  }

  #dispose(): void {
    for (const e of this.#entries) (e.trainer.dispose(), e.map.destroy());
    this.#entries = [];
  }
}
