// For data with more than two inputs (iris, a wide CSV): one test sample at a
// time, its input values, its true class and the network's probabilities.
import type { DataPoints, Trainer } from '../../../engine/engine';
import { ProbBars } from '../../../charts/prob-bars';
import { classProbs, outputMeaning } from '../model/output-map';
import { button, el, setText, type Localizer } from '../ui';

export class SampleView {
  readonly root: HTMLElement;
  readonly #L: Localizer;
  readonly #title: HTMLElement;
  readonly #inputs: HTMLElement;
  readonly #bars = new ProbBars();
  #trainer: Trainer | null = null;
  #test: DataPoints | null = null;
  #index = 0;

  constructor(L: Localizer) {
    this.#L = L;
    this.#title = el('p', { cls: 'nt-readout-title' });
    this.#inputs = el('p', { cls: 'nt-sample-inputs' });
    const next = button(L, 'nextSample', () => this.#pick(this.#index + 1));
    this.root = el('div', { cls: 'nt-sample' }, [this.#title, this.#inputs, this.#bars.root, el('div', { cls: 'nt-btn-row' }, [next])]);
    L.onChange(() => this.update());
  }

  configure(trainer: Trainer | null, test: DataPoints | null): void {
    this.#trainer = trainer;
    this.#test = test && test.classes > 0 ? test : null;
    this.root.hidden = this.#test === null;
    this.#pick(0);
  }

  /** The sample's inputs (the network diagram shows its activations). */
  get input(): Float32Array | null {
    const d = this.#test;
    return d ? d.x.subarray(this.#index * d.inputs, (this.#index + 1) * d.inputs) : null;
  }

  update(): void {
    const t = this.#trainer;
    const d = this.#test;
    const x = this.input;
    if (!t || !d || !x) return;
    const L = this.#L;
    const m = outputMeaning(t.shape);
    const probs = new Float32Array(Math.max(2, m.classes));
    classProbs(m, t.predict(x), 0, probs);
    const name = (k: number) => d.classNames[k] ?? L.t('classN', { n: String(k) });
    setText(this.#title, L.t('sampleTitle', { i: String(this.#index + 1), n: String(d.y.length), c: name(d.y[this.#index]) }));
    setText(this.#inputs, `x = (${Array.from(x, (v) => v.toFixed(2).replace('-', '−')).join(', ')})`);
    this.#bars.setLabels(Array.from({ length: m.classes }, (_, k) => name(k)));
    this.#bars.set(probs, m.probabilistic ? (s) => L.t('sumIs', { s }) : undefined);
  }

  #pick(i: number): void {
    const n = this.#test?.y.length ?? 0;
    this.#index = n > 0 ? ((i % n) + n) % n : 0;
    this.update();
  }
}
