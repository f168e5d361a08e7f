// The charts the export menu offers: those the registry's entries name
// (their charts()) that the studio shows right now (a hidden one, or one
// removed with hide=, is not listed), with an id for the file name and a
// title in the current language.
import type { ExportChart, PanelEntry, PanelKit } from './panel-types';

function visible(c: HTMLCanvasElement): boolean {
  return c.width > 0 && c.height > 0 && c.getClientRects().length > 0;
}

/** `mounted` maps each entry's id to its mounted panel. */
export function exportCharts(
  entries: Readonly<Record<string, PanelEntry<unknown>>>, mounted: Readonly<Record<string, unknown>>, k: PanelKit,
): ExportChart[] {
  const list = Object.entries(entries).flatMap(([id, e]) => e.charts?.(mounted[id], k) ?? []);
  return list.filter((c) => c.shown ?? visible(c.canvas));
}
