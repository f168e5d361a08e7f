// What the studio's controls offer: the menus of values (a teaching choice of
// the page, e.g. learning rates a decade apart), the sliders' steps, and the
// named options (the core's lists, from its schema). Kept apart from the
// controls so a test can check each offer against the core
// (tests/wasm/config-schema.test.ts). No DOM.
import type { ConfigSchema } from '../../../engine/engine';
import { limit, optimizerChoices, optionsOf, type LimitKey } from '../model/train-rules';

/** Batch size "full batch": the core's largest batch (its batch is at most the training split). */
export const fullBatch = (schema: ConfigSchema): number => limit(schema, 'batchSize').max ?? 1;

/** Value menus of the select fields, per state field. */
export const VALUE_MENUS = {
  learningRate: [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  momentum: [0.5, 0.9, 0.95, 0.99],
  decaySteps: [100, 500, 1000, 5000],
  decayRate: [0.1, 0.5, 0.9],
  batchSize: [1, 4, 10, 16, 32, 64, 128],
  l1: [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1],
  l2: [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1],
  dropout: [0, 0.1, 0.2, 0.3, 0.5],
  clipNorm: [0, 0.5, 1, 5],
  clipValue: [0, 0.1, 0.5, 1],
  initSigma: [0.5, 1, 2, 3, 5, 10],
  biasInit: [-3, -1, -0.1, 0, 0.1, 1],
  classes: [3, 4, 5],
  pieces: [2, 3, 4],
} as const satisfies Partial<Record<LimitKey, readonly number[]>>;

/** Slider steps; the ends are the core's range. */
export const SLIDER_STEPS = { noise: 0.05, trainFraction: 0.1 } as const satisfies Partial<Record<LimitKey, number>>;

export function slider(schema: ConfigSchema, key: keyof typeof SLIDER_STEPS): { min: number; max: number; step: number } {
  const f = limit(schema, key);
  return { min: f.min ?? 0, max: f.max ?? 1, step: SLIDER_STEPS[key] };
}

/** The named options the controls offer, all the core's. */
export function nameMenus(schema: ConfigSchema) {
  return {
    optimizer: optimizerChoices(schema),
    schedule: optionsOf(schema, 'schedule'),
    head: optionsOf(schema, 'head'),
    init: optionsOf(schema, 'init'),
    features: optionsOf(schema, 'features'),
    activation: optionsOf(schema, 'activation'),
  };
}
