// One polite live region for the whole page: events a screen-reader user would
// otherwise miss (a run diverged, a lesson stage passed, a comparison finished,
// a formula overflowed) are spoken once, after whatever is being read now.
// Callers pass text already in the page language.

let region: HTMLElement | null = null;
let pending = 0;

function liveRegion(): HTMLElement {
  if (region?.isConnected) return region;
  region = document.createElement('div');
  region.className = 'visually-hidden';
  region.id = 'announcer';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  document.body.append(region);
  return region;
}

/**
 * Announces `text` politely. The region is emptied first and filled a moment
 * later, so the same sentence twice in a row is spoken twice; of several
 * calls within that moment the last one is spoken.
 */
export function announce(text: string): void {
  const live = liveRegion();
  live.textContent = '';
  window.clearTimeout(pending);
  // Screen readers notice a change of content, not a rewrite with equal text.
  pending = window.setTimeout(() => {
    live.textContent = text;
  }, 100);
}
