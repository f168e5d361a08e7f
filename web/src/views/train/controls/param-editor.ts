// Click a link of the network diagram to edit its weight, a unit to edit its
// bias: a number field under the diagram; the value goes into the trainer at
// once (trainer.setParameter) and the output redraws. Enter or leaving the
// field applies it, Escape closes; a refused value is named in place.
import type { DiagramHover } from '../charts/network-diagram';
import { el, setText, show, uid, type Localizer } from '../ui';

export interface ParamTarget {
  layer: number;
  unit: number;
  from: number | 'bias';
  value: number;
  /** "Weight from x₁ to Layer 1 #2", "Bias of Layer 1 #2". */
  label: string;
}

export class ParamEditor {
  readonly root: HTMLElement;
  readonly #label: HTMLLabelElement;
  readonly #input: HTMLInputElement;
  readonly #msg: HTMLElement;
  #target: ParamTarget | null = null;

  /** apply: sets the value; returns the reason it was refused, or null. */
  constructor(L: Localizer, apply: (t: ParamTarget, value: number) => string | null) {
    const id = uid('param-edit');
    this.#label = el('label', { attrs: { for: id } });
    this.#input = el('input', { attrs: { id, type: 'number', step: 'any', inputmode: 'decimal' } });
    this.#msg = el('p', { cls: 'nt-param-msg', attrs: { role: 'status' } });
    const close = L.text(el('button', { cls: 'nt-btn nt-btn-small', attrs: { type: 'button' } }), 'dismiss');
    close.addEventListener('click', () => this.close());
    this.root = el('div', { cls: 'nt-param-edit' }, [this.#label, this.#input, close, this.#msg]);
    this.root.hidden = true;
    const commit = () => {
      const t = this.#target;
      if (!t) return;
      const v = this.#input.valueAsNumber;
      const refused = Number.isFinite(v) ? apply(t, v) : L.t('paramNotNumber', { value: this.#input.value });
      setText(this.#msg, refused ?? '');
      show(this.#msg, refused !== null);
      if (refused === null) t.value = v;
    };
    this.#input.addEventListener('change', commit);
    this.#input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
  }

  get target(): ParamTarget | null {
    return this.#target;
  }

  open(t: ParamTarget): void {
    this.#target = t;
    setText(this.#label, t.label);
    this.#input.value = String(Number(t.value.toPrecision(4)));
    setText(this.#msg, '');
    show(this.#msg, false);
    show(this.root, true);
    this.#input.focus();
    this.#input.select();
  }

  close(): void {
    this.#target = null;
    show(this.root, false);
  }
}

/** The diagram's pick as an edit target (the link's weight, or the unit's bias). */
export function paramTarget(h: NonNullable<DiagramHover>, label: string): ParamTarget {
  return h.kind === 'link'
    ? { layer: h.layer, unit: h.to, from: h.from, value: h.weight, label }
    : { layer: h.layer, unit: h.unit, from: 'bias', value: h.bias, label };
}
