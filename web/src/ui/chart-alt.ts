// A chart's text alternative, one mechanism for every chart on the page: a
// short summary in a polite live region (what the chart shows and its current
// value), refreshed at a low rate so dragging a slider does not flood a screen
// reader, and a "Show as table" toggle with the data behind the chart.
// A chart owner calls update() whenever its data change; the summary is
// rewritten at most once per interval, the table only while it is shown.
import { h, setText, uniqueId } from './dom';
import { t, type Lang } from '../app/i18n';

export interface ChartTable {
  caption: string;
  /** Column headers; the first column holds the row headers. */
  head: readonly string[];
  rows: readonly (readonly string[])[];
}

export interface ChartDescription {
  /** One or two sentences: what is plotted and its value now. */
  summary: string;
  table: () => ChartTable;
}

export type Describe = () => ChartDescription;

/** How often the live summary may change, in ms: slow enough to be heard out. */
export const SUMMARY_INTERVAL = 1500;

export class ChartAlt {
  readonly element: HTMLElement;
  readonly #summary: HTMLElement;
  readonly #toggle: HTMLButtonElement;
  readonly #tableBox: HTMLElement;
  readonly #interval: number;
  #describe: Describe | null = null;
  #lang: Lang = 'en';
  #last = -Infinity;
  #timer = 0;

  constructor(parent: HTMLElement, interval = SUMMARY_INTERVAL) {
    this.#interval = interval;
    const id = uniqueId('chart-table');
    this.#summary = h('p', { cls: 'visually-hidden chart-summary', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });
    // Labelled through i18n.ts from the start, so a chart not yet described still has a name.
    this.#toggle = h('button', { cls: 'link-button chart-table-toggle', i18n: 'chartShowTable', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': id } });
    // Focusable, so a table wider than the card scrolls by keyboard too.
    this.#tableBox = h('div', { cls: 'chart-table', attrs: { id, role: 'region', tabindex: '0' } });
    this.#tableBox.hidden = true;
    this.#toggle.addEventListener('click', () => this.#setOpen(this.#tableBox.hidden));
    this.element = h('div', { cls: 'chart-alt' }, [this.#summary, this.#toggle, this.#tableBox]);
    parent.append(this.element);
  }

  /**
   * The chart changed (or the language did). An open table follows at once;
   * the live summary now, or at its next free slot.
   */
  update(describe: Describe, lang: Lang): void {
    const langChanged = lang !== this.#lang || this.#describe === null;
    this.#describe = describe;
    this.#lang = lang;
    if (langChanged) this.#labelToggle();
    if (!this.#tableBox.hidden) this.#fillTable(describe().table());
    window.clearTimeout(this.#timer);
    const wait = langChanged ? 0 : this.#last + this.#interval - performance.now();
    if (wait <= 0) this.#summarize();
    else this.#timer = window.setTimeout(() => this.#summarize(), wait);
  }

  destroy(): void {
    window.clearTimeout(this.#timer);
    this.element.remove();
  }

  #summarize(): void {
    const description = this.#describe?.();
    if (!description) return;
    this.#last = performance.now();
    setText(this.#summary, description.summary);
  }

  #setOpen(open: boolean): void {
    this.#tableBox.hidden = !open;
    this.#toggle.setAttribute('aria-expanded', String(open));
    this.#labelToggle();
    const description = this.#describe?.();
    if (open && description) this.#fillTable(description.table());
  }

  #labelToggle(): void {
    const key = this.#tableBox.hidden ? 'chartShowTable' : 'chartHideTable';
    this.#toggle.dataset.i18n = key;
    setText(this.#toggle, t(this.#lang, key));
  }

  #fillTable(table: ChartTable): void {
    this.#tableBox.setAttribute('aria-label', table.caption);
    const [corner, ...columns] = table.head;
    const head = h('tr', {}, [h('th', { text: corner ?? '', attrs: { scope: 'col' } }), ...columns.map((c) => h('th', { text: c, attrs: { scope: 'col' } }))]);
    const rows = table.rows.map(([first, ...rest]) =>
      h('tr', {}, [h('th', { text: first ?? '', attrs: { scope: 'row' } }), ...rest.map((v) => h('td', { cls: 'num', text: v }))]),
    );
    this.#tableBox.replaceChildren(h('table', {}, [h('caption', { text: table.caption }), h('thead', {}, [head]), h('tbody', {}, rows)]));
  }
}

/** Indices of about `count` evenly spaced samples out of `length`, first and last included. */
export function sampleIndices(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - 1)) / (count - 1)));
}
