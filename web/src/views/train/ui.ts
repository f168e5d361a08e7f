// DOM helpers for the training studio. Text only ever goes through
// textContent and attributes through setAttribute with names chosen here, so
// data never becomes markup. Texts registered with a Localizer follow the page's language.
import { h, setText, type Props as PageProps } from '../../ui/dom';

export { setText } from '../../ui/dom';
import { t, type Lang, type StringKey } from '../../app/i18n';

export type Vars = Readonly<Record<string, string>>;

/** The studio builds elements with the page's own builder; its texts are marked for applyStrings through Localizer.text/attr. */
export type Props = Pick<PageProps, 'cls' | 'text' | 'attrs'>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  return h(tag, props, children);
}

let counter = 0;
export function uid(prefix: string): string {
  counter += 1;
  return `nt-${prefix}-${counter}`;
}

/** A text or attribute built with values ({n}): set again after a language change. */
type Dynamic = { node: Element; apply: () => void };

/**
 * The studio's language. Fixed texts go through the page's own mechanism:
 * text() and attr('aria-label') mark the element with data-i18n /
 * data-i18n-label, and applyStrings (i18n.ts) fills them again when the
 * language changes (mountTrainView's setLang). What the page's mechanism
 * cannot carry — texts with values, other attributes, texts built in code
 * (onChange) — is set again here.
 */
export class Localizer {
  lang: Lang;
  #dynamic: Dynamic[] = [];
  #listeners: (() => void)[] = [];

  constructor(lang: Lang) {
    this.lang = lang;
  }

  t(key: StringKey, vars: Vars = {}): string {
    return t(this.lang, key, vars);
  }

  /** Sets node's text now and on every language change. */
  text<T extends Element>(node: T, key: StringKey, vars?: () => Vars): T {
    if (vars || !(node instanceof HTMLElement)) return this.#bind(node, () => setText(node, this.t(key, vars?.() ?? {})));
    node.dataset.i18n = key;
    setText(node, this.t(key));
    return node;
  }

  attr<T extends Element>(node: T, attr: string, key: StringKey, vars?: () => Vars): T {
    if (vars || attr !== 'aria-label' || !(node instanceof HTMLElement)) return this.#bind(node, () => node.setAttribute(attr, this.t(key, vars?.() ?? {})));
    node.dataset.i18nLabel = key;
    node.setAttribute(attr, this.t(key));
    return node;
  }

  /** A callback for texts built in code (re-rendered on a language change). */
  onChange(listener: () => void): void {
    this.#listeners.push(listener);
  }

  /** After the page's applyStrings: the texts with values and the code-built ones follow. */
  setLang(lang: Lang): void {
    this.lang = lang;
    // Rebuilt editors leave their old nodes behind: drop them.
    this.#dynamic = this.#dynamic.filter((d) => d.node.isConnected);
    for (const d of this.#dynamic) d.apply();
    for (const l of this.#listeners) l();
  }

  #bind<T extends Element>(node: T, apply: () => void): T {
    this.#dynamic.push({ node, apply });
    apply();
    return node;
  }
}

/** A titled card section. */
export function card(L: Localizer, title: StringKey, cls = ''): { root: HTMLElement; body: HTMLElement; head: HTMLElement } {
  const heading = L.text(el('h3', { cls: 'nt-card-title' }), title);
  const head = el('div', { cls: 'nt-card-head' }, [heading]);
  const body = el('div', { cls: 'nt-card-body' });
  const root = el('section', { cls: `nt-card ${cls}`.trim() }, [head, body]);
  const id = uid('card');
  heading.id = id;
  root.setAttribute('aria-labelledby', id);
  return { root, body, head };
}

export interface Choice<V> {
  value: V;
  /** A string key, or plain text (numbers, names). */
  label: StringKey | { text: string };
}

/** A labelled <select>; values are compared with ===. */
export class SelectField<V> {
  readonly root: HTMLElement;
  readonly select: HTMLSelectElement;
  #choices: Choice<V>[] = [];
  readonly #L: Localizer;

  constructor(L: Localizer, label: StringKey, choices: Choice<V>[], onChange: (v: V) => void, cls = '') {
    this.#L = L;
    const id = uid('sel');
    this.select = el('select', { attrs: { id } });
    const lab = L.text(el('label', { attrs: { for: id } }), label);
    this.root = el('div', { cls: `nt-field ${cls}`.trim() }, [lab, this.select]);
    this.setChoices(choices);
    this.select.addEventListener('change', () => {
      const c = this.#choices[this.select.selectedIndex];
      if (c) onChange(c.value);
    });
    L.onChange(() => this.#relabel());
  }

  setChoices(choices: Choice<V>[]): void {
    const current = this.value;
    this.#choices = choices;
    this.select.replaceChildren(...choices.map(() => el('option')));
    this.#relabel();
    if (current !== undefined) this.set(current);
  }

  get value(): V | undefined {
    return this.#choices[this.select.selectedIndex]?.value;
  }

  /** Shows v; a value outside the list gets its own option (from a URL, say). */
  set(v: V, extraLabel?: string): void {
    let i = this.#choices.findIndex((c) => c.value === v);
    if (i < 0) {
      this.#choices.push({ value: v, label: { text: extraLabel ?? String(v) } });
      this.select.append(el('option'));
      this.#relabel();
      i = this.#choices.length - 1;
    }
    if (this.select.selectedIndex !== i) this.select.selectedIndex = i;
  }

  #relabel(): void {
    this.#choices.forEach((c, i) => {
      const o = this.select.options[i];
      if (o) setText(o, typeof c.label === 'string' ? this.#L.t(c.label) : c.label.text);
    });
  }
}

/** A labelled checkbox. */
export function checkbox(
  L: Localizer, label: StringKey | { text: string }, onChange: (on: boolean) => void,
): { root: HTMLElement; input: HTMLInputElement } {
  const id = uid('chk');
  const input = el('input', { attrs: { type: 'checkbox', id } });
  input.addEventListener('change', () => onChange(input.checked));
  const lab = el('label', { attrs: { for: id } });
  if (typeof label === 'string') L.text(lab, label);
  else lab.textContent = label.text;
  const root = el('div', { cls: 'nt-check' }, [input, lab]);
  return { root, input };
}

/** A button with a localized label. */
export function button(L: Localizer, label: StringKey, onClick: () => void, cls = 'nt-btn'): HTMLButtonElement {
  const b = L.text(el('button', { cls, attrs: { type: 'button' } }), label);
  b.addEventListener('click', onClick);
  return b;
}

/** Toggles the `hidden` attribute. */
export function show(node: HTMLElement, visible: boolean): void {
  if (node.hidden === visible) node.hidden = !visible;
}

const contexts = new WeakMap<HTMLCanvasElement, CanvasRenderingContext2D | null>();

/** The canvas's 2-D context, looked up once (charts draw many times a second). */
export function ctx2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  let c = contexts.get(canvas);
  if (c === undefined) {
    c = canvas.getContext('2d');
    contexts.set(canvas, c);
  }
  return c;
}
