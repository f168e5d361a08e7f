// Generated from the core's config schema (engine.configSchema()) by
// tests/wasm/config-schema.test.ts, which fails when this file is stale.
// Do not edit: after a change to a core registry, rebuild the wasm and run
//   node node_modules/vitest/vitest.mjs run --config vitest.config.mjs tests/wasm/config-schema.test.ts -u

/** data.kind */
export const DATASET_KINDS = [
  'circle', 'xor', 'gauss', 'spiral', 'moons', 'spiral_k', 'sine', 'plane', 'gauss_regression', 'digits', 'iris',
  'custom',
] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

/** Kinds the core generates from a seed. */
export const GENERATED_KINDS: readonly DatasetKind[] = [
  'circle', 'xor', 'gauss', 'spiral', 'moons', 'spiral_k', 'sine', 'plane', 'gauss_regression',
];

/** Generated kinds with 2-D inputs (features apply, the boundary plot works). */
export const PLANE_KINDS: readonly DatasetKind[] = [
  'circle', 'xor', 'gauss', 'spiral', 'moons', 'spiral_k', 'plane', 'gauss_regression',
];

/** Generated kinds with a regression target. */
export const REGRESSION_KINDS: readonly DatasetKind[] = [
  'sine', 'plane', 'gauss_regression',
];

/** Kinds that come from CSV text (engine.loadDataset) rather than from a seed. */
export type LoadedDatasetKind = 'digits' | 'iris' | 'custom';
/** LoadedDatasetKind as values. */
export const LOADED_KINDS: readonly string[] = [
  'digits', 'iris', 'custom',
];

/** data.features */
export const FEATURE_NAMES = [
  'x1', 'x2', 'x1_squared', 'x2_squared', 'x1_x2', 'sin_x1', 'sin_x2',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** head */
export const HEAD_NAMES = [
  'auto', 'sigmoid_bce', 'softmax_ce', 'linear_mse', 'tanh_mse',
] as const;
export type HeadName = (typeof HEAD_NAMES)[number];

/** init */
export const INIT_NAMES = [
  'uniform', 'xavier_uniform', 'xavier_normal', 'he_uniform', 'he_normal', 'zero', 'large_normal',
] as const;
export type InitName = (typeof INIT_NAMES)[number];

/** train.optimizer */
export const OPTIMIZER_NAMES = [
  'sgd', 'momentum', 'rmsprop', 'adam', 'adagrad',
] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** train.schedule */
export const SCHEDULE_NAMES = [
  'constant', 'step', 'cosine',
] as const;
export type ScheduleName = (typeof SCHEDULE_NAMES)[number];
