// Text alternatives for the studio's charts, through the page's one ChartAlt:
// every chart a panel's registry entry names (its alts()) gets a polite
// summary and a "Show as table" with the numbers behind it (panels/alt-text.ts
// has the words). update() runs after a frame; it describes at most twice a
// second while training (ChartAlt slows the spoken summary further), so a run
// costs almost nothing.
import { ChartAlt } from '../../ui/chart-alt';
import type { Metrics, Trainer } from '../../engine/engine';
import type { AltTarget } from './panels/panel-types';
import type { Localizer } from './ui';

const RATE_MS = 500;

export class StudioAlts {
  readonly #L: Localizer;
  readonly #targets: () => readonly AltTarget[];
  /** One ChartAlt per target's box; a panel that rebuilds its charts (the layers) gets new ones. */
  #alts = new Map<HTMLElement, ChartAlt>();
  #last = -Infinity;

  constructor(L: Localizer, targets: () => readonly AltTarget[]) {
    this.#L = L;
    this.#targets = targets;
  }

  /** After a frame: `all` (paused, or a change) describes now, a running frame at most every RATE_MS. */
  update(t: Trainer | null, m: Metrics | null, all: boolean): void {
    const now = performance.now();
    if (!all && now - this.#last < RATE_MS) return;
    this.#last = now;
    const targets = this.#targets();
    this.#sync(targets);
    for (const target of targets) this.#alts.get(target.box)?.update(() => target.describe(t, m), this.#L.lang);
  }

  destroy(): void {
    for (const a of this.#alts.values()) a.destroy();
    this.#alts.clear();
  }

  #sync(targets: readonly AltTarget[]): void {
    const boxes = new Set(targets.map((x) => x.box));
    for (const [box, alt] of this.#alts) {
      if (boxes.has(box) && box.contains(alt.element)) continue;
      alt.destroy();
      this.#alts.delete(box);
    }
    for (const box of boxes) if (!this.#alts.has(box)) this.#alts.set(box, new ChartAlt(box));
  }
}
