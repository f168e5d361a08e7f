// The one chart theme: canvas colours follow the page's light/dark palette.
// Line and heat charts read the CSS custom properties at draw time (strings);
// the studio's canvases blend colours, so palette() parses them to RGB once per
// theme and forgets them when the colour scheme changes.

export interface ChartTheme {
  axis: string;
  grid: string;
  zero: string;
  font: string;
  text: string;
  surface: string;
  positive: string;
  negative: string;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

export function readTheme(): ChartTheme {
  return {
    axis: cssVar('--chart-axis', '#5b6472'),
    grid: cssVar('--chart-grid', '#e6e9ef'),
    zero: cssVar('--chart-zero', '#9aa3b2'),
    font: cssVar('--chart-font', 'system-ui, sans-serif'),
    text: cssVar('--text', '#1b1f27'),
    surface: cssVar('--surface', '#ffffff'),
    positive: cssVar('--heat-pos', '#2563eb'),
    negative: cssVar('--heat-neg', '#ea580c'),
  };
}

/** A named series colour from the page palette (--series-1 … --series-6). */
export function seriesColor(index: number): string {
  return cssVar(`--series-${index}`, '#2563eb');
}

/** Calls back on a light/dark switch of the system, after the parsed palette is forgotten. */
export function onSchemeChange(callback: () => void): () => void {
  const query = matchMedia('(prefers-color-scheme: dark)');
  const listener = () => {
    invalidatePalette();
    callback();
  };
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

export type Rgb = readonly [number, number, number];

export const CLASS_COUNT = 10;
const FALLBACK_CLASSES = [
  '#ea580c', '#2563eb', '#0d9488', '#7c3aed', '#db2777', '#ca8a04', '#0284c7', '#16a34a', '#92400e', '#475569',
];

export interface Palette {
  classes: Rgb[];
  surface: Rgb;
  text: Rgb;
  muted: Rgb;
  grid: Rgb;
  font: string;
  /** Series colours for curves (layer 1, 2, …). */
  series: string[];
}

export function parseColor(text: string, fallback: Rgb = [128, 128, 128]): Rgb {
  const t = text.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(t);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const rgb = /^rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)/i.exec(t);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : fallback;
}

let cached: Palette | null = null;

export function palette(): Palette {
  if (cached) return cached;
  const series = ['#2563eb', '#0d9488', '#ea580c', '#7c3aed', '#db2777', '#0284c7', '#ca8a04', '#16a34a', '#475569'];
  cached = {
    classes: FALLBACK_CLASSES.map((c, i) => parseColor(cssVar(`--class-${i}`, c))),
    surface: parseColor(cssVar('--surface', '#ffffff'), [255, 255, 255]),
    text: parseColor(cssVar('--text', '#1b1f27'), [27, 31, 39]),
    muted: parseColor(cssVar('--muted', '#5d6675'), [93, 102, 117]),
    grid: parseColor(cssVar('--chart-grid', '#eceef2'), [236, 238, 242]),
    font: cssVar('--chart-font', 'system-ui, sans-serif'),
    series: series.map((c, i) => (i < 6 ? cssVar(`--series-${i + 1}`, c) : c)),
  };
  return cached;
}

/** Forget the parsed palette (the colour scheme changed). */
export function invalidatePalette(): void {
  cached = null;
}

const themeListeners = new Set<() => void>();
let watching = false;

function themeChanged(): void {
  invalidatePalette();
  for (const listener of [...themeListeners]) listener();
}

/**
 * Calls back, after the palette is forgotten, whenever the page's colours
 * change: the page's data-theme attribute (the theme toggle) or the system's
 * dark mode. One observer serves every canvas chart; the return value unsubscribes.
 */
export function watchTheme(callback: () => void): () => void {
  themeListeners.add(callback);
  if (!watching && typeof MutationObserver !== 'undefined') {
    watching = true;
    new MutationObserver(themeChanged).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', themeChanged);
  }
  return () => themeListeners.delete(callback);
}

export function css(c: Rgb, alpha = 1): string {
  return alpha >= 1 ? `rgb(${c[0]} ${c[1]} ${c[2]})` : `rgb(${c[0]} ${c[1]} ${c[2]} / ${alpha})`;
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function classColor(i: number): Rgb {
  const p = palette().classes;
  return p[((i % p.length) + p.length) % p.length];
}

/** Layer i's curve colour; the output layer gets a neutral one. */
export function layerColor(i: number, layers: number): string {
  const s = palette().series;
  return i === layers - 1 ? css(palette().muted) : s[i % s.length];
}

/** A diverging colour for a value in [-1, 1]: orange below zero, blue above. */
export function divergingColor(v: number, strength = 1): Rgb {
  const p = palette();
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0)) * strength;
  return t >= 0 ? mix(p.surface, p.classes[1], t) : mix(p.surface, p.classes[0], -t);
}
