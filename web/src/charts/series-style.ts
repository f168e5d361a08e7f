// How the n-th selected activation is drawn: a palette colour AND a dash
// pattern, so curves stay apart for colour-blind readers and in print.
import { seriesColor } from './theme';

const SVG = 'http://www.w3.org/2000/svg';

/** Dash patterns in CSS pixels, one per slot; slot 0 is solid. */
const DASHES: readonly (readonly number[])[] = [[], [9, 5], [2, 4], [12, 4, 2, 4], [5, 5], [16, 6]];

export const SLOTS = DASHES.length;

export function slotColor(slot: number): string {
  return seriesColor((slot % SLOTS) + 1);
}

export function slotDash(slot: number): number[] {
  return [...DASHES[slot % SLOTS]];
}

/** A short line sample in the slot's colour and dash, for legends and cards. */
export function swatch(slot: number): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('viewBox', '0 0 32 10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('x1', '1');
  line.setAttribute('y1', '5');
  line.setAttribute('x2', '31');
  line.setAttribute('y2', '5');
  line.setAttribute('class', `swatch-line s${slot % SLOTS}`);
  const dash = DASHES[slot % SLOTS];
  if (dash.length > 0) line.setAttribute('stroke-dasharray', dash.map((d) => d * 0.7).join(' '));
  svg.append(line);
  return svg;
}
