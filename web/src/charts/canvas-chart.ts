// The one base of every canvas chart (heatmaps, the decision boundary, the
// network, the histograms, the 1-D plots, the digit pad). It owns what they
// all need and each used to repeat: the device-pixel backing store, following
// its box's width (ResizeObserver), redrawing when the theme changes, pointer
// positions in chart pixels, axis tick labels that never overlap and axis
// titles, and destroy. A chart only paints; its canvas is what the PNG export
// (png-export.ts composeChart) puts under the title.
//
// What it drew is reported on the canvas for tests and tools: data-axis-x and
// data-axis-y (the titles), data-ticks (every tick label's box, [x, y, w, h]
// in CSS pixels, JSON) and data-labels (texts placed as labels, JSON).
import { h } from '../ui/dom';
import { keepApart, linearScale, type Box, type Scale } from './axes';
import { css, palette, watchTheme, type Palette } from './theme';

export interface CanvasChartOptions {
  /** Class of the canvas. */
  cls: string;
  /** Class of the root element that holds the canvas (and whose width it follows). */
  rootCls: string;
  rootTag?: 'div' | 'figure';
  /** An existing element to be the root (the canvas is appended to it) instead of a new one. */
  root?: HTMLElement;
  attrs?: Readonly<Record<string, string>>;
  /** The CSS height for a CSS width. */
  height: (width: number) => number;
  /** The canvas never grows wider than this. */
  maxWidth?: number;
  /** Report pointer moves (in chart pixels) to onPointer. */
  hover?: boolean;
}

/** The plot area inside the canvas, in CSS pixels. */
export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const TICK_FONT = 10.5;
const TITLE_FONT = 11;
/** Height of a line of tick labels and of the axis title under it. */
export const TICK_BAND = 15;
export const TITLE_BAND = 14;

/** A canvas's backing store is its CSS size times the pixel ratio, so lines and text stay sharp on dense screens. */
export function sizeBacking(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): void {
  const dpr = devicePixelRatio || 1;
  canvas.width = Math.round(cssWidth * dpr);
  canvas.height = Math.round(cssHeight * dpr);
}

/** The canvas's context, cleared, drawing in CSS pixels. */
function begin(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): CanvasRenderingContext2D | null {
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const dpr = canvas.width / cssWidth;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  return ctx;
}

/** A picture painted once, not a live chart (a data set's thumbnail, the confusion matrix for the export). */
export function paintOnce(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number, paint: (ctx: CanvasRenderingContext2D) => void): HTMLCanvasElement {
  sizeBacking(canvas, cssWidth, cssHeight);
  const ctx = begin(canvas, cssWidth, cssHeight);
  if (ctx) paint(ctx);
  return canvas;
}

export abstract class CanvasChart {
  readonly root: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly #opts: CanvasChartOptions;
  readonly #observer: ResizeObserver;
  readonly #events = new AbortController();
  readonly #unwatch: () => void;
  #width = 0;
  #height = 0;
  #titles = { x: '', y: '' };
  #ticks: Box[] = [];
  #labels: string[] = [];
  #reported = '';

  constructor(opts: CanvasChartOptions) {
    this.#opts = opts;
    this.canvas = h('canvas', { cls: opts.cls, attrs: { role: 'img', ...opts.attrs } });
    this.root = opts.root ?? h(opts.rootTag ?? 'div', { cls: opts.rootCls });
    this.root.append(this.canvas);
    if (opts.hover) {
      const signal = this.#events.signal;
      this.canvas.addEventListener('pointermove', (e) => this.onPointer(this.local(e), e), { signal });
      this.canvas.addEventListener('pointerleave', (e) => this.onPointer(null, e), { signal });
    }
    this.#observer = new ResizeObserver(() => this.resize());
    this.#observer.observe(this.root);
    this.#unwatch = watchTheme(() => this.themeChanged());
  }

  /** CSS width and height of the canvas (0 before it was first laid out). */
  get width(): number {
    return this.#width;
  }

  get height(): number {
    return this.#height;
  }

  /** Follows the root's width; redraws when the size changed. */
  resize(): void {
    const w = Math.min(this.#opts.maxWidth ?? Infinity, Math.floor(this.root.clientWidth));
    if (w <= 0) return;
    const hgt = Math.round(this.#opts.height(w));
    if (w === this.#width && hgt === this.#height) return;
    this.#width = w;
    this.#height = hgt;
    sizeBacking(this.canvas, w, hgt);
    this.canvas.style.height = `${hgt}px`;
    if (this.#opts.maxWidth !== undefined) this.canvas.style.width = `${w}px`;
    this.sized();
    this.draw();
  }

  /** The axis titles, in the page's language (the owner sets them again on a language change). */
  setAxisTitles(x: string, y: string): void {
    if (this.#titles.x === x && this.#titles.y === y) return;
    this.#titles = { x, y };
    this.draw();
  }

  protected get axisTitles(): { readonly x: string; readonly y: string } {
    return this.#titles;
  }

  /** Clears the canvas and paints; a no-op until the chart has a size. */
  draw(): void {
    const ctx = this.#width > 0 ? begin(this.canvas, this.#width, this.#height) : null;
    if (!ctx) return;
    this.#ticks = [];
    this.#labels = [];
    this.paint(ctx, palette());
    this.#report();
  }

  destroy(): void {
    this.#observer.disconnect();
    this.#events.abort();
    this.#unwatch();
  }

  protected abstract paint(ctx: CanvasRenderingContext2D, pal: Palette): void;

  /** After a size change, before the redraw (a chart lays itself out here). */
  protected sized(): void {}

  /** The theme changed: the palette is already fresh; a chart that caches colours repaints them here. */
  protected themeChanged(): void {
    this.draw();
  }

  /** The pointer moved to p (chart pixels), or left (null). Only with the hover option. */
  protected onPointer(_p: { x: number; y: number } | null, _e: PointerEvent): void {}

  /** A mouse or pointer event's position in the canvas's CSS pixels (the canvas may be scaled by CSS). */
  protected local(e: MouseEvent): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    const sx = rect.width > 0 ? this.#width / rect.width : 1;
    const sy = rect.height > 0 ? this.#height / rect.height : 1;
    return { x: (e.clientX - rect.left) * sx, y: (e.clientY - rect.top) * sy };
  }

  /**
   * The plot area: room on the left for y tick labels of `yLabelWidth` and the
   * y title, below for the x tick labels and the x title.
   */
  protected plotArea(yLabelWidth: number, pad = { top: 6, right: 8 }): Area {
    const left = yLabelWidth + 6 + (this.#titles.y ? TITLE_BAND : 0);
    const bottom = this.#height - TICK_BAND - (this.#titles.x ? TITLE_BAND : 0);
    return { left, top: pad.top, right: this.#width - pad.right, bottom };
  }

  /** Scales of an area: x over [x0, x1] left to right, y over [y0, y1] bottom to top. */
  protected scales(a: Area, x0: number, x1: number, y0: number, y1: number): { x: Scale; y: Scale } {
    return { x: linearScale(x0, x1, a.left, a.right), y: linearScale(y0, y1, a.bottom, a.top) };
  }

  /**
   * Tick labels under the area (x) or left of it (y), at each value's pixel;
   * a label that would overlap one already placed is left out.
   */
  protected drawTicks(ctx: CanvasRenderingContext2D, pal: Palette, a: Area, side: 'x' | 'y', ticks: readonly { at: number; text: string }[]): void {
    ctx.font = `${TICK_FONT}px ${pal.font}`;
    ctx.fillStyle = css(pal.muted);
    const boxes = ticks.map(({ at, text }) => {
      const w = ctx.measureText(text).width;
      if (side === 'x') return { x: Math.max(0, Math.min(this.#width - w, at - w / 2)), y: a.bottom + 3, w, h: TICK_FONT + 2 };
      return { x: a.left - 5 - w, y: Math.max(0, at - (TICK_FONT + 2) / 2), w, h: TICK_FONT + 2 };
    });
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    // The labels already placed (the other axis) stay; a new one that would touch them goes.
    const placed = this.#ticks.length;
    for (const i of keepApart([...this.#ticks, ...boxes])) {
      if (i < placed) continue;
      const b = boxes[i - placed];
      ctx.fillText(ticks[i - placed].text, b.x, b.y + 1);
      this.#ticks.push(b);
    }
  }

  /** A label that counts as a tick (the network's column names): drawn centred at (x, y) and reported, unless it would overlap. */
  protected drawLabel(ctx: CanvasRenderingContext2D, text: string, x: number, y: number): boolean {
    const w = ctx.measureText(text).width;
    const b = { x: x - w / 2, y, w, h: TICK_FONT + 2 };
    if (keepApart([...this.#ticks, b]).length === this.#ticks.length) return false;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(text, b.x, y + 1);
    this.#ticks.push(b);
    this.#labels.push(text);
    return true;
  }

  /** The axis titles: x centred under its tick labels, y turned upright along the left edge. */
  protected drawAxisTitles(ctx: CanvasRenderingContext2D, pal: Palette, a: Area): void {
    const { x, y } = this.#titles;
    ctx.font = `italic ${TITLE_FONT}px ${pal.font}`;
    ctx.fillStyle = css(pal.text, 0.8);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    if (x) ctx.fillText(x, (a.left + a.right) / 2, a.bottom + TICK_BAND, a.right - a.left);
    if (y) {
      ctx.save();
      ctx.translate(2, (a.top + a.bottom) / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.fillText(y, 0, 0, a.bottom - a.top);
      ctx.restore();
    }
  }

  #report(): void {
    const ticks = JSON.stringify(this.#ticks.map((b) => [b.x, b.y, b.w, b.h].map((v) => Math.round(v * 10) / 10)));
    const labels = JSON.stringify(this.#labels);
    const report = `${this.#titles.x}\u0000${this.#titles.y}\u0000${ticks}\u0000${labels}`;
    if (report === this.#reported) return;
    this.#reported = report;
    this.canvas.dataset.axisX = this.#titles.x;
    this.canvas.dataset.axisY = this.#titles.y;
    this.canvas.dataset.ticks = ticks;
    if (this.#labels.length > 0) this.canvas.dataset.labels = labels;
  }
}
