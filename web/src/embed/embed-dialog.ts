// The masthead's "Embed" button and its dialog: the two snippets for the
// current state (embed-code.ts) in read-only text areas, each with a Copy
// button. The clipboard may be refused (an insecure origin, a permission
// policy): the text is then selected for Ctrl+C. Text only, never markup.
import { applyStrings, t, type Lang, type StringKey } from '../app/i18n';
import { h, uniqueId } from '../ui/dom';
import { embedSnippets } from './embed-code';

const SVG = 'http://www.w3.org/2000/svg';

function codeIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M8 7l-5 5 5 5M16 7l5 5-5 5M13.5 4l-3 16');
  svg.append(path);
  return svg;
}

const pageLang = (): Lang => (document.documentElement.lang.startsWith('zh') ? 'zh' : 'en');

function snippetBlock(head: StringKey, kind: 'element' | 'iframe', status: HTMLElement) {
  const id = uniqueId('embed-code');
  const area = h('textarea', {
    cls: 'embed-code',
    attrs: { id, readonly: '', rows: kind === 'element' ? '5' : '4', spellcheck: 'false', 'data-snippet': kind },
  });
  const copy = h('button', { cls: 'embed-copy', i18n: 'embedCopy', attrs: { type: 'button', 'data-copy': kind } });
  copy.addEventListener('click', () => {
    const done = (key: StringKey) => {
      status.dataset.i18n = key;
      status.textContent = t(pageLang(), key);
    };
    // A refused or missing clipboard: leave the text selected for Ctrl+C.
    const manual = () => {
      area.focus();
      area.select();
      done('embedCopyManual');
    };
    if (!navigator.clipboard) manual();
    else navigator.clipboard.writeText(area.value).then(() => done('embedCopied'), manual);
  });
  const block = h('section', { cls: 'embed-block' }, [
    h('div', { cls: 'embed-block-head' }, [h('label', { i18n: head, attrs: { for: id } }), copy]),
    area,
  ]);
  return { block, area };
}

export function mountEmbedDialog(slot: HTMLElement): void {
  const button = h('button', {
    cls: 'embed-button',
    label: 'embedButtonLabel',
    attrs: { type: 'button', id: 'embed-button', 'aria-haspopup': 'dialog' },
  }, [codeIcon(), h('span', { i18n: 'embedButton' })]);
  const titleId = uniqueId('embed-title');
  const status = h('p', { cls: 'embed-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const element = snippetBlock('embedElementHead', 'element', status);
  const iframe = snippetBlock('embedIframeHead', 'iframe', status);
  const close = h('button', { cls: 'embed-close', text: '×', label: 'embedClose', attrs: { type: 'button' } });
  const dialog = h('dialog', { cls: 'embed-dialog', attrs: { 'aria-labelledby': titleId, id: 'embed-dialog' } }, [
    h('div', { cls: 'embed-dialog-head' }, [h('h2', { i18n: 'embedTitle', attrs: { id: titleId } }), close]),
    h('p', { cls: 'embed-intro', i18n: 'embedIntro' }),
    element.block,
    iframe.block,
    status,
  ]);
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) {
      const r = dialog.getBoundingClientRect();
      const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
      if (!inside) dialog.close();
    }
  });
  button.addEventListener('click', () => {
    const snippets = embedSnippets(location.href, pageLang());
    element.area.value = snippets.element;
    iframe.area.value = snippets.iframe;
    status.textContent = '';
    delete status.dataset.i18n;
    applyStrings(dialog, pageLang());
    dialog.showModal();
  });
  slot.append(button, dialog);
  applyStrings(slot, pageLang());
}
