// The training studio's state: typed plain data that round-trips through URL
// parameters (state-train.ts), its defaults (the core's, from its config
// schema; the limits are in train-rules.ts), and the engine config built
// from it. No DOM.
import type {
  ConfigSchema,
  DatasetKind,
  FeatureName,
  HeadName,
  InitName,
  LayerConfigJson,
  OptimizerName,
  ScheduleName,
  TrainConfigJson,
  TrainerConfigJson,
} from '../../../engine/engine';
import { GENERATED_KINDS, PLANE_KINDS } from '../../../engine/config-names';
import type { CustomPoint } from './data-source';
import { defaultOf, limit } from './train-rules';

// The data kinds and their kinds of kind are the core's (engine/config-names.ts, generated from its schema).
export { DATASET_KINDS as DATA_KINDS, GENERATED_KINDS, PLANE_KINDS, REGRESSION_KINDS } from '../../../engine/config-names';

/** The optimiser menu: the core's optimisers, and Nesterov (momentum with its flag on); see train-rules.ts. */
export type OptimizerChoice = OptimizerName | 'nesterov';
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

export const MAX_COMPARE = 4;

/** The core's defaults (engine.configSchema()), and the page's own for what only the page has. */
export function defaultTrainState(schema: ConfigSchema): TrainState {
  const d = <T>(path: string) => defaultOf<T>(schema, path);
  const pieces = limit(schema, 'pieces').min ?? 2;
  return {
    data: d('data.kind'),
    samples: d('data.samples'),
    noise: d('data.noise'),
    trainFraction: d('data.trainFraction'),
    classes: d('data.classes'),
    dataSeed: d('data.seed'),
    features: [...d<FeatureName[]>('data.features')],
    layers: d<LayerConfigJson[]>('hidden').map((l) => ({ units: l.units ?? d<number>('hidden[].units'), activation: l.activation ?? MAXOUT, pieces: l.maxout || pieces })),
    head: d('head'),
    init: d('init'),
    initSigma: d('initSigma'),
    biasInit: d('biasInit'),
    seed: d('seed'),
    optimizer: d<boolean>('train.nesterov') ? 'nesterov' : d('train.optimizer'),
    learningRate: d('train.learningRate'),
    momentum: d('train.momentum'),
    schedule: d('train.schedule'),
    decaySteps: d('train.decaySteps'),
    decayRate: d('train.decayRate'),
    batchSize: d('train.batchSize'),
    l1: d('train.l1'),
    l2: d('train.l2'),
    dropout: d('train.dropout'),
    clipNorm: d('train.clipNorm'),
    clipValue: d('train.clipValue'),
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
