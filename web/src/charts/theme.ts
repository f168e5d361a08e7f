// Canvas colours follow the page's light/dark palette: charts read the CSS
// custom properties at draw time, and redraw when the colour scheme changes.

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

export function onSchemeChange(callback: () => void): () => void {
  const query = matchMedia('(prefers-color-scheme: dark)');
  query.addEventListener('change', callback);
  return () => query.removeEventListener('change', callback);
}
