// Small pictures of each data set for the data picker: the generated sets are
// drawn from the core's own points (same noise and seed as the real run); the
// real sets get a glyph (a digit's pixels, iris's three clusters).
import type { DatasetKind, Engine } from '../../../engine/engine';
import { classColor, css, divergingColor, mix, palette } from '../../../charts/theme';
import type { CustomPoint } from '../model/data-source';
import { GENERATED_KINDS } from '../model/train-state';
import { paintOnce } from '../../../charts/canvas-chart';

export const THUMB_PX = 56;

// An 8×8 "3", in the spirit of the digits set (0..4 intensity).
const DIGIT = [
  '.2442...', '4...4...', '....4...', '..34....', '....42..', '.....4..', '4...42..', '.344....',
];

export function drawThumb(
  canvas: HTMLCanvasElement, engine: Engine, kind: DatasetKind, noise: number, seed: number, custom: CustomPoint[],
): void {
  paintOnce(canvas, THUMB_PX, THUMB_PX, (ctx) => paintThumb(ctx, engine, kind, noise, seed, custom));
}

function paintThumb(ctx: CanvasRenderingContext2D, engine: Engine, kind: DatasetKind, noise: number, seed: number, custom: CustomPoint[]): void {
  const pal = palette();
  ctx.fillStyle = css(mix(pal.surface, pal.text, 0.04));
  ctx.fillRect(0, 0, THUMB_PX, THUMB_PX);
  const S = THUMB_PX;
  const dot = (x: number, y: number, c: readonly [number, number, number]) => {
    ctx.fillStyle = css(c);
    ctx.fillRect(x - 1.2, y - 1.2, 2.4, 2.4);
  };
  if (GENERATED_KINDS.includes(kind)) {
    const d = engine.generateDataset({ kind, samples: 160, noise, seed });
    try {
      const x = d.x();
      const y = d.y();
      const n = d.size;
      if (kind === 'sine') {
        for (let i = 0; i < n; i++) dot(((x[i] + 6.5) / 13) * S, S / 2 - y[i] * S * 0.36, pal.classes[1]);
      } else {
        for (let i = 0; i < n; i++) {
          const c = d.classes === 0 ? divergingColor(y[i]) : classColor(y[i]);
          dot(((x[2 * i] + 6.5) / 13) * S, ((6.5 - x[2 * i + 1]) / 13) * S, c);
        }
      }
    } finally {
      d.dispose();
    }
  } else if (kind === 'digits') {
    const cell = S / 10;
    DIGIT.forEach((row, j) => [...row].forEach((ch, i) => {
      if (ch === '.') return;
      ctx.fillStyle = css(mix(pal.surface, pal.text, Number(ch) / 4.5));
      ctx.fillRect(cell * (i + 1), cell * (j + 1), cell - 0.5, cell - 0.5);
    }));
  } else if (kind === 'iris') {
    const centres = [[0.25, 0.7], [0.55, 0.4], [0.75, 0.25]];
    let r = 7;
    const rand = () => ((r = (r * 16807) % 2147483647) / 2147483647) - 0.5;
    centres.forEach(([cx, cy], k) => {
      for (let i = 0; i < 22; i++) dot((cx + rand() * 0.22) * S, (cy + rand() * 0.2) * S, classColor(k));
    });
  } else {
    for (const p of custom) dot(((p.x + 6.5) / 13) * S, ((6.5 - p.y) / 13) * S, classColor(p.label));
    if (custom.length === 0) {
      ctx.strokeStyle = css(pal.muted);
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(S / 2 - 9, S / 2);
      ctx.lineTo(S / 2 + 9, S / 2);
      ctx.moveTo(S / 2, S / 2 - 9);
      ctx.lineTo(S / 2, S / 2 + 9);
      ctx.stroke();
    }
  }
}
