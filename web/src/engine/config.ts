// The trainer config in its JSON form (core/include/nnplay/config_json.hpp is
// the reference, field by field, with ranges). Every field is optional; the
// core fills defaults and rejects unknown fields, wrong types and out-of-range
// values with a message that names the field path and the value.

export type DatasetKind =
  | 'circle'
  | 'xor'
  | 'gauss'
  | 'spiral'
  | 'moons'
  | 'spiral_k'
  | 'sine'
  | 'plane'
  | 'gauss_regression'
  | 'digits'
  | 'iris'
  | 'custom';

/** The kinds that come from CSV text (engine.loadDataset) rather than from a seed. */
export type LoadedDatasetKind = 'digits' | 'iris' | 'custom';
export const LOADED_KINDS: readonly string[] = ['digits', 'iris', 'custom'];

export type FeatureName = 'x1' | 'x2' | 'x1_squared' | 'x2_squared' | 'x1_x2' | 'sin_x1' | 'sin_x2';
export type HeadName = 'auto' | 'sigmoid_bce' | 'softmax_ce' | 'linear_mse' | 'tanh_mse';
export type InitName =
  | 'uniform'
  | 'xavier_uniform'
  | 'xavier_normal'
  | 'he_uniform'
  | 'he_normal'
  | 'zero'
  | 'large_normal';
export type OptimizerName = 'sgd' | 'momentum' | 'rmsprop' | 'adam';
export type ScheduleName = 'constant' | 'step' | 'cosine';

export interface DataConfigJson {
  kind?: DatasetKind;
  /** Generated sets: 10..5000. */
  samples?: number;
  /** Generated sets: 0..0.5. */
  noise?: number;
  /** 0.1..0.9 */
  trainFraction?: number;
  /** spiral_k: 3..5 */
  classes?: number;
  /** uint32: the data's own seed (generation and the train/test split). */
  seed?: number;
  /** 2-D sets only; non-empty, no duplicates. */
  features?: FeatureName[];
}

export interface LayerConfigJson {
  /** 1..256 */
  units?: number;
  /** One of engine.activationNames(). */
  activation?: string;
  alpha?: number;
  lower?: number;
  upper?: number;
  /** 0 (a plain layer) or 2..5 pieces. */
  maxout?: number;
}

/** The hyperparameters; also what Trainer.set() takes, as a partial update. */
export interface TrainConfigJson {
  optimizer?: OptimizerName;
  /** (0, 10] */
  learningRate?: number;
  momentum?: number;
  nesterov?: boolean;
  rho?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  schedule?: ScheduleName;
  decaySteps?: number;
  decayRate?: number;
  batchSize?: number;
  shuffle?: boolean;
  l1?: number;
  l2?: number;
  /** 0 = off */
  clipNorm?: number;
  /** 0 = off */
  clipValue?: number;
  dropout?: number;
  /** Full-set evaluation every k steps, 1..10000; 0 (the default) lets the trainer pick an interval that costs about 10 %. */
  evalEvery?: number;
}

export interface TrainerConfigJson {
  data?: DataConfigJson;
  /** 0..8 hidden layers. */
  hidden?: LayerConfigJson[];
  head?: HeadName;
  init?: InitName;
  initSigma?: number;
  biasInit?: number;
  train?: TrainConfigJson;
  /** uint32: weights, batches, dropout, RReLU. */
  seed?: number;
}

/** A config with every field present, as Trainer.config() returns it. */
export interface FullTrainerConfig {
  data: Required<DataConfigJson>;
  hidden: Required<LayerConfigJson>[];
  head: HeadName;
  init: InitName;
  initSigma: number;
  biasInit: number;
  train: Required<TrainConfigJson>;
  seed: number;
}

/** The model file of Trainer.toJSON() (model_json.hpp). */
export interface ModelJson {
  format: 'nnplay-model';
  version: 1;
  step: number;
  config: FullTrainerConfig;
  layers: { inputs: number; units: number; pieces: number; w: number[]; b: number[]; alpha: number }[];
}
