// Trainer.metrics() reads the binding's numbers (metrics_values.hpp,
// metrics.ts readMetrics) instead of the metrics JSON: it must give the same
// object as parseMetrics of metrics_json, field by field (NaN and null
// fields, per-layer values, histograms, a divergence), also after the wasm
// memory has grown under the view it reads.
import { describe, expect, it } from 'vitest';
import type { Metrics, TrainerConfigJson } from '../../web/src/engine/engine';
import { parseMetrics } from '../../web/src/engine/metrics';
import { BUILDS, engineFor } from './load';
import { rawModule } from './raw-module';
import { DIVERGING_CONFIG } from './trainer-util';

/** Paths where a and b differ (Object.is on numbers: NaN equals NaN, 0 is not −0). */
function differences(a: unknown, b: unknown, path = 'metrics'): string[] {
  if (ArrayBuffer.isView(a) || Array.isArray(a)) {
    const [x, y] = [a as ArrayLike<unknown>, b as ArrayLike<unknown>];
    if (Object.prototype.toString.call(a) !== Object.prototype.toString.call(b) || x.length !== y.length) {
      return [`${path}: ${Object.prototype.toString.call(a)}(${x.length}) vs ${Object.prototype.toString.call(b)}(${y?.length})`];
    }
    return Array.from({ length: x.length }, (_, i) => differences(x[i], y[i], `${path}[${i}]`)).flat();
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) =>
      k in a && k in b
        ? differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`)
        : [`${path}.${k}: only on one side`],
    );
  }
  return Object.is(a, b) ? [] : [`${path}: ${String(a)} vs ${String(b)}`];
}

const CASES: [string, TrainerConfigJson, number][] = [
  ['the defaults, fresh', {}, 0],
  ['the defaults after 50 steps', {}, 50],
  [
    'PReLU and ReLU layers, regression (accuracies NaN, α set on one layer only)',
    {
      data: { kind: 'circle' },
      hidden: [
        { units: 6, activation: 'prelu' },
        { units: 5, activation: 'relu' },
      ],
      head: 'linear_mse',
      train: { evalEvery: 1, learningRate: 0.01 },
    },
    20,
  ],
  [
    'softmax over 3 classes, three hidden layers',
    {
      data: { kind: 'spiral_k', classes: 3 },
      hidden: [
        { units: 16, activation: 'relu' },
        { units: 8, activation: 'sigmoid' },
        { units: 4, activation: 'elu' },
      ],
      head: 'softmax_ce',
      train: { evalEvery: 3, optimizer: 'adam' },
    },
    7,
  ],
  ['diverged (non-finite losses and gradients, a divergence report)', DIVERGING_CONFIG, 100],
];

describe.each(BUILDS)('%s build: metrics without JSON', (build) => {
  it.each(CASES)('%s: metrics() equals the JSON path field by field', async (_, config, steps) => {
    const e = await engineFor(build);
    const M = await rawModule(build);
    const t = e.createTrainer(config);
    const twin = M.createTrainer(JSON.stringify(config), null);
    if (twin instanceof Error) throw twin;
    if (steps > 0) {
      t.step(steps);
      expect(twin.step(steps)).toBeUndefined();
    }
    const json = parseMetrics(twin.metricsJson());
    const fast: Metrics = t.metrics();
    expect(differences(fast, json)).toEqual([]);
    expect(json.layers.length).toBe(t.shape.units.length); // the comparison saw the layers
    if (config === DIVERGING_CONFIG) {
      expect(fast.diverged).toBe(true);
      expect(fast.divergence?.step).toBe(fast.step);
      // The step that diverged recorded a non-finite number: the core's inf or NaN, NaN on both paths.
      const top = [fast.batchLoss, fast.gradNorm, fast.gradNormClipped, ...fast.layers.map((l) => l.gradWNorm)];
      expect(top.some(Number.isNaN)).toBe(true);
    }
    twin.delete();
    t.dispose();
  });

  it('still reads the right values after the wasm memory has grown', async () => {
    const M = await rawModule(build);
    const h = M.createTrainer('{}', null);
    if (h instanceof Error) throw h;
    const view = h.metricsValues();
    // 800k points: the predict caches (~60 MB) outgrow the initial 16 MB memory.
    const big = new Float32Array(1_600_000);
    expect(h.predict(big)).toBeInstanceOf(Float32Array);
    expect(view.length).toBe(0); // the old view is detached: what Trainer.metrics() checks for

    const e = await engineFor(build);
    const t = e.createTrainer({});
    const twin = M.createTrainer('{}', null);
    if (twin instanceof Error) throw twin;
    t.step(30);
    t.metrics(); // a view taken now
    t.predict(big); // grows the engine's memory the same way
    t.step(5);
    expect(twin.step(35)).toBeUndefined();
    expect(differences(t.metrics(), parseMetrics(twin.metricsJson()))).toEqual([]);
    for (const x of [h, twin]) x.delete();
    t.dispose();
  });
});
