// A frozen, read-only snapshot for the end-to-end tests: the article figure's
// wasm-computed values at a few x, so tests can compare them with Math.
import type { Engine } from '../engine/engine';
import { PANELS, SAMPLES_PER_UNIT, X_RANGE } from '../views/explore/figure-panels';
import { computeFigure } from '../views/explore/figure-view';

export interface DebugSnapshot {
  readonly build: 'simd' | 'scalar';
  readonly version: string;
  readonly points: number;
  readonly panels: readonly {
    readonly id: string;
    readonly activation: string;
    readonly op: 'forward' | 'derivative';
    readonly alpha: number | null;
    readonly samples: readonly (readonly [number, number])[];
  }[];
}

const SAMPLE_AT = [-10, -2, -0.5, 0, 0.5, 2, 10];

export function debugSnapshot(engine: Engine): DebugSnapshot {
  const { x, ys } = computeFigure(engine);
  const at = (v: number) => Math.round((v - X_RANGE[0]) * SAMPLES_PER_UNIT);
  return Object.freeze({
    build: engine.simd ? 'simd' : 'scalar',
    version: engine.version,
    points: x.length,
    panels: Object.freeze(
      PANELS.map((spec, i) =>
        Object.freeze({
          id: spec.id,
          activation: spec.activation,
          op: spec.op,
          alpha: spec.params.alpha ?? null,
          samples: Object.freeze(SAMPLE_AT.map((v) => Object.freeze([x[at(v)], ys[i][at(v)]] as const))),
        }),
      ),
    ),
  });
}
