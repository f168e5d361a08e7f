// The view tabs (ARIA tabs pattern): click or arrow keys switch views; the
// selected tab is the only one in the Tab order.
import { h, hideable } from '../ui/dom';
import { isStringKey, type Lang, type StringKey } from '../app/i18n';
import type { ViewId } from '../app/state';

export type TabLabel = StringKey | Readonly<Record<Lang, string>>;

export class TabBar {
  readonly element: HTMLElement;
  readonly #tabs: { id: ViewId; button: HTMLButtonElement; label: TabLabel }[];

  constructor(parent: HTMLElement, tabs: readonly { id: ViewId; label: TabLabel }[], onSelect: (id: ViewId) => void) {
    const list = h('div', { cls: 'tabs', label: 'tabsLabel', attrs: { role: 'tablist' } });
    this.#tabs = tabs.map(({ id, label }) => {
      const button = h('button', {
        cls: 'tab',
        ...(typeof label === 'string' && isStringKey(label) ? { i18n: label } : {}),
        attrs: { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `view-${id}`, 'data-tab': id },
      });
      button.addEventListener('click', () => onSelect(id));
      list.append(button);
      return { id, button, label };
    });
    list.addEventListener('keydown', (e) => {
      const i = this.#tabs.findIndex((tab) => tab.button === document.activeElement);
      if (i < 0) return;
      const n = this.#tabs.length;
      const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      this.#tabs[to].button.focus();
      onSelect(this.#tabs[to].id);
    });
    this.element = hideable(h('nav', { cls: 'tab-bar' }, [list]), 'tabs');
    parent.append(this.element);
  }

  update(active: ViewId, lang: Lang): void {
    for (const { id, button, label } of this.#tabs) {
      if (typeof label !== 'string') button.textContent = label[lang];
      const on = id === active;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
    }
  }
}
