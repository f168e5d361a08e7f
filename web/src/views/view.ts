// What main.ts needs from a tab's view. A view reads the state and renders;
// its controls write back only through commit(). New tabs (the training
// studio) register a factory in main.ts's VIEW_FACTORIES.
import type { ActivationInfo, Engine } from '../engine/engine';
import type { Lang, StringKey } from '../app/i18n';
import type { PageState } from '../app/state';

export interface ViewContext {
  readonly engine: Engine;
  info(name: string): ActivationInfo;
  /** Applies a change to the page state (main re-renders and updates the URL). */
  commit(patch: Partial<PageState>): void;
  /** The current values of this view's own URL keys (ViewEntry.hashKeys). */
  hashParams(): URLSearchParams;
  /** Replaces this view's own URL keys; the shell writes them into the hash. */
  setHashParams(params: URLSearchParams): void;
  /** Shows localized notice lines for this view (e.g. its own bad URL values); [] clears them. */
  notify(lines: readonly string[]): void;
  /** The view added elements after its update (a lazily loaded part): the shell renders again, applying hide= to them. */
  refresh(): void;
}

export interface View {
  readonly element: HTMLElement;
  /** Renders the state; cheap when little changed (it runs on every slider step). */
  update(state: Readonly<PageState>): void;
  /** Re-reads colours after a light/dark switch. */
  refreshTheme(): void;
  /**
   * The view's own URL keys changed outside the page (a pasted link, back
   * button, a lesson's preset). `fresh` asks for a new start even when the
   * keys equal what is shown (a lesson's "load the preset again").
   */
  hashChanged?(params: URLSearchParams, fresh?: boolean): void;
}

export interface ViewEntry {
  /** Tab label: a key of i18n.ts, or the two texts. */
  tab: StringKey | Readonly<Record<Lang, string>>;
  /**
   * URL keys the view reads and writes itself, beside the shell's keys in
   * state.ts (which it must not reuse). The shell keeps them in the hash
   * without checking them, and hands them over through the ViewContext.
   */
  hashKeys?: readonly string[];
  create(parent: HTMLElement, context: ViewContext): View;
}
