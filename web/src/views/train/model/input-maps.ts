// The network diagram's input column: each chosen feature over the plane the
// diagram's thumbnails show, valued by the core (engine.featureValues, the
// code training runs), so the page has no feature formulas of its own.
import type { Engine, FeatureName } from '../../../engine/engine';
import { THUMB } from '../charts/thumbs';

/** The plane of the diagram's thumbnails, as trainer.grid bounds. */
export const THUMB_PLANE = { x0: -6, x1: 6, y0: -6, y1: 6 } as const;

/** The THUMB×THUMB points of that plane as x, y pairs, row-major from (x0, y0) like trainer.grid. */
export function thumbPoints(): Float32Array {
  const { x0, x1, y0, y1 } = THUMB_PLANE;
  const pts = new Float32Array(THUMB * THUMB * 2);
  for (let j = 0; j < THUMB; j++) {
    for (let i = 0; i < THUMB; i++) {
      pts[(j * THUMB + i) * 2] = x0 + ((x1 - x0) * i) / (THUMB - 1);
      pts[(j * THUMB + i) * 2 + 1] = y0 + ((y1 - y0) * j) / (THUMB - 1);
    }
  }
  return pts;
}

/** One THUMB×THUMB map per feature, in the order given. */
export function inputMaps(engine: Engine, features: readonly FeatureName[]): Float32Array[] {
  const pts = thumbPoints();
  return features.map((f) => engine.featureValues(f, pts));
}
