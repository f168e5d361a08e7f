// Every studio panel, one line each: its hide= id, its title (a tab's label),
// where it sits, how often it redraws while training, its exportable charts
// and their text alternatives, and how to mount it. The layout, the side tabs,
// the draw loop, the export menu and the text alternatives all read this
// list; a new panel or chart is its own file plus one entry here (docs/ARCHITECTURE.md).
// Order matters twice: entries mount in this order, and within one place they appear in it.
import { curveDescription, describeHist, describeNetwork, describeOutput } from './alt-text';
import { ComparePanel } from './compare-panel';
import { ConfusionView } from './confusion-view';
import { CurvesPanel } from './curves-panel';
import { DataPanel } from './data-panel';
import { ExportPanel } from './export-panel';
import { HyperPanel } from './hyper-panel';
import { LayersPanel } from './layers-panel';
import { PresetsBox, studioIntro } from './presets-box';
import { el } from '../ui';
import { panel, type ExportChart, type PanelEntry, type PanelKit } from './panel-types';
import type { LegendEntry } from '../../../charts/png-export';

const series = (legend: readonly LegendEntry[]) => legend.map(({ label, color, dash }) => ({ label, color, dash: dash && [3, 2] }));

export const PANELS = {
  intro: panel({ hide: 'train-intro', title: 'title', mount: (k) => studioIntro(k.L), at: (p) => ({ head: p }) }),
  presets: panel({
    hide: 'train-presets', title: 'presets', mount: (k) => new PresetsBox(k.L, k.engine.configSchema(), k.act.preset), at: (p) => ({ head: p.root }),
  }),
  // The output and the network are built before the others (they talk to them): their lines place and draw them.
  output: panel({
    hide: 'train-output', title: 'outputTitle', mount: (k) => k.output, at: (p) => ({ out: p.root }),
    rate: 33, draw: (p) => p.update(),
    charts: (p, { L }) => [
      { id: 'boundary', title: L.t('chart_boundary'), canvas: p.plot.canvas },
      { id: 'fit', title: L.t('fitTitle'), canvas: p.fitCanvas },
      { id: 'units', title: `${L.t('chart_units')} · ${L.t('layerN', { n: String(p.units.chart.layer + 1) })}`, canvas: p.units.chart.canvas },
    ],
    // Its text alternative sits in the card head: no extra line on a phone.
    alts: (p, k) => [{ box: p.root.querySelector<HTMLElement>('.nt-card-head') ?? p.root, describe: (t, m) => describeOutput(k.L, p, t, m) }],
    destroy: (p) => p.destroy(),
  }),
  network: panel({
    hide: 'train-network', title: 'network', mount: (k) => k.network, at: (p) => ({ net: p.root }),
    rate: 150, heavy: true,
    draw: (p, f) => f.trainer && p.diagram.update(f.trainer, p.probeInput(), f.running ? 2 : 40),
    charts: (p, { L }) => [{ id: 'diagram', title: L.t('chart_diagram'), canvas: p.diagram.canvas }],
    alts: (p, k) => [{ box: p.head, describe: (t, m) => describeNetwork(k.L, k.layerNames(), t, m) }],
    destroy: (p) => p.destroy(),
  }),
  // Settings first: the basic controls and the data choice fit the screen; the Advanced group follows.
  hyper: panel({
    hide: 'train-hyper', title: 'settings',
    mount: (k) => new HyperPanel(k.L, k.engine.configSchema(), k.act.change, k.network.editor.basicFields, k.network.editor.advancedFields),
    at: (p) => ({ data: p.root, advanced: p.advanced }),
  }),
  data: panel({
    hide: 'train-data', title: 'data', mount: (k) => new DataPanel(k.L, k.engine, k.session.custom, k.act), at: (p) => ({ data: p.root }),
    destroy: (p) => p.destroy(),
  }),
  // The curves: the loss chart beside the output, always in view; the rest in their tab.
  curves: panel({
    hide: 'train-curves', title: 'tab_curves', mount: (k) => new CurvesPanel(k.L), at: (p) => ({ loss: p.lossRoot, tab: p.root }),
    rate: 60, heavy: true,
    // Paused, the charts in its closed tab draw too (as the closed tabs' panels do): only a run skips them.
    draw: (p, f) => (f.quiet ? p.update(f.store, f.open || !f.running) : p.updateNext(f.store)),
    // Listed when laid out; a chart not made yet (scrolled out of its column) is made when its PNG is asked for.
    charts: (p) => p.charts.map(([key, chart]): ExportChart => ({
      id: key, title: chart.title.textContent ?? key, legend: series(chart.legend), shown: chart.root.getClientRects().length > 0,
      get canvas() {
        return chart.canvas;
      },
    })),
    alts: (p, { L }) => p.charts.map(([, chart]) => ({ box: chart.root, describe: () => curveDescription(L, chart) })),
    destroy: (p) => p.destroy(),
  }),
  layers: panel({
    hide: 'train-layers', title: 'tab_layers', mount: (k) => new LayersPanel(k.L, k.engine), at: (p) => ({ tab: p.root }),
    rate: 300, heavy: true, draw: (p, f) => p.update(f.metrics, f.trainer),
    charts: (p) => p.charts.map((chart, i) => ({ id: `layer${i + 1}-histogram`, title: chart.title.textContent ?? '', canvas: chart.canvas })),
    alts: (p, { L }) => p.charts.map((chart, i) => ({ box: chart.root, describe: (_t, m) => describeHist(L, chart, i, m) })),
    destroy: (p) => p.destroy(),
  }),
  confusion: panel({
    hide: 'train-confusion', title: 'tab_confusion', mount: (k) => new ConfusionView(k.L),
    at: (p) => ({ tab: el('div', { cls: 'nt-slot' }, [p.root]) }),
    rate: 1000, heavy: true,
    draw: (p, f) => { if (f.trainer?.shape.predictsClasses && !f.metrics?.diverged) p.update(f.trainer.confusion()); },
    // A table on the page: it is drawn on a canvas for the export.
    charts: (p, { L }) => {
      const matrix = p.canvas();
      return matrix ? [{ id: 'confusion', title: L.t('confusion'), canvas: matrix, shown: p.root.getClientRects().length > 0 }] : [];
    },
  }),
  compare: panel({
    hide: 'train-compare', title: 'tab_compare', mount: (k) => new ComparePanel(k.L, k.engine, k.host, k.act), at: (p) => ({ tab: p.root }),
    // Its charts exist from the first comparison on.
    charts: (p, { L }) => (p.charts ? ([['loss', p.charts.loss], ['accuracy', p.charts.acc]] as const) : []).map(([key, chart]) => ({
      id: `compare-${key}`, title: `${L.t('compareTitle')} · ${chart.title.textContent ?? ''}`, canvas: chart.canvas, legend: series(chart.legend),
    })),
    destroy: (p) => p.destroy(),
  }),
  // Export and import: a band under the stage; its menu lists the charts in view.
  exporter: panel({
    hide: 'train-export', title: 'exportTitle',
    mount: (k) => new ExportPanel(k.L, { charts: k.charts, trained: () => k.session.exported(), importModel: k.act.importModel }),
    at: (p) => ({ band: p.band }),
  }),
};

export type PanelId = keyof typeof PANELS;
/** Each panel as mounted (the layout's `panels`). */
export type Mounted = { readonly [K in PanelId]: ReturnType<(typeof PANELS)[K]['mount']> };

/** The entries with their panel types erased, for the code that treats them alike. */
export const ENTRIES: Readonly<Record<PanelId, PanelEntry<unknown>>> = PANELS;

export function mountPanels(k: PanelKit): Mounted {
  // Each entry's mount returns its own panel type: the mapped type says so, Object.fromEntries cannot.
  return Object.fromEntries(Object.entries(ENTRIES).map(([id, e]) => [id, e.mount(k)])) as Mounted;
}
