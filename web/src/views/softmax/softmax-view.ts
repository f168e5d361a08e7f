// The softmax lab tab: editable logits and temperature; softmax, plain
// percentages, the naive float32 softmax and log-softmax side by side; the
// argmax; the Jacobian; and cross-entropy with its gradient for a chosen class.
import { LogitEditor } from '../../controls/logit-editor';
import { Slider } from '../../controls/slider';
import { h, hideable, setText } from '../../ui/dom';
import { CoreError, type CrossEntropy } from '../../engine/engine';
import { formatFixed, formatFull, formatNumber, formatProb, subscript } from '../../ui/format';
import { t, type Lang, type StringKey } from '../../app/i18n';
import { argmax, LIMITS, type PageState } from '../../app/state';
import { CrossEntropyView } from './cross-entropy-view';
import { JacobianView } from '../explore/jacobian-view';
import { OutputCard } from './output-card';
import { announce } from '../../ui/announce';
import type { View, ViewContext } from '../view';

/** The article's numbers, and one that makes plain percentages fail. */
const PRESETS: readonly { key: StringKey; logits: number[] }[] = [
  { key: 'presetArticle', logits: [2, 3, 5] },
  { key: 'presetCommon', logits: [2, 1, 0.1] },
  { key: 'presetOverflow', logits: [20, 300, 5000] },
  { key: 'presetNegative', logits: [-1, 2, -3] },
];

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class SoftmaxView implements View {
  readonly element: HTMLElement;
  readonly #ctx: ViewContext;
  readonly #editor: LogitEditor;
  readonly #temperature: Slider;
  readonly #argmax: HTMLElement;
  readonly #presetButtons: HTMLButtonElement[];
  readonly #softmax: OutputCard;
  readonly #percent: OutputCard;
  readonly #naive: OutputCard;
  readonly #log: OutputCard;
  readonly #jacobian: JacobianView;
  readonly #ce: CrossEntropyView;
  /** Whether the naive softmax overflowed last time (null before the first update). */
  #overflowed: boolean | null = null;

  constructor(parent: HTMLElement, ctx: ViewContext) {
    this.#ctx = ctx;
    this.element = h('section', { cls: 'view view-softmax', attrs: { 'data-view': 'softmax' } });
    this.element.append(
      h('div', { cls: 'view-head' }, [h('div', {}, [h('h2', { i18n: 'softmaxTitle' }), h('p', { cls: 'lead', i18n: 'softmaxLead' })])]),
    );
    const top = h('div', { cls: 'softmax-top' });
    this.element.append(top);
    this.#editor = new LogitEditor(top, (logits) => ctx.commit({ logits }));

    const side = h('div', { cls: 'card softmax-side' });
    const presets = hideable(h('div', { cls: 'presets' }), 'presets');
    presets.append(h('h3', { cls: 'card-title', i18n: 'presetsTitle' }));
    this.#presetButtons = PRESETS.map((p) => {
      const b = h('button', { cls: 'preset', attrs: { type: 'button', 'data-preset': p.logits.join(',') } }, [
        h('span', { cls: 'preset-name', i18n: p.key }),
        h('span', { cls: 'preset-values num', text: `[${p.logits.map((v) => formatNumber(v)).join(', ')}]` }),
      ]);
      b.addEventListener('click', () => ctx.commit({ logits: [...p.logits], temperature: 1, target: argmax(p.logits) }));
      presets.append(b);
      return b;
    });
    const temperature = hideable(h('div', { cls: 'temperature' }), 'temperature');
    this.#temperature = new Slider(temperature, {
      label: 'temperature',
      min: LIMITS.tMin,
      max: LIMITS.tMax,
      step: 0.01,
      log: true,
      format: (v) => `T = ${formatNumber(v, 3)}`,
      onInput: (temperatureValue) => ctx.commit({ temperature: temperatureValue }),
    });
    temperature.append(h('p', { cls: 'hint', i18n: 'temperatureHint' }));
    this.#argmax = h('p', { cls: 'argmax', attrs: { 'aria-live': 'polite' } });
    side.append(presets, temperature, this.#argmax);
    top.append(side);

    const outputs = h('div', { cls: 'outputs' });
    this.element.append(outputs);
    this.#softmax = new OutputCard(outputs, { id: 'softmax', title: 'outSoftmax', subtitle: 'outSoftmaxSub', mode: 'unit', symbol: 'p' });
    this.#percent = new OutputCard(outputs, { id: 'percentages', title: 'outPercent', subtitle: 'outPercentSub', mode: 'unit', symbol: 'q', control: 'percentages' });
    this.#naive = new OutputCard(outputs, { id: 'naive', title: 'outNaive', subtitle: 'outNaiveSub', mode: 'unit', symbol: 'p', control: 'naive' });
    this.#log = new OutputCard(outputs, { id: 'logsoftmax', title: 'outLog', subtitle: 'outLogSub', mode: 'magnitude', symbol: 'log p', control: 'logsoftmax' });

    const bottom = h('div', { cls: 'softmax-bottom' });
    this.element.append(bottom);
    this.#jacobian = new JacobianView(bottom);
    this.#ce = new CrossEntropyView(bottom, (target) => ctx.commit({ target }));
    parent.append(this.element);
  }

  update(state: Readonly<PageState>): void {
    const { lang, logits, temperature: T, target } = state;
    const engine = this.#ctx.engine;
    this.#editor.update(logits, lang);
    this.#temperature.setValue(T);
    for (const b of this.#presetButtons) b.setAttribute('aria-pressed', String(b.dataset.preset === logits.join(',')));
    const z = Float32Array.from(logits);
    // The naive softmax and cross-entropy take z/T, so they agree with the tempered softmax.
    const scaled = Float32Array.from(logits, (v) => v / T);
    const top = argmax(logits);
    setText(this.#argmax, t(lang, 'argmaxLine', { i: String(top + 1), name: `z${subscript(top + 1)}`, value: formatNumber(logits[top], 6) }));
    this.#argmax.dataset.index = String(top);

    this.#guard(this.#softmax, lang, () => this.#softmax.show(engine.softmax(z, { temperature: T }), formatProb, top, formatFull));
    this.#guard(this.#percent, lang, () => this.#percent.show(engine.percentages(z), formatProb, top, formatFull));
    this.#percent.setNote(T === 1 ? '' : t(lang, 'percentNoT'));
    this.#guard(this.#naive, lang, () => {
      const p = engine.softmaxNaive(scaled);
      const overflowed = !p.every(Number.isFinite);
      this.#naive.show(p, formatProb, top, formatFull);
      this.#naive.setNote(overflowed ? t(lang, 'naiveOverflow') : t(lang, 'naiveOk'), overflowed ? 'warn' : 'plain');
      // The softmax lab's divergence: said once when an edit makes it overflow.
      if (overflowed && this.#overflowed === false) announce(t(lang, 'naiveOverflow'));
      this.#overflowed = overflowed;
    });
    this.#guard(this.#log, lang, () => this.#log.show(engine.logSoftmax(z, { temperature: T }), (v) => formatFixed(v, 3), top, formatFull));

    try {
      this.#jacobian.update(engine.softmaxJacobian(z, { temperature: T }), logits.length, lang);
    } catch {
      // The softmax card already shows why; the heatmap keeps its last values.
    }
    let ce: CrossEntropy | Error;
    try {
      ce = engine.crossEntropy(scaled, target);
    } catch (err) {
      ce = err instanceof Error ? err : new Error(String(err));
    }
    this.#ce.update(ce, logits.length, target, lang);
  }

  refreshTheme(): void {
    this.#jacobian.refreshTheme();
  }

  #guard(card: OutputCard, lang: Lang, run: () => void): void {
    try {
      run();
    } catch (err) {
      const lead = err instanceof CoreError && card === this.#percent ? t(lang, 'percentUndefined') : t(lang, 'computeFailed');
      card.showError(lead, errorText(err));
      card.setNote('');
    }
  }
}
