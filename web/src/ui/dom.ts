// Small DOM builders. Text is always set through textContent and attributes
// through setAttribute with names chosen here, so data never becomes markup.
import type { StringKey } from '../app/i18n';

export interface Props {
  cls?: string;
  /** Plain text content. */
  text?: string;
  /** textContent from i18n.ts, refreshed by applyStrings on a language change. */
  i18n?: StringKey;
  /** aria-label from i18n.ts, refreshed the same way. */
  label?: StringKey;
  attrs?: Readonly<Record<string, string>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.cls) node.className = props.cls;
  if (props.i18n) node.dataset.i18n = props.i18n;
  if (props.label) node.dataset.i18nLabel = props.label;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

let counter = 0;
/** A page-unique id for label/aria wiring. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Marks an element as a control that ?hide=id can remove. */
export function hideable<T extends HTMLElement>(node: T, id: string): T {
  node.dataset.control = id;
  return node;
}

/** Sets textContent only when it changes (avoids needless layout on slider drags). */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
