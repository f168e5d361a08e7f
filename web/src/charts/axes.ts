// Axis arithmetic shared by every canvas chart, free of the DOM so it is unit
// tested: linear scales (value ⇄ pixel), "nice" ticks (1, 2 or 5 × 10ᵏ) whose
// count follows the pixels available, tick labels with a true minus sign, and
// the greedy pass that drops a label that would overlap one already placed.

/** A text box in CSS pixels, as the charts report their tick labels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Scale {
  /** Value to pixel. */
  px(v: number): number;
  /** Pixel to value. */
  value(p: number): number;
}

/** Maps [d0, d1] onto [r0, r1] (r0 > r1 is fine: a y axis grows upwards). */
export function linearScale(d0: number, d1: number, r0: number, r1: number): Scale {
  const span = d1 - d0 || 1;
  const k = (r1 - r0) / span;
  return { px: (v) => r0 + (v - d0) * k, value: (p) => d0 + (p - r0) / k };
}

/**
 * How many ticks fit in `lengthPx` when each label needs `labelPx` plus a gap:
 * at least 2 (the ends), at most `max` (more than about nine numbers on an
 * axis are no easier to read, however wide the screen).
 */
export function tickBudget(lengthPx: number, labelPx: number, gapPx = 10, max = 9): number {
  if (!(lengthPx > 0)) return 2;
  return Math.max(2, Math.min(max, Math.floor(lengthPx / Math.max(1, labelPx + gapPx)) + 1));
}

/** The smallest step of 1, 2 or 5 × 10ᵏ that puts at most maxTicks ticks on [lo, hi]. */
export function niceStep(lo: number, hi: number, maxTicks: number): number {
  const span = Math.abs(hi - lo);
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const intervals = Math.max(1, maxTicks - 1);
  const raw = span / intervals;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) {
    const step = m * mag;
    // Whole multiples inside [lo, hi], with a little slack for float noise.
    const n = Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9) + 1;
    if (n <= maxTicks) return step;
  }
  return 10 * mag;
}

/** Multiples of niceStep inside [lo, hi], at most maxTicks of them; 0 is exactly 0. */
export function niceTicks(lo: number, hi: number, maxTicks: number): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : [];
  const step = niceStep(lo, hi, maxTicks);
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
    // Rounded to the step's decimals: 0.1 × 3 is 0.3, not 0.30000000000000004.
    out.push(Number((k * step).toFixed(decimals(step))) + 0);
  }
  return out;
}

/** Decimals a tick label needs at this step (0.05 → 2, 20 → 0). */
export function decimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
}

/** A tick label: fixed to the step's decimals, large or tiny values in exponent form, U+2212 for minus. */
export function tickLabel(v: number, step: number): string {
  const a = Math.abs(v);
  let s: string;
  if (a !== 0 && (a >= 1e5 || step < 1e-4)) s = v.toExponential(Math.min(3, decimals(step / 10 ** Math.floor(Math.log10(a)))));
  else s = v.toFixed(decimals(step));
  if (Number(s) === 0) s = s.replace('-', '');
  return s.replaceAll('-', '−');
}

/** True when the boxes overlap by more than `pad` pixels in both directions. */
export function overlaps(a: Box, b: Box, pad = 0): boolean {
  return a.x + a.w - pad > b.x && b.x + b.w - pad > a.x && a.y + a.h - pad > b.y && b.y + b.h - pad > a.y;
}

/** Indices of the boxes to keep, in order: a box that overlaps one already kept is dropped. */
export function keepApart(boxes: readonly Box[], gap = 2): number[] {
  const kept: number[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const b = boxes[i];
    const grown = { x: b.x - gap, y: b.y - gap, w: b.w + 2 * gap, h: b.h + 2 * gap };
    if (!kept.some((k) => overlaps(grown, boxes[k]))) kept.push(i);
  }
  return kept;
}

/** The histogram's edge markers: how many values fell below and above the drawn range ('' when none). */
export function edgeMarks(below: number, above: number): { left: string; right: string } {
  return { left: below > 0 ? `◂${below}` : '', right: above > 0 ? `${above}▸` : '' };
}
