// Beside the learned function of a 1-D fit: each unit of a chosen hidden
// layer over x (charts/unit-curves.ts), with a picker for the layer. The
// first hidden layer is shown by default: its units are plain f(w·x + b).
import type { Engine, Trainer } from '../../../engine/engine';
import { hideable } from '../../../ui/dom';
import { UnitCurves } from '../charts/unit-curves';
import { SelectField, el, show, type Choice, type Localizer } from '../ui';

export class UnitsView {
  /** A display:contents slot, so hide=train-units and the studio's own show() never fight. */
  readonly root: HTMLElement;
  readonly chart: UnitCurves;
  readonly #L: Localizer;
  readonly #box: HTMLElement;
  readonly #pick: SelectField<number>;
  #trainer: Trainer | null = null;
  #hidden = 0;

  constructor(L: Localizer, engine: Engine) {
    this.#L = L;
    this.chart = new UnitCurves(engine, L);
    this.#pick = new SelectField<number>(L, 'unitsLayer', [], (v) => {
      this.chart.setLayer(v);
      this.chart.update(this.#trainer, true);
      this.#aria();
    }, 'nt-field-inline nt-unitcurves-pick');
    const head = el('div', { cls: 'nt-unitcurves-head' }, [L.text(el('h4', { cls: 'nt-chart-title' }), 'unitsTitle'), this.#pick.root]);
    this.#box = el('div', { cls: 'nt-unitcurves' }, [head, this.chart.root, L.text(el('p', { cls: 'nt-card-hint' }), 'unitsHint')]);
    this.root = hideable(el('div', { cls: 'nt-slot' }, [this.#box]), 'train-units');
    L.onChange(() => this.#label());
  }

  /** A new trainer: the layer choice stays if the network still has it. */
  configure(trainer: Trainer | null): void {
    this.#trainer = trainer;
    const hidden = trainer && trainer.shape.inputs === 1 ? trainer.shape.units.length - 1 : 0;
    show(this.#box, hidden > 0);
    this.#hidden = hidden;
    if (this.chart.layer >= hidden) this.chart.setLayer(0);
    this.#label();
    this.chart.resize();
    this.chart.update(trainer, true);
    this.#aria();
  }

  update(): void {
    if (!this.#box.hidden) this.chart.update(this.#trainer);
  }

  destroy(): void {
    this.chart.destroy();
  }

  /** The layer menu; its "Layer n" texts follow the language. */
  #label(): void {
    const L = this.#L;
    if (this.#hidden > 0) {
      const choices: Choice<number>[] = Array.from({ length: this.#hidden }, (_, i) => ({ value: i, label: { text: L.t('layerN', { n: String(i + 1) }) } }));
      this.#pick.setChoices([...choices, { value: -1, label: 'unitsOff' }]);
      this.#pick.set(this.chart.layer);
    }
    this.#aria();
  }

  #aria(): void {
    const layer = this.chart.layer;
    show(this.chart.root, layer >= 0);
    this.chart.canvas.setAttribute('aria-label', this.#L.t('unitsLabel', { n: String(this.chart.units), layer: String(layer + 1) }));
  }
}
