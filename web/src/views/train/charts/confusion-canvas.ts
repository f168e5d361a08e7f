// The confusion matrix drawn on a canvas, for the PNG export: the same cells,
// shades and counts as the table on the page (confusion-view.ts), with the
// class names along the top and the left.
import { css, mix, type Palette, type Rgb } from '../../../charts/theme';
import { paintOnce } from '../../../charts/canvas-chart';

// Right answers in green, mix-ups in red: not class colours, which mean classes.
const DIAGONAL: Rgb = [22, 163, 74];
const OFF_DIAGONAL: Rgb = [220, 38, 38];

/** A cell's shade: its share of the true class's row, green on the diagonal and red off it. */
export function cellColor(truth: number, predicted: number, share: number, pal: Palette): Rgb {
  return mix(pal.surface, truth === predicted ? DIAGONAL : OFF_DIAGONAL, share * 0.85);
}

/**
 * Text on a cell: black or white, whichever contrasts more with its shade. One
 * of the two always reaches WCAG AA's 4.5:1 (at worst about 4.6:1), which the
 * theme's own text colour does not on the mid shades.
 */
export function cellText(background: Rgb): string {
  const [r, g, b] = background.map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Equal contrast with black and white: (L + 0.05)² = 0.05 · 1.05.
  return luminance > Math.sqrt(0.0525) - 0.05 ? '#000000' : '#ffffff';
}

const CELL = 34;
const HEAD = 30;
/** Wide enough for the title the export puts above it, even with two classes. */
const MIN_WIDTH = 240;

export function drawConfusion(matrix: ArrayLike<number>, names: readonly string[], pal: Palette): HTMLCanvasElement {
  const k = names.length;
  const size = HEAD + k * CELL + 8;
  const width = Math.max(size, MIN_WIDTH);
  return paintOnce(document.createElement('canvas'), width, size, (ctx) => {
    ctx.fillStyle = css(pal.surface);
    ctx.fillRect(0, 0, width, size);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = `600 12px ${pal.font}`;
    ctx.fillStyle = css(pal.muted);
    names.forEach((name, i) => {
      ctx.fillText(name, HEAD + i * CELL + CELL / 2, HEAD / 2, CELL - 2);
      ctx.fillText(name, HEAD / 2, HEAD + i * CELL + CELL / 2, HEAD - 2);
    });
    ctx.font = `12px ${pal.font}`;
    for (let t = 0; t < k; t++) {
      let row = 0;
      for (let p = 0; p < k; p++) row += matrix[t * k + p];
      for (let p = 0; p < k; p++) {
        const n = matrix[t * k + p];
        const share = row > 0 ? n / row : 0;
        const x = HEAD + p * CELL;
        const y = HEAD + t * CELL;
        const shade = cellColor(t, p, share, pal);
        ctx.fillStyle = css(shade);
        ctx.fillRect(x + 1, y + 1, CELL - 2, CELL - 2);
        ctx.fillStyle = cellText(shade);
        ctx.fillText(String(n), x + CELL / 2, y + CELL / 2, CELL - 4);
      }
    }
  });
}
