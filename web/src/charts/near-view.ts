// Whether an element is on screen or close to it, now (nearView) and later
// (watchNear): a chart out of sight is made only when it comes near, so the
// studio's first frame does not pay for charts scrolled out of its columns.

/** The nearest ancestor that scrolls its content (a column, a tab panel); null: the page. */
function scroller(node: HTMLElement): HTMLElement | null {
  for (let p = node.parentElement; p && p !== document.body; p = p.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) return p;
  }
  return null;
}

/**
 * Whether `node` is laid out (not in a closed tab or hidden panel) and within
 * `margin` px of the viewport and of every scrolling ancestor. Reads
 * layout: call it where layout is read anyway.
 */
export function nearView(node: HTMLElement, margin: number): boolean {
  const r = node.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return false;
  let top = -margin;
  let bottom = innerHeight + margin;
  for (let p = scroller(node); p; p = scroller(p)) {
    const c = p.getBoundingClientRect();
    top = Math.max(top, c.top - margin);
    bottom = Math.min(bottom, c.bottom + margin);
  }
  return r.bottom > top && r.top < bottom;
}

/**
 * Calls `near` once, when `node` comes within `margin` px of the view of its
 * scrolling column (or of the page). Returns a function that stops watching.
 * The column is looked up now, so call this once the node is laid out.
 */
export function watchNear(node: HTMLElement, margin: number, near: () => void): () => void {
  const io = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      near();
    },
    { root: scroller(node), rootMargin: `${margin}px` },
  );
  io.observe(node);
  return () => io.disconnect();
}
