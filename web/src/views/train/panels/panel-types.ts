// What a studio panel tells the studio about itself (registry.ts holds one
// entry per panel): where it sits, its hide= id, how often it redraws while
// training runs, the charts it offers for export and their text alternatives.
// Types (and a helper that infers them): the registry, the layout, the draw
// loop, the export menu and the text alternatives import them; this file imports none of those.
import type { Engine, Metrics, Trainer } from '../../../engine/engine';
import type { StringKey } from '../../../app/i18n';
import type { HideableId } from '../../../app/state-schema';
import type { LegendEntry } from '../../../charts/png-export';
import type { ChartDescription } from '../../../ui/chart-alt';
import type { HistoryStore } from '../model/history-store';
import type { FrameHost } from '../model/runner';
import type { Session } from '../model/session';
import type { TrainState } from '../model/train-state';
import type { Localizer } from '../ui';
import type { LayoutActions } from './layout-actions';
import type { NetworkPanel } from './network-panel';
import type { OutputPanel } from './output-panel';

/**
 * Where a panel's elements go. head: above the transport; data, advanced:
 * the settings column (the Advanced group last); net, out: their columns;
 * loss: beside the output, always in view; tab: a diagnostics tab (its label
 * is the entry's title); band: under the stage.
 */
export type Place = 'head' | 'data' | 'advanced' | 'net' | 'out' | 'loss' | 'tab' | 'band';
export const PLACES: readonly Place[] = ['head', 'data', 'advanced', 'net', 'out', 'loss', 'tab', 'band'];

/** What a panel may read when it draws after a frame. */
export interface DrawFrame {
  readonly trainer: Trainer | null;
  readonly metrics: Metrics | null;
  readonly store: HistoryStore;
  readonly running: boolean;
  /** Paused or a change: everything draws in full now. */
  readonly quiet: boolean;
  /** Its diagnostics tab is open (always true for a panel with no tab): what sits in a closed tab draws when it opens. */
  readonly open: boolean;
}

export interface ExportChart {
  /** Language-independent, for the file name. */
  id: string;
  title: string;
  canvas: HTMLCanvasElement;
  legend?: LegendEntry[];
  /** Whether its panel is on screen, where the canvas cannot tell (drawn only for the export, or not made yet). */
  shown?: boolean;
}

/** A chart's text alternative: the element it sits under and what it says. */
export interface AltTarget {
  readonly box: HTMLElement;
  readonly describe: (t: Trainer | null, m: Metrics | null) => ChartDescription;
}

/** What mounting a panel may use. The output and the network are built first: other panels talk to them. */
export interface PanelKit {
  readonly L: Localizer;
  readonly engine: Engine;
  readonly session: Session;
  readonly host: FrameHost;
  readonly act: LayoutActions;
  readonly output: OutputPanel;
  readonly network: NetworkPanel;
  /** Display names of every layer (hidden, then output), in the current language. */
  readonly layerNames: () => readonly string[];
  readonly state: () => TrainState | null;
  /** The charts now on screen (the export menu lists them). */
  readonly charts: () => ExportChart[];
}

export interface PanelEntry<P> {
  readonly hide: HideableId;
  /** Its tab's label, or its card's title. */
  readonly title: StringKey;
  mount(k: PanelKit): P;
  /** Its elements by place (each removed by hide=); read once, when the layout is built. */
  at(p: P): Partial<Record<Place, HTMLElement>>;
  /** Minimum ms between redraws while training runs (without it, the panel draws on its own events). */
  readonly rate?: number;
  /** A heavy panel takes turns: at most one heavy panel draws per running frame. */
  readonly heavy?: boolean;
  // Methods, not function properties: an entry of any panel type is then a PanelEntry<unknown>.
  draw?(p: P, f: DrawFrame): void;
  charts?(p: P, k: PanelKit): ExportChart[];
  alts?(p: P, k: PanelKit): readonly AltTarget[];
  destroy?(p: P): void;
}

/** Infers P for one registry line. */
export function panel<P>(entry: PanelEntry<P>): PanelEntry<P> {
  return entry;
}
