// The charts the export menu offers: every canvas chart the studio shows right
// now (a hidden one, or one removed with hide=, is not listed), with an id for
// the file name and its title in the current language.
import type { LegendEntry } from '../../../charts/png-export';
import type { NetworkDiagram } from '../charts/network-diagram';
import type { ComparePanel } from './compare-panel';
import type { ConfusionView } from './confusion-view';
import type { CurvesPanel } from './curves-panel';
import type { LayersPanel } from './layers-panel';
import type { OutputPanel } from './output-panel';
import type { Localizer } from '../ui';

/** The panels whose charts can be exported (the layout passes itself). */
export interface ChartSources {
  readonly L: Localizer;
  readonly output: OutputPanel;
  readonly diagram: NetworkDiagram;
  readonly curves: CurvesPanel;
  readonly layers: LayersPanel;
  readonly compare: ComparePanel;
  readonly confusion: ConfusionView;
}

export interface ExportChart {
  /** Language-independent, for the file name. */
  id: string;
  title: string;
  canvas: HTMLCanvasElement;
  legend?: LegendEntry[];
  /** For a chart drawn only for the export (not on the page): whether its panel is on screen. */
  shown?: boolean;
}

function visible(c: HTMLCanvasElement): boolean {
  return c.width > 0 && c.height > 0 && c.getClientRects().length > 0;
}

export function exportCharts(p: ChartSources): ExportChart[] {
  const L = p.L;
  const o = p.output;
  const units = o.units.chart;
  const list: ExportChart[] = [
    { id: 'boundary', title: L.t('chart_boundary'), canvas: o.plot.canvas },
    { id: 'fit', title: L.t('fitTitle'), canvas: o.fitCanvas },
    { id: 'units', title: `${L.t('chart_units')} · ${L.t('layerN', { n: String(units.layer + 1) })}`, canvas: units.canvas },
    { id: 'diagram', title: L.t('chart_diagram'), canvas: p.diagram.canvas },
  ];
  const series = (legend: readonly LegendEntry[]) => legend.map(({ label, color, dash }) => ({ label, color, dash: dash && [3, 2] }));
  for (const [key, chart] of p.curves.charts) {
    list.push({ id: key, title: chart.title.textContent ?? key, canvas: chart.canvas, legend: series(chart.legend) });
  }
  p.layers.charts.forEach((chart, i) => {
    list.push({ id: `layer${i + 1}-histogram`, title: chart.title.textContent ?? '', canvas: chart.canvas });
  });
  const cmp = p.compare.charts;
  for (const [key, chart] of [['loss', cmp.loss], ['accuracy', cmp.acc]] as const) {
    list.push({ id: `compare-${key}`, title: `${L.t('compareTitle')} · ${chart.title.textContent ?? ''}`, canvas: chart.canvas, legend: series(chart.legend) });
  }
  // The confusion matrix is a table on the page: it is drawn on a canvas for the export.
  const matrix = p.confusion.canvas();
  if (matrix) list.push({ id: 'confusion', title: L.t('confusion'), canvas: matrix, shown: p.confusion.root.getClientRects().length > 0 });
  return list.filter((c) => c.shown ?? visible(c.canvas));
}
