// The values under the cursor: x, and f(x) and f′(x) for every selected
// activation. Hovering a chart moves the probe; so do the probe slider's arrow
// keys, which makes the readout reachable without a mouse.
import { h, hideable, setText, uniqueId } from '../../ui/dom';
import type { Curves } from './explore-data';
import { formatNumber } from '../../ui/format';
import { t, type Lang } from '../../app/i18n';
import { swatch } from '../../charts/series-style';

interface Row {
  name: HTMLElement;
  f: HTMLElement;
  df: HTMLElement;
}

export class ReadoutView {
  readonly element: HTMLElement;
  readonly #probe: HTMLInputElement;
  readonly #x: HTMLElement;
  readonly #body: HTMLTableSectionElement;
  #rows: Row[] = [];
  #count = -1;

  constructor(parent: HTMLElement, onProbe: (index: number) => void) {
    const id = uniqueId('probe');
    this.#probe = h('input', { cls: 'probe-range', attrs: { id, type: 'range', min: '0', step: '1' } });
    this.#probe.addEventListener('input', () => onProbe(Number(this.#probe.value)));
    this.#x = h('output', { cls: 'readout-x', attrs: { for: id } });
    this.#body = h('tbody');
    const table = h('table', { cls: 'readout-table' }, [
      h('thead', {}, [
        h('tr', {}, [
          h('th', { i18n: 'readoutActivation', attrs: { scope: 'col' } }),
          h('th', { text: 'f(x)', attrs: { scope: 'col' } }),
          h('th', { text: 'f′(x)', attrs: { scope: 'col' } }),
        ]),
      ]),
      this.#body,
    ]);
    this.element = hideable(h('section', { cls: 'card readout', label: 'readoutTitle' }), 'readout');
    this.element.append(
      h('div', { cls: 'readout-head' }, [
        h('label', { cls: 'card-title', i18n: 'readoutProbe', attrs: { for: id } }),
        this.#x,
      ]),
      this.#probe,
      h('div', { cls: 'table-scroll' }, [table]),
      h('p', { cls: 'hint', i18n: 'readoutHint' }),
    );
    parent.append(this.element);
  }

  update(data: Curves, labels: readonly string[], index: number, lang: Lang): void {
    const n = data.x.length;
    this.#probe.max = String(n - 1);
    if (document.activeElement !== this.#probe) this.#probe.value = String(index);
    const x = data.x[index];
    const xText = `x = ${formatNumber(x, 4)}`;
    setText(this.#x, xText);
    this.#probe.setAttribute('aria-valuetext', xText);
    this.#probe.setAttribute('aria-label', t(lang, 'readoutProbe'));
    this.element.dataset.x = String(x);
    if (labels.length !== this.#count) this.#rebuild(labels.length);
    data.curves.forEach((c, i) => {
      const row = this.#rows[i];
      setText(row.name, labels[i]);
      setText(row.f, formatNumber(c.f[index], 4));
      setText(row.df, formatNumber(c.df[index], 4));
      row.f.dataset.value = String(c.f[index]);
      row.df.dataset.value = String(c.df[index]);
    });
  }

  #rebuild(count: number): void {
    this.#count = count;
    this.#rows = [];
    this.#body.replaceChildren();
    for (let slot = 0; slot < count; slot++) {
      const name = h('span');
      const row: Row = { name, f: h('td', { cls: 'num', attrs: { 'data-col': 'f' } }), df: h('td', { cls: 'num', attrs: { 'data-col': 'df' } }) };
      this.#body.append(h('tr', {}, [h('th', { attrs: { scope: 'row' } }, [swatch(slot), name]), row.f, row.df]));
      this.#rows.push(row);
    }
  }
}
