// Your own clicked points in the link: cpts=x:y:c,x:y:c,… (the shell keeps
// commas and colons readable in the hash). Coordinates carry 2 decimals,
// classes are 0..4, at most MAX_LINK_POINTS points; anything else is
// dropped with a notice, like the other studio parameters. No DOM.
import type { CustomPoint } from './data-source';

export const MAX_LINK_POINTS = 200;
/** Longest cpts value read: 200 points of "−123.45:−123.45:4". */
export const MAX_LINK_CHARS = MAX_LINK_POINTS * 18;
/** Coordinates beyond this are not something a click could make. */
const COORD_ABS = 1000;
const CLASSES = 5;
const ITEM = /^(-?\d{1,4}(?:\.\d{1,6})?):(-?\d{1,4}(?:\.\d{1,6})?):([0-9])$/;

/** A coordinate as the link stores it (clicked points are rounded so, too). */
export function round2(v: number): number {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? 0 : r;
}

export function roundPoint(p: CustomPoint): CustomPoint {
  return { x: round2(p.x), y: round2(p.y), label: p.label };
}

export function formatPoints(points: readonly CustomPoint[]): string {
  return points
    .slice(0, MAX_LINK_POINTS)
    .map((p) => `${round2(p.x)}:${round2(p.y)}:${p.label}`)
    .join(',');
}

export interface ParsedPoints {
  points: CustomPoint[];
  /** Items that are not x:y:class with a known class and a sane coordinate. */
  bad: string[];
  /** Good items past MAX_LINK_POINTS were left out. */
  truncated: boolean;
}

export function parsePoints(text: string): ParsedPoints {
  const out: ParsedPoints = { points: [], bad: [], truncated: false };
  for (const item of text.split(',')) {
    if (item === '') continue;
    const m = ITEM.exec(item);
    const x = Number(m?.[1]);
    const y = Number(m?.[2]);
    const label = Number(m?.[3]);
    if (!m || !(Math.abs(x) <= COORD_ABS && Math.abs(y) <= COORD_ABS) || label >= CLASSES) {
      out.bad.push(item);
    } else if (out.points.length >= MAX_LINK_POINTS) {
      out.truncated = true;
    } else {
      out.points.push(roundPoint({ x, y, label }));
    }
  }
  return out;
}
