// The trainer config in its JSON form (core/include/nnplay/config_json.hpp is
// the reference; every range and default is in engine.configSchema(), so none
// is repeated here). Every field is optional; the
// core fills defaults and rejects unknown fields, wrong types and out-of-range
// values with a message that names the field path and the value.

// The option names (data kinds, features, heads, inits, optimisers,
// schedules) are the core's, generated into config-names.ts. Activation names
// stay strings: the page lists them at run time (engine.activationNames()).
import type { DatasetKind, FeatureName, HeadName, InitName, OptimizerName, ScheduleName } from './config-names';

export type {
  DatasetKind, FeatureName, HeadName, InitName, LoadedDatasetKind, OptimizerName, ScheduleName,
} from './config-names';
/** The kinds that come from CSV text (engine.loadDataset) rather than from a seed. */
export { LOADED_KINDS } from './config-names';

export interface DataConfigJson {
  kind?: DatasetKind;
  /** Generated sets only. */
  samples?: number;
  /** Generated sets only. */
  noise?: number;
  trainFraction?: number;
  /** spiral_k only. */
  classes?: number;
  /** uint32: the data's own seed (generation and the train/test split). */
  seed?: number;
  /** 2-D sets only; non-empty, no duplicates. */
  features?: FeatureName[];
}

export interface LayerConfigJson {
  units?: number;
  /** One of engine.activationNames(). */
  activation?: string;
  alpha?: number;
  lower?: number;
  upper?: number;
  /** 0 (a plain layer) or the number of maxout pieces. */
  maxout?: number;
}

/** The hyperparameters; also what Trainer.set() takes, as a partial update. */
export interface TrainConfigJson {
  optimizer?: OptimizerName;
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
  /** Full-set evaluation every k steps; 0 (the default) lets the trainer pick an interval that costs about 10 %. */
  evalEvery?: number;
}

export interface TrainerConfigJson {
  data?: DataConfigJson;
  /** At most configSchema().maxHiddenLayers. */
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
