// The data card: a picker with a thumbnail of every data set, noise, the
// training share, k for the k-class spiral, regenerate, the input features
// (2-D sets), and for your own data the class to add by clicking, clearing,
// and a CSV import whose errors are shown right under it.
import type { DatasetKind, Engine, FeatureName } from '../../../engine/engine';
import { featureText } from '../model/train-rules';
import { THUMB_PX, drawThumb } from '../charts/data-thumbs';
import { classColor, css } from '../../../charts/theme';
import { MAX_LINK_POINTS } from '../model/custom-points';
import { CUSTOM_CLASSES, type CustomData } from '../model/data-source';
import { VALUE_MENUS, nameMenus, slider } from '../controls/control-menus';
import { DATA_KINDS, isPlane, type TrainState } from '../model/train-state';
import { IdleQueue } from '../idle-queue';
import { SelectField, button, card, checkbox, el, setText, show, uid, type Localizer } from '../ui';

type Patch = (s: TrainState) => void;

export interface DataPanelActions {
  change: (p: Patch) => void;
  clearPoints: () => void;
  copyPoints: () => void;
  importCsv: (text: string, regression: boolean) => void;
}


export class DataPanel {
  readonly root: HTMLElement;
  /** The class new clicked points get. */
  addClass = 0;
  readonly #L: Localizer;
  readonly #engine: Engine;
  readonly #custom: CustomData;
  readonly #kinds = new Map<DatasetKind, { button: HTMLButtonElement; canvas: HTMLCanvasElement }>();
  readonly #noise: HTMLInputElement;
  readonly #noiseOut: HTMLOutputElement;
  readonly #split: HTMLInputElement;
  readonly #splitOut: HTMLOutputElement;
  readonly #classes: SelectField<number>;
  readonly #generated: HTMLElement;
  readonly #features: HTMLElement;
  readonly #featureBoxes = new Map<FeatureName, HTMLInputElement>();
  readonly #customBox: HTMLElement;
  readonly #classChips: HTMLButtonElement[] = [];
  readonly #count: HTMLElement;
  readonly #importMsg: HTMLElement;
  #thumbKey = '';
  /** The generated sets' thumbnails wait for idle time: the first frame does not need them. */
  readonly #thumbs = new IdleQueue();
  #state: TrainState | null = null;

  constructor(L: Localizer, engine: Engine, custom: CustomData, act: DataPanelActions) {
    this.#L = L;
    this.#engine = engine;
    this.#custom = custom;
    const c = card(L, 'data', 'nt-data');
    this.root = c.root;
    const picker = el('div', { cls: 'nt-kinds', attrs: { role: 'group' } });
    L.attr(picker, 'aria-label', 'dataChoice');
    for (const kind of DATA_KINDS) {
      const canvas = el('canvas', { cls: 'nt-kind-thumb', attrs: { 'aria-hidden': 'true', width: String(THUMB_PX), height: String(THUMB_PX) } });
      const name = L.text(el('span', { cls: 'nt-kind-name' }), `kind_${kind}`);
      const b = el('button', { cls: 'nt-kind', attrs: { type: 'button', 'aria-pressed': 'false' } }, [canvas, name]);
      b.dataset.kind = kind;
      b.addEventListener('click', () => act.change((s) => (s.data = kind)));
      this.#kinds.set(kind, { button: b, canvas });
      picker.append(b);
    }
    const schema = engine.configSchema();
    const range = ({ min, max, step }: { min: number; max: number; step: number }) =>
      el('input', { attrs: { type: 'range', min: String(min), max: String(max), step: String(step), id: uid('rng') } });
    this.#noise = range(slider(schema, 'noise'));
    this.#noiseOut = el('output', { cls: 'nt-range-value' });
    this.#noise.addEventListener('input', () => setText(this.#noiseOut, this.#noise.value));
    this.#noise.addEventListener('change', () => act.change((s) => (s.noise = Number(this.#noise.value))));
    this.#split = range(slider(schema, 'trainFraction'));
    this.#splitOut = el('output', { cls: 'nt-range-value' });
    this.#split.addEventListener('input', () => setText(this.#splitOut, `${Math.round(Number(this.#split.value) * 100)}%`));
    this.#split.addEventListener('change', () => act.change((s) => (s.trainFraction = Number(this.#split.value))));
    const rangeField = (label: 'noise' | 'trainShare', input: HTMLInputElement, out: HTMLOutputElement) =>
      el('div', { cls: 'nt-field nt-range' }, [L.text(el('label', { attrs: { for: input.id } }), label), input, out]);
    this.#classes = new SelectField(L, 'classes', VALUE_MENUS.classes.map((v) => ({ value: v, label: { text: String(v) } })), (v) => act.change((s) => (s.classes = v)));
    const regenerate = button(L, 'regenerate', () => act.change((s) => (s.dataSeed = (s.dataSeed + 1) % 4294967296)));
    this.#generated = el('div', { cls: 'nt-fields' }, [rangeField('noise', this.#noise, this.#noiseOut), this.#classes.root, regenerate]);
    const split = rangeField('trainShare', this.#split, this.#splitOut);

    const featList = el('div', { cls: 'nt-chips' });
    const features = nameMenus(schema).features as readonly FeatureName[];
    for (const f of features) {
      const box = checkbox(L, { text: featureText(schema, f) }, (on) => act.change((s) => {
        const next = features.filter((g) => (g === f ? on : s.features.includes(g)));
        if (next.length > 0) s.features = next;
      }));
      box.root.classList.add('nt-chip');
      this.#featureBoxes.set(f, box.input);
      featList.append(box.root);
    }
    this.#features = el('fieldset', { cls: 'nt-features' }, [L.text(el('legend'), 'features'), featList, L.text(el('p', { cls: 'nt-card-hint' }), 'featuresHint')]);

    // Your own data.
    const chips = el('div', { cls: 'nt-chips', attrs: { role: 'group' } });
    for (let k = 0; k < CUSTOM_CLASSES; k++) {
      const dot = el('span', { cls: 'nt-dot', attrs: { 'aria-hidden': 'true' } });
      dot.style.backgroundColor = css(classColor(k));
      const text = L.text(el('span'), 'classN', () => ({ n: String(k) }));
      const chip = el('button', { cls: 'nt-class-chip', attrs: { type: 'button', 'aria-pressed': 'false' } }, [dot, text]);
      chip.addEventListener('click', () => this.#pickClass(k));
      this.#classChips.push(chip);
      chips.append(chip);
    }
    const addLabel = L.text(el('p', { cls: 'nt-field-label', attrs: { id: uid('lab') } }), 'addPointsAs');
    chips.setAttribute('aria-labelledby', addLabel.id);
    this.#count = el('p', { cls: 'nt-card-hint' });
    const fileId = uid('file');
    const file = el('input', { cls: 'visually-hidden', attrs: { type: 'file', id: fileId, accept: '.csv,text/csv,text/plain' } });
    const fileLabel = L.text(el('label', { cls: 'nt-btn', attrs: { for: fileId } }), 'importCsv');
    const regression = checkbox(L, 'regressionTarget', () => undefined);
    this.#importMsg = el('p', { cls: 'nt-import-msg', attrs: { role: 'status' } });
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (!f) return;
      void f.text().then((text) => act.importCsv(text, regression.input.checked));
      file.value = '';
    });
    this.#customBox = el('div', { cls: 'nt-custom' }, [
      addLabel, chips, this.#count,
      el('div', { cls: 'nt-btn-row' }, [button(L, 'clearPoints', act.clearPoints), button(L, 'copyPoints', act.copyPoints)]),
      el('div', { cls: 'nt-import' }, [file, fileLabel, regression.root, L.text(el('p', { cls: 'nt-card-hint' }), 'importHint'), this.#importMsg]),
    ]);
    c.body.append(picker, this.#generated, split, this.#features, this.#customBox);
    this.#pickClass(0);
  }

  /** The import result: an error (shown in place) or a success line. */
  setImportMessage(text: string, error: boolean): void {
    setText(this.#importMsg, text);
    this.#importMsg.classList.toggle('nt-error', error);
    this.#importMsg.setAttribute('role', error ? 'alert' : 'status');
  }

  set(s: TrainState): void {
    this.#state = s;
    for (const [kind, { button: b }] of this.#kinds) b.setAttribute('aria-pressed', String(kind === s.data));
    const generated = !['digits', 'iris', 'custom'].includes(s.data);
    show(this.#generated, generated);
    show(this.#classes.root, s.data === 'spiral_k');
    this.#classes.set(s.classes);
    this.#noise.value = String(s.noise);
    setText(this.#noiseOut, String(s.noise));
    this.#split.value = String(s.trainFraction);
    setText(this.#splitOut, `${Math.round(s.trainFraction * 100)}%`);
    show(this.#features, isPlane(s.data, this.#custom.inputs));
    for (const [f, box] of this.#featureBoxes) box.checked = s.features.includes(f);
    show(this.#customBox, s.data === 'custom');
    this.refreshCustom();
    const key = `${s.noise}|${s.dataSeed}`;
    if (key !== this.#thumbKey) {
      this.#thumbKey = key;
      const kinds = [...this.#kinds].filter(([kind]) => kind !== 'custom');
      this.#thumbs.replace(kinds.map(([kind, { canvas }]) => () => drawThumb(canvas, this.#engine, kind, s.noise, s.dataSeed, [])));
    }
  }

  /** After points were added or imported. */
  refreshCustom(): void {
    const c = this.#custom;
    const n = c.size;
    const count = n < 2 ? this.#L.t('needPoints') : this.#L.t('pointCount', { n: String(n) });
    // Say when the link cannot hold all of the data.
    const link = c.file ? this.#L.t('cptsFile')
      : n > MAX_LINK_POINTS ? this.#L.t('cptsTruncated', { max: String(MAX_LINK_POINTS), n: String(n) }) : '';
    setText(this.#count, link ? `${count} ${link}` : count);
    const thumb = this.#kinds.get('custom');
    if (thumb && this.#state) drawThumb(thumb.canvas, this.#engine, 'custom', 0, 0, c.points);
    for (const chip of this.#classChips) chip.disabled = !c.editable;
  }

  destroy(): void {
    this.#thumbs.destroy();
  }

  redrawThumbs(): void {
    this.#thumbKey = '';
    if (this.#state) this.set(this.#state);
  }

  #pickClass(k: number): void {
    this.addClass = k;
    this.#classChips.forEach((chip, i) => chip.setAttribute('aria-pressed', String(i === k)));
  }
}
