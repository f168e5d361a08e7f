// Saving what the studio shows: a chart's canvas as a PNG (on the theme's own
// background, with its title above, so a transparent uPlot canvas does not
// come out black or unlabelled), and text files. Downloads go through a Blob,
// an object URL and <a download>: no data: URLs, nothing leaves the page.
import { css, palette } from './theme';

export interface LegendEntry {
  label: string;
  color: string;
  dash?: number[];
}

/** Height of the title band, in CSS pixels. */
export const TITLE_BAND = 26;

/**
 * A new canvas: the title band, then the chart at its own pixel size on the
 * page's surface colour. Width is the chart canvas's width.
 */
export function composeChart(source: HTMLCanvasElement, title: string, legend: LegendEntry[] = []): HTMLCanvasElement {
  const pal = palette();
  const dpr = source.clientWidth > 0 ? source.width / source.clientWidth : devicePixelRatio || 1;
  const band = Math.round(TITLE_BAND * dpr);
  const out = document.createElement('canvas');
  out.width = source.width;
  out.height = source.height + band;
  const ctx = out.getContext('2d');
  if (!ctx) return out;
  ctx.fillStyle = css(pal.surface);
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(source, 0, band);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textBaseline = 'middle';
  ctx.font = `600 13px ${pal.font}`;
  ctx.fillStyle = css(pal.text);
  const w = out.width / dpr;
  let x = 8;
  ctx.fillText(title, x, TITLE_BAND / 2, w - 16);
  x += Math.min(w - 16, ctx.measureText(title).width) + 16;
  // The series key, as far as it fits on the title line.
  ctx.font = `11px ${pal.font}`;
  for (const e of legend) {
    const width = 18 + ctx.measureText(e.label).width;
    if (x + width > w - 8) break;
    ctx.strokeStyle = e.color;
    ctx.lineWidth = 2.5;
    ctx.setLineDash(e.dash ?? []);
    ctx.beginPath();
    ctx.moveTo(x, TITLE_BAND / 2);
    ctx.lineTo(x + 12, TITLE_BAND / 2);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = css(pal.muted);
    ctx.fillText(e.label, x + 16, TITLE_BAND / 2);
    x += width + 12;
  }
  return out;
}

/** Starts a download of blob as filename. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click returned; free it soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded'))), 'image/png'),
  );
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

/** A file-name-safe slug. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
}
