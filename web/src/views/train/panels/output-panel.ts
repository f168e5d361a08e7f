// The output card: for 2-D data the decision boundary with a probability
// readout under the pointer; for the sine set the learned function; for
// digits a drawing pad with the ten softmax probabilities; otherwise a note.
import type { DataPoints, Engine, Trainer } from '../../../engine/engine';
import { BoundaryPlot } from '../charts/boundary-plot';
import { FitPlot } from '../charts/fit-plot';
import { ProbBars, formatP } from '../../../charts/prob-bars';
import { DigitsPad } from './digits-pad';
import { SampleView } from './sample-view';
import { UnitsView } from './units-view';
import { hideable } from '../../../ui/dom';
import { classProbs, outputMeaning } from '../model/output-map';
import type { TrainState } from '../model/train-state';
import { button, card, checkbox, el, setText, show, type Localizer } from '../ui';

export type OutputMode = 'plane' | 'fit' | 'digits' | 'none';

export interface OutputActions {
  change: (p: (s: TrainState) => void) => void;
  addPoint: (x: number, y: number) => void;
  /** The student drew on the digit pad (lessons watch for it). */
  drew: () => void;
}

export class OutputPanel {
  readonly root: HTMLElement;
  readonly plot: BoundaryPlot;
  readonly pad: DigitsPad;
  readonly sample: SampleView;
  readonly units: UnitsView;
  readonly #L: Localizer;
  readonly #fit: FitPlot;
  readonly #bars = new ProbBars();
  readonly #padBars = new ProbBars('nt-digit-bars');
  readonly #readout: HTMLElement;
  readonly #readoutTitle: HTMLElement;
  readonly #note: HTMLElement;
  readonly #options: HTMLElement;
  readonly #showTest: HTMLInputElement;
  readonly #discretize: HTMLInputElement;
  readonly #digits: HTMLElement;
  readonly #fitBox: HTMLElement;
  readonly #planeBox: HTMLElement;
  readonly #testLegend: HTMLElement;
  readonly #splitNote: HTMLElement;
  #mode: OutputMode = 'none';
  #trainer: Trainer | null = null;
  #probe: { x: number; y: number } | null = null;
  #test: DataPoints | null = null;
  #inputs = 2;
  #adding = false;
  #state: TrainState | null = null;
  #classNames: string[] = [];

  constructor(L: Localizer, act: OutputActions, engine: Engine) {
    this.#L = L;
    const c = card(L, 'outputTitle', 'nt-output');
    this.root = c.root;
    this.#fit = new FitPlot(L);
    this.plot = new BoundaryPlot(L, {
      onProbe: (p) => {
        this.#probe = p;
        this.#readoutUpdate();
      },
      onAdd: (x, y) => act.addPoint(x, y),
    });
    L.attr(this.plot.canvas, 'aria-label', 'boundaryLabel');
    this.#readoutTitle = el('p', { cls: 'nt-readout-title' });
    this.#readout = el('div', { cls: 'nt-readout', attrs: { 'aria-live': 'polite' } }, [this.#readoutTitle, this.#bars.root]);
    this.#planeBox = el('div', { cls: 'nt-plane' }, [this.plot.root, this.#readout]);
    L.attr(this.#fit.canvas, 'aria-label', 'fitTitle');
    this.#testLegend = el('span', { cls: 'nt-legend-item' }, [el('span', { cls: 'nt-swatch nt-swatch-ring' }), L.text(el('span'), 'testPoints')]);
    this.#fitBox = el('div', { cls: 'nt-fit-box' }, [
      el('div', { cls: 'nt-legend' }, [
        el('span', { cls: 'nt-legend-item' }, [el('span', { cls: 'nt-swatch nt-swatch-dot' }), L.text(el('span'), 'trainPoints')]),
        this.#testLegend,
        el('span', { cls: 'nt-legend-item' }, [el('span', { cls: 'nt-swatch nt-swatch-f0' }), L.text(el('span'), 'fitCurve')]),
      ]),
      this.#fit.root,
      L.text(el('p', { cls: 'nt-card-hint' }), 'fitHint'),
    ]);
    this.units = new UnitsView(L, engine);
    this.#fitBox.append(this.units.root);
    this.pad = new DigitsPad((cells) => this.#padPredict(cells), () => act.drew());
    L.attr(this.pad.canvas, 'aria-label', 'padLabel');
    const sample = button(L, 'sampleDigit', () => this.#loadSample());
    this.#digits = el('div', { cls: 'nt-digits' }, [
      el('div', { cls: 'nt-pad-box' }, [
        L.text(el('h4', { cls: 'nt-chart-title' }), 'drawTitle'),
        this.pad.root,
        el('div', { cls: 'nt-btn-row' }, [button(L, 'clearPad', () => this.pad.clear()), sample]),
        L.text(el('p', { cls: 'nt-card-hint' }), 'drawHint'),
      ]),
      el('div', { cls: 'nt-pad-probs' }, [L.text(el('h4', { cls: 'nt-chart-title' }), 'digitProbs'), this.#padBars.root]),
    ]);
    this.#padBars.setLabels(Array.from({ length: 10 }, (_, i) => String(i)), false);
    this.#note = el('p', { cls: 'nt-note' });
    this.sample = new SampleView(L);
    const showTest = checkbox(L, 'showTest', (on) => act.change((s) => (s.showTest = on)));
    const discretize = checkbox(L, 'discretize', (on) => act.change((s) => (s.discretize = on)));
    this.#showTest = showTest.input;
    this.#discretize = discretize.input;
    this.#splitNote = L.text(el('p', { cls: 'nt-card-hint nt-split-note' }), 'customSplitNote');
    this.#options = el('div', { cls: 'nt-output-options' }, [showTest.root, discretize.root, this.#splitNote]);
    // The digit pad sits in a slot that hide=train-digits removes (the panel itself shows or hides the pad).
    const digitsSlot = hideable(el('div', { cls: 'nt-slot' }, [this.#digits]), 'train-digits');
    c.head.append(this.#options);
    c.body.append(this.#planeBox, this.#fitBox, digitsSlot, this.#note, this.sample.root);
    L.onChange(() => {
      this.#readoutUpdate();
      this.#noteUpdate();
    });
  }

  get mode(): OutputMode {
    return this.#mode;
  }

  /** The learned-function canvas (for the PNG export). */
  get fitCanvas(): HTMLCanvasElement {
    return this.#fit.canvas;
  }

  /** The input the pointer or the keys point at on the boundary plot. */
  get probe(): { x: number; y: number } | null {
    return this.#probe;
  }

  /** A new trainer (or none) and the mode it is shown in. */
  configure(mode: OutputMode, trainer: Trainer | null, inputs: number, classNames: string[]): void {
    this.#mode = mode;
    this.#trainer = trainer;
    this.#inputs = inputs;
    this.#classNames = classNames;
    show(this.#planeBox, mode === 'plane');
    show(this.#fitBox, mode === 'fit');
    show(this.#digits, mode === 'digits');
    show(this.#note, mode === 'none');
    show(this.#discretize.parentElement as HTMLElement, mode === 'plane');
    show(this.#options, mode === 'plane' || mode === 'fit');
    const train = trainer?.data('train') ?? null;
    this.#test = trainer?.data('test') ?? null;
    if (mode === 'plane') {
      const pts = (d: DataPoints | null) => (d ? { x: d.x, y: d.y, classes: d.classes } : null);
      this.plot.setPoints(pts(train), pts(this.#test));
      this.plot.resize();
    } else if (mode === 'fit') {
      this.#fit.setPoints(train, this.#test);
      this.#fit.resize();
    } else if (mode === 'digits') {
      this.pad.resize();
    }
    this.units.configure(mode === 'fit' ? trainer : null);
    this.sample.configure(trainer, mode === 'none' ? this.#test : null);
    this.#noteUpdate();
    this.#readoutUpdate();
  }

  /** Points for an empty custom set (no trainer yet). */
  setCustomPoints(x: Float32Array, y: Float32Array): void {
    this.plot.setPoints({ x, y, classes: 2 }, null);
  }

  set(s: TrainState, adding: boolean): void {
    this.#state = s;
    this.#adding = adding;
    // Your own points go to both splits: while you add them, both are shown
    // (test points as rings), so no clicked point seems to vanish.
    const showTest = s.showTest || adding;
    this.#showTest.checked = showTest;
    this.#showTest.disabled = adding;
    show(this.#splitNote, adding);
    this.#discretize.checked = s.discretize;
    this.plot.setOptions({ adding, discretize: s.discretize, showTest });
    this.#fit.setShowTest(s.showTest);
    this.#testLegend.hidden = !s.showTest;
  }

  /** Redraws from the trainer's current weights. */
  update(): void {
    const t = this.#trainer;
    if (this.#mode === 'plane') this.plot.update(t);
    else if (this.#mode === 'fit') {
      this.#fit.update(t);
      this.units.update();
    }
    else if (this.#mode === 'digits') this.#padPredict(this.pad.cells);
    else this.sample.update();
    if (this.#probe) this.#readoutUpdate();
  }

  destroy(): void {
    this.plot.destroy();
    this.#fit.destroy();
    this.units.destroy();
    this.pad.destroy();
  }

  #padPredict(cells: Float32Array): void {
    const t = this.#trainer;
    if (!t || t.shape.inputs !== 64 || this.#mode !== 'digits') {
      this.#padBars.set(null);
      return;
    }
    const out = t.predict(cells);
    this.#padBars.set(out, (s) => this.#L.t('sumIs', { s }));
    this.#padBars.root.dataset.probs = Array.from(out, (v) => v.toFixed(6)).join(',');
  }

  #loadSample(): void {
    const d = this.#test;
    if (!d || d.inputs !== 64) return;
    const n = d.y.length;
    const i = Math.floor(Math.random() * n);
    this.pad.load(d.x.subarray(i * 64, i * 64 + 64));
  }

  #readoutUpdate(): void {
    const L = this.#L;
    const t = this.#trainer;
    const p = this.#probe;
    if (!t || !p || t.shape.inputs !== 2) {
      setText(this.#readoutTitle, L.t(this.#adding ? 'addHint' : 'hoverHint'));
      this.#readoutTitle.classList.add('nt-muted');
      this.#bars.root.hidden = true;
      return;
    }
    this.#readoutTitle.classList.remove('nt-muted');
    const m = outputMeaning(t.shape);
    const out = t.predict(Float32Array.of(p.x, p.y));
    const probs = new Float32Array(Math.max(2, m.classes));
    classProbs(m, out, 0, probs);
    const xy = { x: fmt(p.x), y: fmt(p.y) };
    if (m.classes === 0) {
      setText(this.#readoutTitle, L.t('valueAt', { ...xy, v: formatP(probs[0]) }));
      this.#bars.root.hidden = true;
      return;
    }
    setText(this.#readoutTitle, L.t('probsAt', xy));
    this.#bars.root.hidden = false;
    this.#bars.setLabels(Array.from({ length: m.classes }, (_, i) => this.#classNames[i] ?? L.t('classN', { n: String(i) })));
    this.#bars.set(probs, m.probabilistic ? (s) => L.t('sumIs', { s }) : undefined);
  }

  #noteUpdate(): void {
    setText(this.#note, this.#mode === 'none' && this.#state ? this.#L.t('notPlane', { n: String(this.#inputs) }) : '');
  }
}

function fmt(v: number): string {
  return v.toFixed(2).replace('-', '−');
}
