// Where each registered panel goes, and what redraws while training runs:
// both read off the registry's entries (no DOM here, so a test can hand it any entries).
import type { StringKey } from '../../../app/i18n';
import type { HideableId } from '../../../app/state-schema';
import { PLACES, type AltTarget, type DrawFrame, type PanelEntry, type PanelKit, type Place } from './panel-types';

export interface Placed {
  readonly id: string;
  readonly hide: HideableId;
  readonly title: StringKey;
  readonly node: HTMLElement;
}

type Entries = Readonly<Record<string, PanelEntry<unknown>>>;
type Panels = Readonly<Record<string, unknown>>;

/** Each place's elements, in registry order. */
export function arrange(entries: Entries, mounted: Panels): Record<Place, Placed[]> {
  const out = Object.fromEntries(PLACES.map((p) => [p, [] as Placed[]])) as Record<Place, Placed[]>;
  for (const [id, e] of Object.entries(entries)) {
    const at = e.at(mounted[id]);
    for (const place of PLACES) {
      const node = at[place];
      if (node) out[place].push({ id, hide: e.hide, title: e.title, node });
    }
  }
  return out;
}

export interface DrawPart {
  readonly id: string;
  /** Minimum ms between redraws while training runs. */
  readonly rate: number;
  readonly heavy: boolean;
  readonly draw: (f: DrawFrame) => void;
}

/** The panels that redraw after frames, at their rates. */
export function drawParts(entries: Entries, mounted: Panels): DrawPart[] {
  return Object.entries(entries).flatMap(([id, e]) => {
    const p = mounted[id];
    return e.draw && e.rate !== undefined ? [{ id, rate: e.rate, heavy: e.heavy ?? false, draw: (f: DrawFrame) => e.draw?.(p, f) }] : [];
  });
}

/** Every panel's text alternatives, in registry order. */
export function altTargets(entries: Entries, mounted: Panels, k: PanelKit): AltTarget[] {
  return Object.entries(entries).flatMap(([id, e]) => e.alts?.(mounted[id], k) ?? []);
}
