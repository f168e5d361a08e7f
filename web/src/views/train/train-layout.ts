// Builds the studio's DOM from the panel registry (panels/registry.ts) and
// keeps the panels in step with the state. One screen (≥ 1366×768): the title
// and presets, the transport bar (sticky on a phone), then four columns: data
// and settings · network · output · the loss curve and the diagnostics as tabs.
import type { Engine, Metrics, Trainer } from '../../engine/engine';
import { StudioAlts } from './studio-alts';
import { DivergenceBanner } from './panels/divergence-banner';
import { exportCharts } from './panels/export-charts';
import { NetworkPanel } from './panels/network-panel';
import { OutputPanel } from './panels/output-panel';
import { ENTRIES, mountPanels, type Mounted } from './panels/registry';
import { altTargets, arrange, drawParts, type DrawPart, type Placed } from './panels/arrange';
import type { LayoutActions } from './panels/layout-actions';
import type { PanelKit } from './panels/panel-types';
import type { FrameHost } from './model/runner';
import type { Session } from './model/session';
import { problemLine as noticeText } from '../../app/notice-text';
import type { Problem } from '../../app/url-values';
import { MAXOUT, defaultTrainState, type LayerSpec, type TrainState } from './model/train-state';
import { Transport } from './controls/transport';
import { SideTabs } from './side-tabs';
import { fitStage } from './stage-fit';
import { el, setText, type Localizer } from './ui';
import { hideable } from '../../ui/dom';

export type { LayoutActions } from './panels/layout-actions';

export class Panels {
  readonly root: HTMLElement;
  readonly L: Localizer;
  readonly transport: Transport;
  readonly banner: DivergenceBanner;
  /** Every registered panel, mounted. */
  readonly parts: Mounted;
  readonly output: OutputPanel;
  readonly network: NetworkPanel;
  readonly alts: StudioAlts;
  readonly side: SideTabs;
  /** The panels that redraw while training runs (the controller's draw loop). */
  readonly drawParts: readonly DrawPart[];
  readonly status: { set: (text: string, error?: boolean) => void };
  readonly #engine: Engine;
  readonly #fit: () => void;
  readonly #sizer = new ResizeObserver(() => this.#fit());
  #state: TrainState | null = null;
  #names: string[] = [];
  #shape: { units: number[]; hidden: LayerSpec[]; regression: boolean } = { units: [], hidden: [], regression: false };

  constructor(L: Localizer, engine: Engine, session: Session, host: FrameHost, act: LayoutActions, notices: Problem[]) {
    this.L = L;
    this.#engine = engine;
    this.transport = new Transport(L, act);
    this.banner = new DivergenceBanner(L, act);
    const statusLine = el('p', { cls: 'nt-status', attrs: { role: 'status' } });
    this.status = {
      set: (text, error = false) => {
        setText(statusLine, text);
        statusLine.classList.toggle('nt-error', error);
      },
    };
    const layerNames = () => this.#names;
    const state = () => this.#state;
    this.output = new OutputPanel(L, act, engine);
    this.network = new NetworkPanel(L, engine, act, { output: this.output, layerNames, state });
    const kit: PanelKit = {
      L, engine, session, host, act, output: this.output, network: this.network, layerNames, state,
      charts: () => exportCharts(ENTRIES, this.parts, kit),
    };
    this.parts = mountPanels(kit);
    this.alts = new StudioAlts(L, () => altTargets(ENTRIES, this.parts, kit));
    // data-control: hide=train-… removes a panel. Panels the studio shows and
    // hides itself sit in a display:contents slot, so the two never fight.
    const at = arrange(ENTRIES, this.parts);
    const put = (list: readonly Placed[]) => list.map((x) => hideable(x.node, x.hide));
    this.side = new SideTabs(L, at.tab.map((x) => ({ id: x.id, label: x.title, panel: hideable(x.node, x.hide), hide: x.hide })), () => act.tabShown());
    this.drawParts = drawParts(ENTRIES, this.parts, at, { open: () => this.side.active });
    const stage = el('div', { cls: 'nt-stage' }, [
      el('div', { cls: 'nt-col nt-col-data' }, [...put(at.data), ...put(at.advanced)]),
      el('div', { cls: 'nt-col nt-col-net' }, put(at.net)),
      el('div', { cls: 'nt-col nt-col-out' }, put(at.out)),
      // The loss curve beside the boundary, always in view; the diagnostics below it scroll.
      el('div', { cls: 'nt-col nt-col-side' }, [...at.loss.map((x) => hideable(el('div', { cls: 'nt-loss-slot' }, [x.node]), x.hide)), this.side.root]),
    ]);
    const bar = el('div', { cls: 'nt-topbar' }, [this.transport.root, statusLine]);
    this.root = el('div', { cls: 'nt-view' }, [
      el('div', { cls: 'nt-head' }, put(at.head)), this.#notices(notices), hideable(bar, 'train-transport'), this.banner.root, stage, ...put(at.band),
    ]);
    this.#fit = () => fitStage(stage, bar);
    this.#sizer.observe(document.body);
    addEventListener('resize', this.#fit);
    L.onChange(() => this.#nameLayers());
  }

  sync(s: TrainState): void {
    const p = this.parts;
    // A link or preset that names activations to compare opens that tab.
    if (s.compare.length >= 2 && (this.#state?.compare.length ?? 0) < 2) this.side.select('compare');
    this.#state = s;
    p.presets.set(s);
    this.transport.setSpeed(s.speed);
    p.data.set(s);
    this.network.editor.set(s);
    p.hyper.set(s);
    p.hyper.revealAdvanced(s, defaultTrainState(this.#engine.configSchema()));
    this.output.set(s, s.data === 'custom');
    p.compare.set(s);
  }

  /** Stops following the window's size and frees every panel's charts (the view is destroyed). */
  destroy(): void {
    this.#sizer.disconnect();
    removeEventListener('resize', this.#fit);
    this.alts.destroy();
    for (const [id, e] of Object.entries(ENTRIES)) e.destroy?.(this.parts[id as keyof Mounted]);
  }

  /** A new network: diagram, curves, histograms and the confusion matrix follow its shape. */
  configureNetwork(t: Trainer | null, s: TrainState, plane: boolean): void {
    const units = t?.shape.units ?? [...s.layers.map((l) => l.units), 1];
    const hidden = s.layers.slice(0, Math.max(0, units.length - 1));
    this.network.configure(t, s, units, plane);
    this.#shape = { units, hidden, regression: (t?.shape.classes ?? 1) === 0 };
    this.#nameLayers();
    const classes = t?.shape.classes ?? 0;
    const counts = t !== null && t.shape.predictsClasses;
    const confusion = this.parts.confusion;
    confusion.setAvailable(counts);
    if (t && counts) confusion.configure(classes, t.data('test').classNames);
    this.parts.exporter.refresh();
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
    this.parts.curves.configure(this.#names, hidden.some((l) => l.activation === 'prelu'), regression);
    this.parts.layers.configure(hidden, hidden.map((l) => this.#actName(l.activation, l.pieces)));
  }

  #actName(a: string, pieces: number): string {
    return a === MAXOUT ? this.L.t('maxoutN', { n: String(pieces) }) : this.#engine.activationInfo(a).display[this.L.lang];
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
