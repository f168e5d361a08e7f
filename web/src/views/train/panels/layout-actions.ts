// What the studio's panels ask of its controller (train-view.ts wires each to it).
import type { TransportActions } from '../controls/transport';
import type { PresetId } from '../model/presets';
import type { BannerActions } from './divergence-banner';
import type { DataPanelActions } from './data-panel';
import type { OutputActions } from './output-panel';
import type { CompareActions } from './compare-panel';

export interface LayoutActions extends TransportActions, BannerActions, DataPanelActions, OutputActions, CompareActions {
  preset: (id: PresetId) => void;
  /** A diagnostics tab opened: its charts draw now. */
  tabShown: () => void;
  /** Sets one weight or bias; returns why it was refused, or null. */
  setParameter: (layer: number, unit: number, from: number | 'bias', value: number) => string | null;
  /** Loads a model file's text; resolves to its step, throws on a bad file. */
  importModel: (text: string) => Promise<number>;
}
