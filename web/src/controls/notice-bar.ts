// Notices above the views: link values that were not understood (and what was
// used instead), or the scalar fallback. Text only; each can be dismissed.
import { h } from '../ui/dom';

export interface Notice {
  id: string;
  tone: 'info' | 'warn';
  lines: string[];
}

export class NoticeBar {
  readonly element: HTMLElement;
  readonly #onDismiss: (id: string) => void;
  #closeLabel = 'Dismiss';

  constructor(parent: HTMLElement, onDismiss: (id: string) => void) {
    this.#onDismiss = onDismiss;
    this.element = h('div', { cls: 'notices', attrs: { role: 'status', 'aria-live': 'polite' } });
    parent.append(this.element);
  }

  show(notices: readonly Notice[], closeLabel: string): void {
    this.#closeLabel = closeLabel;
    this.element.replaceChildren(
      ...notices.map((n) => {
        const close = h('button', { cls: 'notice-close', text: '×', attrs: { type: 'button', 'aria-label': this.#closeLabel } });
        close.addEventListener('click', () => this.#onDismiss(n.id));
        const [head, ...rest] = n.lines;
        return h('div', { cls: `notice notice-${n.tone}`, attrs: { 'data-notice': n.id } }, [
          h('div', { cls: 'notice-body' }, [
            h('p', { cls: 'notice-head', text: head }),
            ...(rest.length > 0 ? [h('ul', {}, rest.map((line) => h('li', { text: line })))] : []),
          ]),
          close,
        ]);
      }),
    );
  }
}
