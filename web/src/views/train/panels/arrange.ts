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
  /** Whether it is on screen as far as the tabs tell: a panel only in a closed tab is not (it draws when its tab opens). */
  readonly shown: () => boolean;
  readonly draw: (f: Omit<DrawFrame, 'open'>) => void;
}

/** The diagnostics tabs as the draw loop sees them: which one is open. */
export interface TabState {
  readonly open: () => string;
}

/**
 * The panels that redraw after frames, at their rates. `at` (arrange's
 * result) says which panels sit in a tab; each draw is told whether its tab is open.
 */
export function drawParts(entries: Entries, mounted: Panels, at?: Record<Place, Placed[]>, tabs: TabState = { open: () => '' }): DrawPart[] {
  const inTab = new Set(at?.tab.map((x) => x.id));
  const elsewhere = new Set(PLACES.filter((p) => p !== 'tab').flatMap((p) => at?.[p].map((x) => x.id) ?? []));
  return Object.entries(entries).flatMap(([id, e]) => {
    const p = mounted[id];
    const open = () => !inTab.has(id) || tabs.open() === id;
    const shown = () => elsewhere.has(id) || open();
    return e.draw && e.rate !== undefined
      ? [{ id, rate: e.rate, heavy: e.heavy ?? false, shown, draw: (f: Omit<DrawFrame, 'open'>) => e.draw?.(p, { ...f, open: open() }) }]
      : [];
  });
}

/** Every panel's text alternatives, in registry order. */
export function altTargets(entries: Entries, mounted: Panels, k: PanelKit): AltTarget[] {
  return Object.entries(entries).flatMap(([id, e]) => e.alts?.(mounted[id], k) ?? []);
}
