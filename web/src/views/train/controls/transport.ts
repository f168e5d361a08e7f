// Play / pause / step / reset, the speed (steps per frame), and the live
// counters: step, epoch, losses and accuracies, steps per second.
import type { Metrics } from '../../../engine/engine';
import { SPEEDS, type Speed } from '../model/train-state';
import { SelectField, el, setText, type Choice, type Localizer } from '../ui';
import { formatCount } from '../../../ui/format';

export interface TransportActions {
  toggle: () => void;
  step: () => void;
  reset: () => void;
  reseed: () => void;
  speed: (s: Speed) => void;
}

export class Transport {
  readonly root: HTMLElement;
  readonly playButton: HTMLButtonElement;
  readonly #L: Localizer;
  readonly #stepBtn: HTMLButtonElement;
  readonly #resetBtn: HTMLButtonElement;
  readonly #reseedBtn: HTMLButtonElement;
  readonly #speed: SelectField<Speed>;
  readonly #values: Record<'step' | 'epoch' | 'lossTrain' | 'lossTest' | 'accTrain' | 'accTest', HTMLElement>;
  readonly #accBoxes: HTMLElement[];
  readonly #rate: HTMLElement;
  #running = false;

  constructor(L: Localizer, act: TransportActions) {
    this.#L = L;
    this.playButton = el('button', { cls: 'nt-btn nt-btn-primary nt-play', attrs: { type: 'button', 'aria-pressed': 'false' } }, [
      el('span', { cls: 'nt-play-icon', attrs: { 'aria-hidden': 'true' } }),
      el('span', { cls: 'nt-play-text' }),
    ]);
    this.playButton.addEventListener('click', act.toggle);
    const btn = (key: 'stepOnce' | 'reset' | 'reseed', f: () => void) => {
      const b = L.text(el('button', { cls: 'nt-btn', attrs: { type: 'button' } }), key);
      b.addEventListener('click', f);
      return b;
    };
    this.#stepBtn = btn('stepOnce', act.step);
    this.#resetBtn = btn('reset', act.reset);
    this.#reseedBtn = btn('reseed', act.reseed);
    L.attr(this.#reseedBtn, 'title', 'reseedHint');
    const speeds: Choice<Speed>[] = SPEEDS.map((s) => ({
      value: s,
      label: s === 'max' ? 'speedMax' : s === 'epoch' ? 'speedEpoch' : s === '1' ? 'speed1' : { text: s },
    }));
    this.#speed = new SelectField<Speed>(L, 'speed', speeds, act.speed, 'nt-field-inline');
    const stat = (key: 'stepCount' | 'epochCount' | 'lossTrain' | 'lossTest' | 'accTrain' | 'accTest') => {
      const value = el('span', { cls: 'nt-stat-value', text: '–' });
      const box = el('div', { cls: 'nt-stat' }, [L.text(el('span', { cls: 'nt-stat-label' }), key), value]);
      return { box, value };
    };
    const s = {
      step: stat('stepCount'), epoch: stat('epochCount'), lossTrain: stat('lossTrain'), lossTest: stat('lossTest'),
      accTrain: stat('accTrain'), accTest: stat('accTest'),
    };
    this.#values = {
      step: s.step.value, epoch: s.epoch.value, lossTrain: s.lossTrain.value, lossTest: s.lossTest.value,
      accTrain: s.accTrain.value, accTest: s.accTest.value,
    };
    s.epoch.box.classList.add('nt-stat-epoch');
    s.epoch.value.dataset.stat = 'epoch';
    s.step.value.dataset.stat = 'step';
    s.accTest.value.dataset.stat = 'testAccuracy';
    s.accTrain.value.dataset.stat = 'trainAccuracy';
    s.lossTest.value.dataset.stat = 'testLoss';
    this.#accBoxes = [s.accTrain.box, s.accTest.box];
    this.#rate = el('span', { cls: 'nt-rate', attrs: { 'aria-hidden': 'true' } });
    const buttons = el('div', { cls: 'nt-transport-buttons' }, [this.playButton, this.#stepBtn, this.#resetBtn, this.#reseedBtn]);
    const speed = el('div', { cls: 'nt-transport-speed' }, [this.#speed.root, this.#rate]);
    const stats = el('div', { cls: 'nt-stats', attrs: { 'aria-live': 'off' } }, Object.values(s).map((x) => x.box));
    this.root = el('div', { cls: 'nt-transport', attrs: { role: 'group' } }, [buttons, speed, stats]);
    L.attr(this.root, 'aria-label', 'transportLabel');
    L.onChange(() => this.setRunning(this.#running));
    this.setRunning(false);
  }

  setRunning(running: boolean): void {
    this.#running = running;
    this.playButton.setAttribute('aria-pressed', String(running));
    this.playButton.classList.toggle('nt-running', running);
    const text = this.playButton.querySelector('.nt-play-text');
    if (text) setText(text, this.#L.t(running ? 'pause' : 'play'));
  }

  setEnabled(canTrain: boolean): void {
    this.playButton.disabled = !canTrain;
    this.#stepBtn.disabled = !canTrain;
    this.#resetBtn.disabled = !canTrain;
    this.#reseedBtn.disabled = !canTrain;
  }

  setSpeed(s: Speed): void {
    this.#speed.set(s);
  }

  update(m: Metrics | null, stepsPerSecond: number, running: boolean): void {
    const v = this.#values;
    const num = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 1000 ? x.toExponential(2) : x.toFixed(3)) : x === undefined ? '–' : 'NaN');
    const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');
    // After a divergence the counter shows the step the banner names.
    const step = m ? (m.divergence?.step ?? m.step) : 0;
    setText(v.step, m ? formatCount(step) : '–');
    setText(v.epoch, m ? m.epoch.toFixed(1) : '–');
    setText(v.lossTrain, m ? num(m.trainLoss) : '–');
    setText(v.lossTest, m ? num(m.testLoss) : '–');
    setText(v.accTrain, m ? pct(m.trainAccuracy) : '–');
    setText(v.accTest, m ? pct(m.testAccuracy) : '–');
    const classify = !m || Number.isFinite(m.trainAccuracy) || m.diverged;
    for (const b of this.#accBoxes) b.hidden = !classify;
    setText(this.#rate, running && stepsPerSecond > 0 ? this.#L.t('stepsPerSecond', { n: formatCount(stepsPerSecond) }) : '');
  }
}
