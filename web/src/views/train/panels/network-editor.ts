// The network editor: one row per hidden layer (units − / +, activation or
// maxout, its parameter), add/remove layer; and the fields the settings card
// shows (one activation for every layer, the output head, weight and bias
// initialisation). Every change is a structural one: the view rebuilds.
import type { Engine, HeadName, InitName } from '../../../engine/engine';
import type { StringKey } from '../../../app/i18n';
import { VALUE_MENUS, nameMenus } from '../controls/control-menus';
import { MAXOUT, type LayerSpec, type TrainState } from '../model/train-state';
import { limit } from '../model/train-rules';
import { SelectField, button, el, setText, uid, type Choice, type Localizer } from '../ui';

type Patch = (s: TrainState) => void;

interface Row {
  root: HTMLElement;
  name: HTMLElement;
  units: HTMLElement;
  minus: HTMLButtonElement;
  plus: HTMLButtonElement;
  act: SelectField<string>;
  params: HTMLElement;
}


export class NetworkEditor {
  readonly root: HTMLElement;
  /** For the settings card: basic (all layers' activation, the head) and advanced (initialisation). */
  readonly basicFields: HTMLElement[];
  readonly advancedFields: HTMLElement[];
  readonly #all: SelectField<string>;
  readonly #L: Localizer;
  readonly #engine: Engine;
  readonly #change: (p: Patch) => void;
  readonly #rows: HTMLElement;
  readonly #count: HTMLElement;
  readonly #add: HTMLButtonElement;
  readonly #remove: HTMLButtonElement;
  readonly #head: SelectField<HeadName>;
  readonly #init: SelectField<InitName>;
  readonly #sigma: SelectField<number>;
  readonly #bias: SelectField<number>;
  #layerRows: Row[] = [];
  readonly #maxUnits: number;
  readonly #maxLayers: number;
  #layers: LayerSpec[] = [];

  constructor(L: Localizer, engine: Engine, change: (p: Patch) => void) {
    this.#L = L;
    this.#engine = engine;
    this.#change = change;
    this.#count = el('span', { cls: 'nt-layer-count' });
    this.#add = button(L, 'addLayer', () => this.#edit((s) => s.layers.push({ ...(s.layers.at(-1) ?? { units: 4, activation: 'relu', pieces: 2 }) })), 'nt-btn nt-btn-small');
    this.#remove = button(L, 'removeLayer', () => this.#edit((s) => s.layers.pop()), 'nt-btn nt-btn-small');
    this.#rows = el('ol', { cls: 'nt-layer-rows' });
    const schema = engine.configSchema();
    this.#maxUnits = limit(schema, 'units').max ?? 1;
    this.#maxLayers = schema.maxHiddenLayers;
    const names = nameMenus(schema);
    // The core's names: each needs its head_/init_ string (tests/wasm/config-schema.test.ts).
    this.#head = new SelectField(L, 'head', names.head.map((h) => ({ value: h as HeadName, label: `head_${h}` as StringKey })), (v) => this.#edit((s) => (s.head = v)));
    this.#init = new SelectField(L, 'init', names.init.map((i) => ({ value: i as InitName, label: `init_${i}` as StringKey })), (v) => this.#edit((s) => (s.init = v)));
    this.#sigma = new SelectField(L, 'initSigma', VALUE_MENUS.initSigma.map(num), (v) => this.#edit((s) => (s.initSigma = v)));
    this.#bias = new SelectField(L, 'biasInit', VALUE_MENUS.biasInit.map(num), (v) => this.#edit((s) => (s.biasInit = v)));
    this.#all = new SelectField<string>(L, 'activationAll', this.#allChoices(), (v) => v !== '' && this.#edit((s) => {
      const [a, pieces] = v.split(':');
      s.layers = s.layers.map((l) => ({ units: l.units, activation: a, pieces: pieces ? Number(pieces) : 2 }));
    }));
    this.#all.root.dataset.field = 'act';
    this.#head.root.dataset.field = 'head';
    this.#init.root.dataset.field = 'init';
    this.#sigma.root.dataset.field = 'sigma';
    this.#bias.root.dataset.field = 'bias';
    this.basicFields = [this.#all.root, this.#head.root];
    this.advancedFields = [this.#init.root, this.#sigma.root, this.#bias.root];
    this.root = el('div', { cls: 'nt-editor' }, [
      el('div', { cls: 'nt-editor-bar' }, [this.#count, el('span', { cls: 'nt-btn-group' }, [this.#remove, this.#add])]),
      this.#rows,
      L.text(el('p', { cls: 'nt-card-hint' }), 'structureNote'),
    ]);
    L.onChange(() => this.#relabel());
  }

  set(s: TrainState): void {
    this.#layers = s.layers.map((l) => ({ ...l }));
    if (this.#layerRows.length !== s.layers.length) {
      const focused = this.#rows.contains(document.activeElement);
      this.#layerRows = s.layers.map((_, i) => this.#row(i));
      this.#rows.replaceChildren(...this.#layerRows.map((r) => r.root));
      if (focused) this.#add.focus();
    }
    s.layers.forEach((l, i) => this.#fill(this.#layerRows[i], l, i));
    this.#add.disabled = s.layers.length >= this.#maxLayers;
    this.#remove.disabled = s.layers.length === 0;
    this.#head.set(s.head, this.#L.t(`head_${s.head}`));
    const acts = new Set(s.layers.map(layerValue));
    this.#all.set(acts.size === 1 ? [...acts][0] : '');
    this.#all.select.disabled = s.layers.length === 0;
    this.#init.set(s.init);
    this.#sigma.set(s.initSigma);
    this.#sigma.root.hidden = s.init !== 'large_normal';
    this.#bias.set(s.biasInit);
    this.#counts();
  }

  #edit(p: Patch): void {
    this.#change(p);
  }

  #row(i: number): Row {
    const L = this.#L;
    const name = el('span', { cls: 'nt-layer-name' });
    const units = el('output', { cls: 'nt-units' });
    const n = String(i + 1);
    const minus = L.attr(el('button', { cls: 'nt-btn nt-btn-icon', text: '−', attrs: { type: 'button' } }), 'aria-label', 'removeUnit', () => ({ n }));
    const plus = L.attr(el('button', { cls: 'nt-btn nt-btn-icon', text: '+', attrs: { type: 'button' } }), 'aria-label', 'addUnit', () => ({ n }));
    minus.addEventListener('click', () => this.#edit((s) => (s.layers[i].units = Math.max(1, s.layers[i].units - 1))));
    plus.addEventListener('click', () => this.#edit((s) => (s.layers[i].units = Math.min(this.#maxUnits, s.layers[i].units + 1))));
    const act = new SelectField<string>(L, 'activationOf', this.#activationChoices(), (v) => this.#edit((s) => {
      const [a, pieces] = v.split(':');
      s.layers[i] = { units: s.layers[i].units, activation: a, pieces: pieces ? Number(pieces) : 2 };
    }), 'nt-field-inline');
    const label = act.root.querySelector('label');
    if (label) L.text(label, 'activationOf', () => ({ n }));
    label?.classList.add('visually-hidden');
    const params = el('span', { cls: 'nt-layer-params' });
    const root = el('li', { cls: 'nt-layer-row' }, [name, el('span', { cls: 'nt-stepper' }, [minus, units, plus]), act.root, params]);
    return { root, name, units, minus, plus, act, params };
  }

  #fill(r: Row, l: LayerSpec, i: number): void {
    r.act.set(layerValue(l));
    r.minus.disabled = l.units <= 1;
    r.plus.disabled = l.units >= this.#maxUnits;
    const info = l.activation === MAXOUT ? null : this.#engine.activationInfo(l.activation);
    const names = info ? info.params.map((p) => p.name) : [];
    const have = [...r.params.querySelectorAll<HTMLInputElement>('input')].map((x) => x.dataset.param);
    if (have.join() !== names.join()) {
      r.params.replaceChildren(...(info?.params ?? []).map((p) => {
        const id = uid('param');
        const input = el('input', {
          attrs: { id, type: 'number', min: String(p.min), max: String(p.max), step: String(p.step), inputmode: 'decimal' },
        });
        input.dataset.param = p.name;
        input.addEventListener('change', () => {
          const v = Number(input.value);
          if (input.value !== '' && Number.isFinite(v) && v >= p.min && v <= p.max) this.#edit((s) => (s.layers[i][p.name] = v));
          else input.value = String(this.#layers[i]?.[p.name] ?? p.default);
        });
        const lab = el('label', { attrs: { for: id }, text: p.label[this.#L.lang] });
        lab.dataset.en = p.label.en;
        lab.dataset.zh = p.label.zh;
        return el('span', { cls: 'nt-param' }, [lab, input]);
      }));
    }
    for (const input of r.params.querySelectorAll<HTMLInputElement>('input')) {
      const p = info?.params.find((q) => q.name === input.dataset.param);
      const name = input.dataset.param as 'alpha' | 'lower' | 'upper';
      const v = String(l[name] ?? p?.default ?? '');
      if (document.activeElement !== input && input.value !== v) input.value = String(Number(Number(v).toPrecision(4)));
      input.setAttribute('aria-label', this.#L.t('paramOf', { param: p?.label[this.#L.lang] ?? name, n: String(i + 1) }));
    }
  }

  #activationChoices(): Choice<string>[] {
    const acts: Choice<string>[] = this.#engine.activationNames().map((a) => ({
      value: a,
      label: { text: this.#engine.activationInfo(a).display[this.#L.lang] },
    }));
    const maxout = VALUE_MENUS.pieces.map((k) => ({ value: `${MAXOUT}:${k}`, label: { text: this.#L.t('maxoutN', { n: String(k) }) } }));
    return [...acts, ...maxout];
  }

  /** Every layer's activation at once; '' shows that the layers differ. */
  #allChoices(): Choice<string>[] {
    return [{ value: '', label: 'activationMixed' }, ...this.#activationChoices()];
  }

  #counts(): void {
    const L = this.#L;
    const n = this.#layers.length;
    setText(this.#count, n === 1 ? L.t('hiddenLayer1') : n === 0 ? L.t('hiddenLayers0') : L.t('hiddenLayers', { n: String(n) }));
    this.#layerRows.forEach((r, i) => {
      setText(r.name, L.t('layerN', { n: String(i + 1) }));
      setText(r.units, String(this.#layers[i]?.units ?? ''));
      r.units.setAttribute('aria-label', L.t('unitsN', { n: String(this.#layers[i]?.units ?? '') }));
    });
  }

  #relabel(): void {
    const L = this.#L;
    this.#counts();
    this.#all.setChoices(this.#allChoices());
    this.#layerRows.forEach((r) => {
      r.act.setChoices(this.#activationChoices());
      for (const lab of r.params.querySelectorAll<HTMLElement>('label')) setText(lab, (L.lang === 'zh' ? lab.dataset.zh : lab.dataset.en) ?? '');
    });
  }
}

function layerValue(l: LayerSpec): string {
  return l.activation === MAXOUT ? `${MAXOUT}:${l.pieces}` : l.activation;
}

function num(v: number): Choice<number> {
  return { value: v, label: { text: String(v).replace('-', '−') } };
}
