// The "controlsUsed" page fact: which controls the student changed. One
// delegated listener per event type on the document (never one per control):
// an input or change event is named by the nearest data-field (the studio's
// settings fields, named by their URL key) or else the nearest data-control
// (the hide= id of the page's controls and the studio's panels); a click on
// the summary of a closed <details data-field> (the Advanced group) names it
// as opened. Programmatic changes (a preset, a link) fire none of these.
// Events inside `ignore` (the lessons panel itself) do not count.

/** The control an event's target belongs to, or null for none. */
export function controlName(e: Event, ignore: Node | null): string | null {
  const target = e.target;
  if (!(target instanceof Element) || ignore?.contains(target)) return null;
  if (e.type === 'click') {
    const details = target.closest('summary')?.parentElement;
    return details instanceof HTMLDetailsElement && !details.open ? details.dataset.field ?? null : null;
  }
  const named = target.closest<HTMLElement>('[data-field]') ?? target.closest<HTMLElement>('[data-control]');
  return named?.dataset.field ?? named?.dataset.control ?? null;
}

/** Calls `used(name)` for every control the student changes under `doc`; returns the remover. */
export function watchControls(doc: Document, ignore: Node | null, used: (name: string) => void): () => void {
  const on = (e: Event) => {
    const name = controlName(e, ignore);
    if (name) used(name);
  };
  // Bubble phase: the control's own handler has run, so the page state already shows the change.
  const types = ['input', 'change', 'click'] as const;
  for (const type of types) doc.addEventListener(type, on);
  return () => {
    for (const type of types) doc.removeEventListener(type, on);
  };
}
