// The softmax lab's logits: one column per entry with a bar to drag (or move
// with the arrow keys; it is an ARIA slider), a box to type an exact value, and
// buttons to add or remove entries. The bar scale follows the largest |z| but
// is frozen while dragging, so the bar stays under the pointer.
import { h, hideable, setText } from '../ui/dom';
import { formatNumber, subscript } from '../ui/format';
import { t, type Lang } from '../app/i18n';
import { LIMITS } from '../app/state';

interface Column {
  track: HTMLElement;
  bar: HTMLElement;
  input: HTMLInputElement;
  remove: HTMLButtonElement;
}

/** The next 1, 2 or 5 × 10ᵏ at or above v. */
function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((c) => c >= v) ?? 10 * p;
}

export class LogitEditor {
  readonly element: HTMLElement;
  readonly #strip: HTMLElement;
  readonly #add: HTMLButtonElement;
  readonly #scaleText: HTMLElement;
  readonly #onChange: (logits: number[]) => void;
  #cols: Column[] = [];
  #logits: readonly number[] = [];
  /** The logits as last edited here: edits in two fields before the next render must not undo each other. */
  #latest: readonly number[] = [];
  #scale = 10;
  #dragging = false;
  #lang: Lang = 'en';

  constructor(parent: HTMLElement, onChange: (logits: number[]) => void) {
    this.#onChange = onChange;
    this.#strip = h('div', { cls: 'logit-strip' });
    this.#add = h('button', { cls: 'logit-add', text: '+', label: 'logitAdd', attrs: { type: 'button' } });
    this.#scaleText = h('span', { cls: 'logit-scale' });
    this.#add.addEventListener('click', () => onChange([...this.#latest, 0]));
    this.element = hideable(h('section', { cls: 'card logits', attrs: { 'aria-labelledby': 'logits-title' } }), 'logits');
    this.element.append(
      h('h3', { cls: 'card-title', i18n: 'logitsTitle', attrs: { id: 'logits-title' } }),
      h('div', { cls: 'logit-area' }, [this.#strip, this.#add]),
      h('p', { cls: 'hint' }, [h('span', { i18n: 'logitsHint' }), ' ', this.#scaleText]),
    );
    parent.append(this.element);
  }

  update(logits: readonly number[], lang: Lang): void {
    const relabel = lang !== this.#lang;
    this.#lang = lang;
    if (logits === this.#logits && !relabel) return;
    this.#logits = logits;
    this.#latest = logits;
    if (!this.#dragging) {
      let maxAbs = 0;
      for (const z of logits) maxAbs = Math.max(maxAbs, Math.abs(z));
      this.#scale = niceCeil(Math.max(5, maxAbs * 1.1));
    }
    if (logits.length !== this.#cols.length) this.#rebuild(logits.length);
    const r = this.#scale;
    logits.forEach((z, i) => {
      const c = this.#cols[i];
      const name = `z${subscript(i + 1)}`;
      const frac = Math.min(1, Math.abs(z) / r) * 50;
      c.bar.style.height = `${frac}%`;
      c.bar.style.top = z >= 0 ? `${50 - frac}%` : '50%';
      c.bar.classList.toggle('is-negative', z < 0);
      c.track.setAttribute('aria-valuemin', String(-r));
      c.track.setAttribute('aria-valuemax', String(r));
      c.track.setAttribute('aria-valuenow', String(z));
      c.track.setAttribute('aria-valuetext', `${name} = ${formatNumber(z, 6)}`);
      c.track.setAttribute('aria-label', t(lang, 'logitLabel', { name }));
      c.input.setAttribute('aria-label', t(lang, 'logitLabel', { name }));
      c.remove.setAttribute('aria-label', t(lang, 'logitRemove', { name }));
      c.remove.disabled = logits.length <= LIMITS.minLogits;
      if (document.activeElement !== c.input) c.input.value = String(z);
    });
    this.#add.disabled = logits.length >= LIMITS.maxLogits;
    setText(this.#scaleText, t(lang, 'logitsScale', { r: formatNumber(r) }));
  }

  #set(i: number, z: number): void {
    const v = Math.max(-LIMITS.logitAbs, Math.min(LIMITS.logitAbs, z));
    const next = [...this.#latest];
    next[i] = Number(v.toPrecision(6));
    this.#latest = next;
    this.#onChange(next);
  }

  #step(): number {
    return this.#scale / 100;
  }

  #fromPointer(track: HTMLElement, clientY: number): number {
    const box = track.getBoundingClientRect();
    const frac = 1 - (2 * (clientY - box.top)) / box.height;
    const step = this.#step();
    return Math.round((Math.max(-1, Math.min(1, frac)) * this.#scale) / step) * step;
  }

  #rebuild(n: number): void {
    this.#strip.replaceChildren();
    this.#cols = Array.from({ length: n }, (_, i) => {
      const bar = h('span', { cls: 'logit-bar' });
      const track = h('div', { cls: 'logit-track', attrs: { role: 'slider', tabindex: '0', 'aria-orientation': 'vertical' } }, [
        h('span', { cls: 'logit-zero' }),
        bar,
      ]);
      const input = h('input', { cls: 'logit-input', attrs: { type: 'number', step: 'any', inputmode: 'decimal' } });
      const remove = h('button', { cls: 'logit-remove', text: '×', attrs: { type: 'button' } });
      track.addEventListener('pointerdown', (e) => {
        e.preventDefault();
        track.focus();
        track.setPointerCapture(e.pointerId);
        this.#dragging = true;
        this.#set(i, this.#fromPointer(track, e.clientY));
      });
      track.addEventListener('pointermove', (e) => {
        if (this.#dragging && track.hasPointerCapture(e.pointerId)) this.#set(i, this.#fromPointer(track, e.clientY));
      });
      const stop = () => {
        this.#dragging = false;
        this.#logits = [...this.#latest]; // forces the next update to rescale
        this.#onChange([...this.#latest]);
      };
      track.addEventListener('pointerup', stop);
      track.addEventListener('pointercancel', stop);
      track.addEventListener('keydown', (e) => {
        const step = this.#step();
        const delta = { ArrowUp: step, ArrowRight: step, ArrowDown: -step, ArrowLeft: -step, PageUp: 10 * step, PageDown: -10 * step }[e.key];
        if (delta === undefined) return;
        e.preventDefault();
        this.#set(i, this.#latest[i] + delta);
      });
      input.addEventListener('input', () => {
        const v = Number(input.value);
        if (input.value.trim() !== '' && Number.isFinite(v)) this.#set(i, v);
      });
      input.addEventListener('change', () => {
        input.value = String(this.#latest[i]);
      });
      remove.addEventListener('click', () => this.#onChange(this.#latest.filter((_, j) => j !== i)));
      this.#strip.append(
        h('div', { cls: 'logit-col', attrs: { 'data-index': String(i) } }, [track, input, h('span', { cls: 'logit-name', text: `z${subscript(i + 1)}` }), remove]),
      );
      return { track, bar, input, remove };
    });
  }
}
