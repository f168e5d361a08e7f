// The studio's title and its presets: one button per preset (the one matching
// the state is pressed) and a line saying what to watch in it.
import { PRESETS, matchPreset, type PresetId } from '../model/presets';
import type { TrainState } from '../model/train-state';
import type { ConfigSchema } from '../../../engine/engine';
import { el, setText, show, type Localizer } from '../ui';

export function studioIntro(L: Localizer): HTMLElement {
  return el('header', { cls: 'nt-intro' }, [L.text(el('h2', { cls: 'nt-title' }), 'title'), L.text(el('p', { cls: 'nt-lead' }), 'lead')]);
}

export class PresetsBox {
  readonly root: HTMLElement;
  readonly #L: Localizer;
  readonly #schema: ConfigSchema;
  readonly #buttons = new Map<PresetId, HTMLButtonElement>();
  readonly #watch: HTMLElement;
  #watchId: PresetId | null = null;

  constructor(L: Localizer, schema: ConfigSchema, pick: (id: PresetId) => void) {
    this.#L = L;
    this.#schema = schema;
    const row = el('div', { cls: 'nt-preset-buttons', attrs: { role: 'group' } });
    L.attr(row, 'aria-label', 'presetsLabel');
    for (const id of PRESETS) {
      const b = L.text(el('button', { cls: 'nt-preset', attrs: { type: 'button', 'aria-pressed': 'false' } }), `preset_${id}`);
      b.dataset.preset = id;
      b.addEventListener('click', () => {
        this.#watchId = id;
        pick(id);
      });
      this.#buttons.set(id, b);
      row.append(b);
    }
    this.#watch = el('p', { cls: 'nt-watch', attrs: { 'aria-live': 'polite' } });
    this.root = el('section', { cls: 'nt-presets' }, [L.text(el('h3', { cls: 'nt-presets-title' }), 'presets'), row, this.#watch]);
    L.onChange(() => this.#watchText());
  }

  set(s: TrainState): void {
    const active = matchPreset(s, this.#schema);
    for (const [id, b] of this.#buttons) b.setAttribute('aria-pressed', String(id === active));
    if (active) this.#watchId = active;
    this.#watchText();
  }

  #watchText(): void {
    const id = this.#watchId;
    setText(this.#watch, id ? `${this.#L.t('watch')}: ${this.#L.t(`presetWatch_${id}`)}` : '');
    show(this.#watch, id !== null);
  }
}
