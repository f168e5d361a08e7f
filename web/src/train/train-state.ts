// The training studio's state: typed plain data that round-trips through URL
// parameters (state-train.ts), its limits (the core's ranges from
// config_detail.hpp), and the engine config built from it. No DOM.
import type {
  DatasetKind,
  FeatureName,
  HeadName,
  InitName,
  LayerConfigJson,
  ScheduleName,
  TrainConfigJson,
  TrainerConfigJson,
} from '../engine';
import type { CustomPoint } from './data-source';

export const DATA_KINDS: readonly DatasetKind[] = [
  'circle', 'xor', 'gauss', 'spiral', 'moons', 'spiral_k', 'sine', 'plane', 'gauss_regression', 'digits', 'iris', 'custom',
];
/** Kinds the core generates from a seed. */
export const GENERATED_KINDS: readonly DatasetKind[] = DATA_KINDS.slice(0, 9);
/** Generated kinds with 2-D inputs (features apply, the boundary plot works). */
export const PLANE_KINDS: readonly DatasetKind[] = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'spiral_k', 'plane', 'gauss_regression'];
export const REGRESSION_KINDS: readonly DatasetKind[] = ['sine', 'plane', 'gauss_regression'];

export const FEATURES: readonly FeatureName[] = ['x1', 'x2', 'x1_squared', 'x2_squared', 'x1_x2', 'sin_x1', 'sin_x2'];
export const HEADS: readonly HeadName[] = ['auto', 'sigmoid_bce', 'softmax_ce', 'linear_mse', 'tanh_mse'];
export const INITS: readonly InitName[] = ['uniform', 'xavier_uniform', 'xavier_normal', 'he_uniform', 'he_normal', 'zero', 'large_normal'];
/** The optimiser menu: Nesterov is momentum with its flag on. */
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam'] as const;
export type OptimizerChoice = (typeof OPTIMIZERS)[number];
export const SCHEDULES: readonly ScheduleName[] = ['constant', 'step', 'cosine'];
/** Steps per frame; 'epoch' (the default) is one pass over the training split per frame, a pace the eye can follow. */
export const SPEEDS = ['epoch', '1', '5', '20', '100', 'max'] as const;
export type Speed = (typeof SPEEDS)[number];
/** "maxout" in place of an activation name: a maxout layer of `maxout` pieces. */
export const MAXOUT = 'maxout';

export interface LayerSpec {
  units: number;
  /** An engine activation name, or MAXOUT. */
  activation: string;
  /** Pieces of a maxout layer (2..5); ignored otherwise. */
  pieces: number;
  /** Activation parameters; missing ones take the core's defaults. */
  alpha?: number;
  lower?: number;
  upper?: number;
}

export interface TrainState {
  data: DatasetKind;
  samples: number;
  noise: number;
  trainFraction: number;
  /** k-class spiral only. */
  classes: number;
  dataSeed: number;
  features: FeatureName[];
  layers: LayerSpec[];
  head: HeadName;
  init: InitName;
  initSigma: number;
  biasInit: number;
  seed: number;
  optimizer: OptimizerChoice;
  learningRate: number;
  momentum: number;
  schedule: ScheduleName;
  decaySteps: number;
  decayRate: number;
  batchSize: number;
  l1: number;
  l2: number;
  dropout: number;
  clipNorm: number;
  clipValue: number;
  speed: Speed;
  discretize: boolean;
  showTest: boolean;
  /** Activations of the comparison (2..4), or empty. */
  compare: string[];
  /** Clicked points of data 'custom' (the link's copy; the session's CustomData holds the data). */
  customPoints: CustomPoint[];
}

/** [min, max, integer, min exclusive]: the core's ranges. */
export const LIMITS = {
  samples: [10, 5000, true, false],
  noise: [0, 0.5, false, false],
  trainFraction: [0.1, 0.9, false, false],
  classes: [3, 5, true, false],
  dataSeed: [0, 4294967295, true, false],
  seed: [0, 4294967295, true, false],
  units: [1, 256, true, false],
  pieces: [2, 5, true, false],
  initSigma: [0, 100, false, true],
  biasInit: [-10, 10, false, false],
  learningRate: [0, 10, false, true],
  momentum: [0, 0.999, false, false],
  decaySteps: [1, 1e6, true, false],
  decayRate: [0, 1, false, true],
  batchSize: [1, 5000, true, false],
  l1: [0, 1, false, false],
  l2: [0, 1, false, false],
  dropout: [0, 0.9, false, false],
  clipNorm: [0, 1000, false, false],
  clipValue: [0, 1000, false, false],
} as const satisfies Record<string, readonly [number, number, boolean, boolean]>;
export type LimitKey = keyof typeof LIMITS;
export const MAX_LAYERS = 8;
export const MAX_COMPARE = 4;

export function inLimit(key: LimitKey, v: number): boolean {
  const [lo, hi, integer, loOpen] = LIMITS[key];
  return Number.isFinite(v) && (loOpen ? v > lo : v >= lo) && v <= hi && (!integer || Number.isInteger(v));
}

export function defaultTrainState(): TrainState {
  return {
    data: 'circle',
    samples: 500,
    noise: 0,
    trainFraction: 0.5,
    classes: 3,
    dataSeed: 1,
    features: ['x1', 'x2'],
    layers: [
      { units: 4, activation: 'tanh', pieces: 2 },
      { units: 2, activation: 'tanh', pieces: 2 },
    ],
    head: 'auto',
    init: 'xavier_uniform',
    initSigma: 3,
    biasInit: 0,
    seed: 1,
    optimizer: 'sgd',
    learningRate: 0.03,
    momentum: 0.9,
    schedule: 'constant',
    decaySteps: 1000,
    decayRate: 0.5,
    batchSize: 10,
    l1: 0,
    l2: 0,
    dropout: 0,
    clipNorm: 0,
    clipValue: 0,
    speed: 'epoch',
    discretize: false,
    showTest: false,
    compare: [],
    customPoints: [],
  };
}

/** The speed as steps per frame: an epoch is the training split over the batch size. */
export function stepsPerFrame(s: Pick<TrainState, 'speed' | 'batchSize'>, trainSize: number): number {
  if (s.speed === 'max') return Infinity;
  if (s.speed !== 'epoch') return Number(s.speed);
  return trainSize > 0 ? Math.ceil(trainSize / Math.min(s.batchSize, trainSize)) : 1;
}

export function cloneState(s: TrainState): TrainState {
  return {
    ...s, features: [...s.features], layers: s.layers.map((l) => ({ ...l })), compare: [...s.compare],
    customPoints: s.customPoints.map((p) => ({ ...p })),
  };
}

export function isPlane(kind: DatasetKind, customInputs = 2): boolean {
  return PLANE_KINDS.includes(kind) || (kind === 'custom' && customInputs === 2);
}

function layerJson(l: LayerSpec): LayerConfigJson {
  if (l.activation === MAXOUT) return { units: l.units, maxout: l.pieces };
  const out: LayerConfigJson = { units: l.units, activation: l.activation };
  if (l.alpha !== undefined) out.alpha = l.alpha;
  if (l.lower !== undefined) out.lower = l.lower;
  if (l.upper !== undefined) out.upper = l.upper;
  return out;
}

/** The hyperparameters trainer.set() changes in place. */
export function trainJson(s: TrainState): TrainConfigJson {
  return {
    optimizer: s.optimizer === 'nesterov' ? 'momentum' : s.optimizer,
    nesterov: s.optimizer === 'nesterov',
    learningRate: s.learningRate,
    momentum: s.momentum,
    schedule: s.schedule,
    decaySteps: s.decaySteps,
    decayRate: s.decayRate,
    batchSize: s.batchSize,
    l1: s.l1,
    l2: s.l2,
    dropout: s.dropout,
    clipNorm: s.clipNorm,
    clipValue: s.clipValue,
  };
}

/** Evaluation (full-set metrics, dead units, histograms) every k steps: cheap sets more often. */
export function evalEvery(kind: DatasetKind): number {
  return kind === 'digits' ? 20 : 10;
}

/** The engine config for a state; `customInputs` is the custom set's input count. */
export function trainerConfig(s: TrainState, customInputs = 2): TrainerConfigJson {
  const generated = GENERATED_KINDS.includes(s.data);
  return {
    data: {
      kind: s.data,
      ...(generated ? { samples: s.samples, noise: s.noise } : {}),
      trainFraction: s.trainFraction,
      classes: s.classes,
      seed: s.dataSeed,
      ...(isPlane(s.data, customInputs) ? { features: s.features } : {}),
    },
    hidden: s.layers.map(layerJson),
    head: s.head,
    init: s.init,
    initSigma: s.initSigma,
    biasInit: s.biasInit,
    train: { ...trainJson(s), evalEvery: evalEvery(s.data) },
    seed: s.seed,
  };
}

/** Fields whose change needs a new network (everything else goes through trainer.set). */
const STRUCTURAL: readonly (keyof TrainState)[] = [
  'data', 'samples', 'noise', 'trainFraction', 'classes', 'dataSeed', 'features', 'layers', 'head', 'init',
  'initSigma', 'biasInit', 'seed',
];
const LIVE: readonly (keyof TrainState)[] = [
  'optimizer', 'learningRate', 'momentum', 'schedule', 'decaySteps', 'decayRate', 'batchSize', 'l1', 'l2',
  'dropout', 'clipNorm', 'clipValue',
];

export type ChangeKind = 'structural' | 'live' | 'view' | 'none';

export function changeKind(a: TrainState, b: TrainState): ChangeKind {
  const same = (k: keyof TrainState) => JSON.stringify(a[k]) === JSON.stringify(b[k]);
  if (!STRUCTURAL.every(same)) return 'structural';
  if (!LIVE.every(same)) return 'live';
  return (Object.keys(a) as (keyof TrainState)[]).every(same) ? 'none' : 'view';
}
