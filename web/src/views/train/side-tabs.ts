// The studio's diagnostics beside the output, as tabs (ARIA tabs pattern):
// one panel shows at a time, so the boundary stays in view while the student
// reads the curves, the layers, the confusion matrix or the comparison. A tab is a
// registry entry placed at 'tab' (panels/registry.ts).
import type { StringKey } from '../../app/i18n';
import { el, uid, type Localizer } from './ui';

export interface SideTab {
  /** Stable id (data-tab), also what a preset or lesson may open. */
  id: string;
  label: StringKey;
  panel: HTMLElement;
  /** The hide= id of the panel: it removes the tab too. */
  hide: string;
}

export class SideTabs {
  readonly root: HTMLElement;
  readonly #tabs: { tab: SideTab; button: HTMLButtonElement; box: HTMLElement }[];
  #active = '';
  readonly #onSelect: (id: string) => void;

  constructor(L: Localizer, tabs: readonly SideTab[], onSelect: (id: string) => void) {
    this.#onSelect = onSelect;
    const list = el('div', { cls: 'nt-tabs', attrs: { role: 'tablist' } });
    L.attr(list, 'aria-label', 'diagnosticsLabel');
    const boxes = el('div', { cls: 'nt-tab-panels' });
    this.#tabs = tabs.map((tab) => {
      const id = uid('tab');
      const button = L.text(el('button', { cls: 'nt-tab', attrs: { type: 'button', role: 'tab', id, 'data-tab': tab.id } }), tab.label);
      const box = el('div', { cls: 'nt-tab-panel', attrs: { role: 'tabpanel', 'aria-labelledby': id } }, [tab.panel]);
      box.dataset.tabPanel = tab.id;
      button.dataset.control = tab.hide;
      // On a phone the diagnostics start closed and a second tap closes them again.
      button.addEventListener('click', () => (this.#active === tab.id && narrow() ? this.select('') : this.select(tab.id)));
      list.append(button);
      boxes.append(box);
      return { tab, button, box };
    });
    list.addEventListener('keydown', (e) => {
      const i = this.#tabs.findIndex((t) => t.button === document.activeElement);
      const n = this.#tabs.length;
      const to = i < 0 ? undefined : { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      this.#tabs[to].button.focus();
      this.select(this.#tabs[to].tab.id);
    });
    this.root = el('section', { cls: 'nt-side' }, [list, boxes]);
    this.select(narrow() ? '' : (tabs[0]?.id ?? ''));
    // hide= may remove the open tab: the next one still shown opens instead.
    new MutationObserver(() => {
      const open = this.#tabs.find((t) => t.tab.id === this.#active);
      if (open?.button.hidden) this.select(this.#tabs.find((t) => !t.button.hidden)?.tab.id ?? '');
    }).observe(list, { subtree: true, attributeFilter: ['hidden'] });
  }

  get active(): string {
    return this.#active;
  }

  /** Shows the tab `id`; '' closes every panel. */
  select(id: string): void {
    if (id !== '' && !this.#tabs.some((t) => t.tab.id === id)) return;
    this.#active = id;
    for (const { tab, button, box } of this.#tabs) {
      const on = tab.id === id;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on || (id === '' && tab === this.#tabs[0].tab) ? 0 : -1;
      box.hidden = !on;
    }
    this.#onSelect(id);
  }
}

/** One column: the diagnostics are a tap away instead of a screen long. */
function narrow(): boolean {
  return matchMedia('(max-width: 759px)').matches;
}
