// DOM helpers for the training studio. Text only ever goes through
// textContent and attributes through setAttribute with names chosen here, so
// data never becomes markup. Texts registered with a Localizer follow setLang.
import { h, type Props as PageProps } from '../../ui/dom';
import { t, type Lang, type StringKey } from '../../app/i18n';

export type Vars = Readonly<Record<string, string>>;

/** The studio builds elements with the page's own builder (no i18n keys: it localizes through its Localizer). */
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

export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

type Binding = { node: Element; key: StringKey; attr: string | null; vars: () => Vars };

/** Keeps registered texts and attributes in the current language. */
export class Localizer {
  lang: Lang;
  #bindings: Binding[] = [];
  #listeners: (() => void)[] = [];

  constructor(lang: Lang) {
    this.lang = lang;
  }

  t(key: StringKey, vars: Vars = {}): string {
    return t(this.lang, key, vars);
  }

  /** Sets node's text now and on every language change. */
  text<T extends Element>(node: T, key: StringKey, vars: () => Vars = () => ({})): T {
    return this.#bind({ node, key, attr: null, vars });
  }

  attr<T extends Element>(node: T, attr: string, key: StringKey, vars: () => Vars = () => ({})): T {
    return this.#bind({ node, key, attr, vars });
  }

  /** A callback for texts built in code (re-rendered on a language change). */
  onChange(listener: () => void): void {
    this.#listeners.push(listener);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.prune();
    for (const b of this.#bindings) this.#apply(b);
    for (const l of this.#listeners) l();
  }

  /** Drops bindings of nodes no longer in the document (rebuilt editors). */
  prune(): void {
    this.#bindings = this.#bindings.filter((b) => b.node.isConnected);
  }

  #bind<T extends Element>(b: Binding & { node: T }): T {
    this.#bindings.push(b);
    this.#apply(b);
    return b.node;
  }

  #apply(b: Binding): void {
    const s = t(this.lang, b.key, b.vars());
    if (b.attr === null) setText(b.node, s);
    else b.node.setAttribute(b.attr, s);
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
