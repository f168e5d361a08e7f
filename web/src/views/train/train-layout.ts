// Builds the studio's DOM from its panels and keeps them in step with the
// state. One screen (≥ 1366×768): the title and presets, the transport bar
// (sticky on a phone), then four columns: data and settings · network ·
// output with the loss curve · the diagnostics as tabs (SIDE_PANELS).
import type { Engine, Metrics, Trainer } from '../../engine/engine';
import { StudioAlts } from './studio-alts';
import { NetworkDiagram, type DiagramHover } from './charts/network-diagram';
import { ComparePanel, type CompareActions } from './panels/compare-panel';
import { ConfusionView } from './panels/confusion-view';
import { CurvesPanel } from './panels/curves-panel';
import { DataPanel, type DataPanelActions } from './panels/data-panel';
import { featureText } from './model/train-rules';
import { DivergenceBanner, sci, type BannerActions } from './panels/divergence-banner';
import { exportCharts } from './panels/export-charts';
import { ExportPanel } from './panels/export-panel';
import { HyperPanel } from './panels/hyper-panel';
import { LayersPanel } from './panels/layers-panel';
import { NetworkEditor } from './panels/network-editor';
import { OutputPanel, type OutputActions } from './panels/output-panel';
import { PRESETS, matchPreset, type PresetId } from './model/presets';
import type { FrameHost } from './model/runner';
import type { Session } from './model/session';
import { problemLine as noticeText } from '../../app/notice-text';
import type { Problem } from '../../app/url-values';
import { MAXOUT, defaultTrainState, type LayerSpec, type TrainState } from './model/train-state';
import { Transport, type TransportActions } from './controls/transport';
import { ParamEditor, paramTarget } from './controls/param-editor';
import { SideTabs } from './side-tabs';
import { fitStage } from './stage-fit';
import { inputMaps } from './model/input-maps';
import { card, el, setText, show, type Localizer } from './ui';
import { hideable } from '../../ui/dom';
import type { StringKey } from '../../app/i18n';

export interface LayoutActions extends TransportActions, BannerActions, DataPanelActions, OutputActions, CompareActions {
  preset: (id: PresetId) => void;
  /** A diagnostics tab opened: its charts draw now. */
  tabShown: () => void;
  /** Sets one weight or bias; returns why it was refused, or null. */
  setParameter: (layer: number, unit: number, from: number | 'bias', value: number) => string | null;
  /** Loads a model file's text; resolves to its step, throws on a bad file. */
  importModel: (text: string) => Promise<number>;
}

export class Panels {
  readonly root: HTMLElement;
  readonly L: Localizer;
  readonly transport: Transport;
  readonly banner: DivergenceBanner;
  readonly data: DataPanel;
  readonly editor: NetworkEditor;
  readonly diagram: NetworkDiagram;
  readonly output: OutputPanel;
  readonly hyper: HyperPanel;
  readonly curves: CurvesPanel;
  readonly layers: LayersPanel;
  readonly confusion: ConfusionView;
  readonly compare: ComparePanel;
  readonly alts: StudioAlts;
  readonly exporter: ExportPanel;
  readonly side: SideTabs;
  readonly paramEditor: ParamEditor;
  readonly status: { set: (text: string, error?: boolean) => void };
  readonly #engine: Engine;
  readonly #presetButtons = new Map<PresetId, HTMLButtonElement>();
  readonly #watch: HTMLElement;
  readonly #tip: HTMLElement;
  #watchId: PresetId | null = null;
  readonly #fit: () => void;
  readonly #sizer = new ResizeObserver(() => this.#fit());
  #state: TrainState | null = null;
  #names: string[] = [];
  #shape: { units: number[]; hidden: LayerSpec[]; regression: boolean } = { units: [], hidden: [], regression: false };

  constructor(L: Localizer, engine: Engine, session: Session, host: FrameHost, act: LayoutActions, notices: Problem[]) {
    this.L = L;
    this.#engine = engine;
    const intro = el('header', { cls: 'nt-intro' }, [L.text(el('h2', { cls: 'nt-title' }), 'title'), L.text(el('p', { cls: 'nt-lead' }), 'lead')]);
    const noticeBox = this.#notices(notices);
    const presetRow = el('div', { cls: 'nt-preset-buttons', attrs: { role: 'group' } });
    L.attr(presetRow, 'aria-label', 'presetsLabel');
    for (const id of PRESETS) {
      const b = L.text(el('button', { cls: 'nt-preset', attrs: { type: 'button', 'aria-pressed': 'false' } }), `preset_${id}`);
      b.dataset.preset = id;
      b.addEventListener('click', () => {
        this.#watchId = id;
        act.preset(id);
      });
      this.#presetButtons.set(id, b);
      presetRow.append(b);
    }
    this.#watch = el('p', { cls: 'nt-watch', attrs: { 'aria-live': 'polite' } });
    const presetBox = el('section', { cls: 'nt-presets' }, [L.text(el('h3', { cls: 'nt-presets-title' }), 'presets'), presetRow, this.#watch]);
    this.transport = new Transport(L, act);
    this.banner = new DivergenceBanner(L, act);
    const statusLine = el('p', { cls: 'nt-status', attrs: { role: 'status' } });
    this.status = {
      set: (text, error = false) => {
        setText(statusLine, text);
        statusLine.classList.toggle('nt-error', error);
      },
    };
    this.data = new DataPanel(L, engine, session.custom, act);
    this.editor = new NetworkEditor(L, engine, act.change);
    this.#tip = el('p', { cls: 'nt-diagram-tip', attrs: { 'aria-live': 'polite' } });
    this.diagram = new NetworkDiagram((h) => this.#hover(h));
    L.attr(this.diagram.canvas, 'aria-label', 'diagramLabel');
    this.paramEditor = new ParamEditor(L, (t, v) => act.setParameter(t.layer, t.unit, t.from, v));
    this.diagram.onPick = (h) => this.paramEditor.open(paramTarget(h, this.#pickLabel(h)));
    const net = card(L, 'network', 'nt-network');
    net.body.append(
      hideable(el('div', { cls: 'nt-slot' }, [this.diagram.root, this.#tip, this.paramEditor.root]), 'train-diagram'),
      hideable(this.editor.root, 'train-editor'),
    );
    this.output = new OutputPanel(L, act, engine);
    this.hyper = new HyperPanel(L, engine.configSchema(), act.change, this.editor.basicFields, this.editor.advancedFields);
    this.curves = new CurvesPanel(L);
    this.layers = new LayersPanel(L, engine);
    this.confusion = new ConfusionView(L);
    this.compare = new ComparePanel(L, engine, host, act);
    this.alts = new StudioAlts(L, {
      // The output's and the diagram's toggles sit in their card heads: no extra line on a phone.
      output: this.output, outputBox: this.output.root.querySelector('.nt-card-head') ?? this.output.root, curves: this.curves.charts, diagramBox: net.head,
      histograms: () => this.layers.charts, layerNames: () => this.#names, bounds: () => this.output.plot.bounds,
    });
    this.exporter = new ExportPanel(L, { charts: () => exportCharts(this), trained: () => session.exported(), importModel: act.importModel });
    // The diagnostics beside the output: one line per panel (its tab label and
    // its hide= id). A new panel is its own file plus one line here.
    const SIDE_PANELS: readonly [string, StringKey, HTMLElement, string][] = [
      ['curves', 'tab_curves', this.curves.root, 'train-curves'],
      ['layers', 'tab_layers', this.layers.root, 'train-layers'],
      ['confusion', 'tab_confusion', el('div', { cls: 'nt-slot' }, [this.confusion.root]), 'train-confusion'],
      ['compare', 'tab_compare', this.compare.root, 'train-compare'],
    ];
    this.side = new SideTabs(L, SIDE_PANELS.map(([id, label, panel, hide]) => ({ id, label, panel: hideable(panel, hide), hide })), () => act.tabShown());
    // data-control: hide=train-… removes a panel. Panels the studio shows and
    // hides itself sit in a display:contents slot, so the two never fight.
    const loss = el('div', { cls: 'nt-loss-slot' }, [this.curves.lossRoot]);
    const stage = el('div', { cls: 'nt-stage' }, [
      // Settings first: the basic controls and the data choice fit the screen; the Advanced group follows.
      el('div', { cls: 'nt-col nt-col-data' }, [
        hideable(this.hyper.root, 'train-hyper'), hideable(this.data.root, 'train-data'), hideable(this.hyper.advanced, 'train-hyper'),
      ]),
      el('div', { cls: 'nt-col nt-col-net' }, [hideable(net.root, 'train-network')]),
      el('div', { cls: 'nt-col nt-col-out' }, [hideable(this.output.root, 'train-output')]),
      // The loss curve beside the boundary, always in view; the diagnostics below it scroll.
      el('div', { cls: 'nt-col nt-col-side' }, [hideable(loss, 'train-curves'), this.side.root]),
    ]);
    const bar = el('div', { cls: 'nt-topbar' }, [this.transport.root, statusLine]);
    const head = el('div', { cls: 'nt-head' }, [hideable(intro, 'train-intro'), hideable(presetBox, 'train-presets')]);
    // Export and import: a band under the stage; it lists the charts in view.
    this.root = el('div', { cls: 'nt-view' }, [
      head, noticeBox, hideable(bar, 'train-transport'), this.banner.root, stage, hideable(this.#exportBand(), 'train-export'),
    ]);
    this.#fit = () => fitStage(stage, bar);
    this.#sizer.observe(document.body);
    addEventListener('resize', this.#fit);
    setText(this.#tip, L.t('editTip'));
    L.onChange(() => {
      setText(this.#tip, L.t('editTip'));
      this.#watchText();
      this.#nameLayers();
    });
  }

  sync(s: TrainState): void {
    // A link or preset that names activations to compare opens that tab.
    if (s.compare.length >= 2 && (this.#state?.compare.length ?? 0) < 2) this.side.select('compare');
    this.#state = s;
    const active = matchPreset(s, this.#engine.configSchema());
    for (const [id, b] of this.#presetButtons) b.setAttribute('aria-pressed', String(id === active));
    if (active) this.#watchId = active;
    this.#watchText();
    this.transport.setSpeed(s.speed);
    this.data.set(s);
    this.editor.set(s);
    this.hyper.set(s);
    this.hyper.revealAdvanced(s, defaultTrainState(this.#engine.configSchema()));
    this.output.set(s, s.data === 'custom');
    this.compare.set(s);
  }

  /** The export card in a band that a phone shows closed (one tap opens it). */
  #exportBand(): HTMLElement {
    const band = el('details', { cls: 'nt-export-band' }, [this.L.text(el('summary', { cls: 'nt-export-summary' }), 'exportTitle'), this.exporter.root]);
    band.open = !matchMedia('(max-width: 759px)').matches;
    return band;
  }

  /** Stops following the window's size (the view is destroyed). */
  destroy(): void {
    this.#sizer.disconnect();
    removeEventListener('resize', this.#fit);
  }

  /** A new network: diagram, curves, histograms and the confusion matrix follow its shape. */
  configureNetwork(t: Trainer | null, s: TrainState, plane: boolean): void {
    const units = t?.shape.units ?? [...s.layers.map((l) => l.units), 1];
    const hidden = s.layers.slice(0, Math.max(0, units.length - 1));
    const feats = plane ? inputMaps(this.#engine, s.features) : null;
    this.diagram.reset(t?.shape.inputs ?? 2, units, feats);
    this.paramEditor.close();
    this.output.plot.setNeuron(null);
    this.diagram.resize();
    this.#shape = { units, hidden, regression: (t?.shape.classes ?? 1) === 0 };
    this.#nameLayers();
    const classes = t?.shape.classes ?? 0;
    const counts = t !== null && t.shape.predictsClasses;
    this.confusion.setAvailable(counts);
    if (t && counts) this.confusion.configure(classes, t.data('test').classNames);
    this.exporter.refresh();
  }

  /** The input the diagram shows activations for. */
  probeInput(): Float32Array | null {
    const o = this.output;
    if (o.mode === 'digits') return o.pad.cells;
    if (o.mode === 'none') return o.sample.input;
    return o.mode === 'plane' && o.probe ? Float32Array.of(o.probe.x, o.probe.y) : null;
  }

  reportDebug(m: Metrics | null, running: boolean): void {
    const d = this.root.dataset;
    d.step = String(m?.step ?? 0);
    d.trainAccuracy = String(m?.trainAccuracy ?? NaN);
    d.testAccuracy = String(m?.testAccuracy ?? NaN);
    d.diverged = String(Boolean(m?.diverged));
    d.running = String(running);
    d.dead = JSON.stringify(m ? m.layers.slice(0, -1).map((l) => l.dead) : []);
  }

  /** Layer names in the curves and histograms (again after a language change). */
  #nameLayers(): void {
    const L = this.L;
    const { units, hidden, regression } = this.#shape;
    this.#names = units.map((_, i) => (i === units.length - 1 ? L.t('outputLayer') : L.t('layerN', { n: String(i + 1) })));
    this.curves.configure(this.#names, hidden.some((l) => l.activation === 'prelu'), regression);
    this.layers.configure(hidden, hidden.map((l) => this.#actName(l.activation, l.pieces)));
  }

  #actName(a: string, pieces: number): string {
    return a === MAXOUT ? this.L.t('maxoutN', { n: String(pieces) }) : this.#engine.activationInfo(a).display[this.L.lang];
  }

  #watchText(): void {
    const id = this.#watchId;
    setText(this.#watch, id ? `${this.L.t('watch')}: ${this.L.t(`presetWatch_${id}`)}` : '');
    show(this.#watch, id !== null);
  }

  #hover(h: DiagramHover): void {
    const L = this.L;
    this.#enlarge(h);
    if (!h) {
      setText(this.#tip, L.t('editTip'));
      return;
    }
    const name = (l: number) => this.#names[l] ?? '';
    const v = (x: number) => sci(x);
    if (h.kind === 'unit') setText(this.#tip, L.t('unitTip', { layer: name(h.layer), unit: String(h.unit + 1), bias: v(h.bias), value: v(h.value) }));
    else setText(this.#tip, L.t('linkTip', { w: v(h.weight), ...this.#ends(h) }));
  }

  /** A hovered hidden unit shows its map large in the output (2-D data); anything else the output again. */
  #enlarge(h: DiagramHover): void {
    const plot = this.output.plot;
    const hidden = h?.kind === 'unit' && h.layer < this.#shape.units.length - 1 && this.output.mode === 'plane';
    const next = hidden ? { layer: h.layer, neuron: h.unit, label: this.L.t('unitMapLabel', { layer: this.#names[h.layer] ?? '', unit: String(h.unit + 1) }) } : null;
    if ((plot.canvas.dataset.neuron ?? '') === (next ? `${next.layer}:${next.neuron}` : '')) return;
    plot.setNeuron(next);
    this.output.update();
  }

  #ends(h: { layer: number; from: number; to: number }): { from: string; to: string } {
    const name = (l: number) => this.#names[l] ?? '';
    const feature = this.#state?.features[h.from];
    const input = this.output.mode === 'plane' && feature ? featureText(this.#engine.configSchema(), feature) : `x${h.from + 1}`;
    return { from: h.layer === 0 ? input : `${name(h.layer - 1)} #${h.from + 1}`, to: `${name(h.layer)} #${h.to + 1}` };
  }

  #pickLabel(h: NonNullable<DiagramHover>): string {
    return h.kind === 'link'
      ? this.L.t('editWeight', this.#ends(h))
      : this.L.t('editBias', { layer: this.#names[h.layer] ?? '', unit: String(h.unit + 1) });
  }

  #notices(list: Problem[]): HTMLElement {
    const box = el('div', { cls: 'nt-notices', attrs: { role: 'status' } });
    if (list.length === 0) {
      box.hidden = true;
      return box;
    }
    const items = el('ul');
    const render = () => items.replaceChildren(...list.map((n) => el('li', { text: noticeText(n, this.L.lang) })));
    render();
    this.L.onChange(render);
    const dismiss = this.L.text(el('button', { cls: 'nt-btn nt-btn-small', attrs: { type: 'button' } }), 'dismiss');
    dismiss.addEventListener('click', () => (box.hidden = true));
    box.append(this.L.text(el('strong'), 'noticesTitle'), items, dismiss);
    return box;
  }
}

