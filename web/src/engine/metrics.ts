// Typed views of what the trainer reports, parsed from the JSON the core
// writes (trainer_view.hpp), or read from the numbers the binding writes
// (readMetrics). JSON has no NaN or infinity: the core writes any non-finite
// number as null, and every numeric field maps null back to NaN (so a
// diverged loss, or PReLU's α on a non-PReLU layer, reads as NaN); the
// numbers path writes NaN for them too.
import type { HeadName } from './config';

export interface LayerMetrics {
  gradWNorm: number;
  gradBNorm: number;
  /** ‖ΔW‖ / ‖W‖ of the last update. */
  updateRatio: number;
  /** Fraction of ReLU-family units with z ≤ 0 on every evaluation sample. */
  dead: number;
  /** Fraction of units whose mean |f′(z)| is below 5% of the activation's largest slope. */
  saturated: number;
  actMean: number;
  actStd: number;
  /** PReLU's learned α; NaN for other layers. */
  alpha: number;
}

/** Pre-activation histogram of one hidden layer: 40 bins over [−10, 10]. */
export interface Histogram {
  counts: Int32Array;
  below: number;
  above: number;
}

export interface Divergence {
  step: number;
  quantity: 'loss' | 'gradient' | 'weight';
  /** 0-based; −1 when not tied to a layer. */
  layer: number;
  largestWeight: number;
  largestGradient: number;
  /** The largest |gradient| of the last step whose gradients were all finite (NaN when there was none). */
  largestFiniteGradient: number;
  cause: string;
  /** The sentence for the banner (English). */
  message: string;
}

export interface Metrics {
  step: number;
  epoch: number;
  learningRate: number;
  /** The last batch's loss, with the weight penalty. */
  batchLoss: number;
  trainLoss: number;
  testLoss: number;
  /** NaN for regression. */
  trainAccuracy: number;
  testAccuracy: number;
  /** Global gradient norm before clipping, and after. */
  gradNorm: number;
  gradNormClipped: number;
  head: HeadName;
  /** Hidden layers, then the output layer. */
  layers: LayerMetrics[];
  /** One per hidden layer. */
  histograms: Histogram[];
  diverged: boolean;
  /** Why training stopped; null unless diverged. */
  divergence: Divergence | null;
}

/** History columns (Float32Array each, one row per recorded step, oldest first). */
export interface LayerHistory {
  gradWNorm: Float32Array;
  gradBNorm: Float32Array;
  updateRatio: Float32Array;
  dead: Float32Array;
  saturated: Float32Array;
  actMean: Float32Array;
  actStd: Float32Array;
  alpha: Float32Array;
}

export interface History {
  /** Exact up to 2^24 steps (float32). */
  step: Float32Array;
  epoch: Float32Array;
  learningRate: Float32Array;
  batchLoss: Float32Array;
  trainLoss: Float32Array;
  testLoss: Float32Array;
  trainAccuracy: Float32Array;
  testAccuracy: Float32Array;
  gradNorm: Float32Array;
  gradNormClipped: Float32Array;
  /** Hidden layers, then the output layer. */
  layers: LayerHistory[];
}

type TopKey = Exclude<keyof History, 'layers'>;

/** History key → the core's column name (history_series). */
export const HISTORY_COLUMNS: readonly (readonly [TopKey, string])[] = [
  ['step', 'step'],
  ['epoch', 'epoch'],
  ['learningRate', 'learning_rate'],
  ['batchLoss', 'batch_loss'],
  ['trainLoss', 'train_loss'],
  ['testLoss', 'test_loss'],
  ['trainAccuracy', 'train_accuracy'],
  ['testAccuracy', 'test_accuracy'],
  ['gradNorm', 'grad_norm'],
  ['gradNormClipped', 'grad_norm_clipped'],
];

/** LayerMetrics/LayerHistory key → the core's per-layer name (metrics JSON, history "L<i>.<name>"). */
export const LAYER_COLUMNS: readonly (readonly [keyof LayerMetrics, string])[] = [
  ['gradWNorm', 'grad_w_norm'],
  ['gradBNorm', 'grad_b_norm'],
  ['updateRatio', 'update_ratio'],
  ['dead', 'dead'],
  ['saturated', 'saturated'],
  ['actMean', 'act_mean'],
  ['actStd', 'act_std'],
  ['alpha', 'alpha'],
];

/** One layer of Trainer.network(): weights and the activations for one input. */
export interface NetworkLayer {
  inputs: number;
  units: number;
  /** > 1 for maxout. */
  pieces: number;
  /** The activation name, "maxout", or the head name for the output layer. */
  activation: string;
  /** inputs × units·pieces, row-major. */
  w: Float32Array;
  b: Float32Array;
  /** Pre-activations for the input. */
  z: Float32Array;
  /** Outputs for the input (empty for the output layer: see NetworkView.output). */
  a: Float32Array;
}

export interface NetworkView {
  layers: NetworkLayer[];
  /** The head's output for the input (probabilities or values). */
  output: Float32Array;
}

type Json = Record<string, unknown>;

function fail(what: string): never {
  throw new Error(`engine: unexpected core output (${what})`);
}
function obj(v: unknown, what: string): Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : fail(what);
}
function num(o: Json, k: string): number {
  const v = o[k];
  return v === null ? NaN : typeof v === 'number' ? v : fail(k);
}
function str(o: Json, k: string): string {
  return typeof o[k] === 'string' ? (o[k] as string) : fail(k);
}
function arr(o: Json, k: string): unknown[] {
  return Array.isArray(o[k]) ? (o[k] as unknown[]) : fail(k);
}
function floats(o: Json, k: string): Float32Array {
  return Float32Array.from(arr(o, k), (v) => (v === null ? NaN : typeof v === 'number' ? v : fail(k)));
}

function layerMetrics(v: unknown): LayerMetrics {
  const o = obj(v, 'layer');
  const out = {} as LayerMetrics;
  for (const [key, name] of LAYER_COLUMNS) out[key] = num(o, name);
  return out;
}

function histogram(v: unknown): Histogram {
  const o = obj(v, 'histogram');
  return { counts: Int32Array.from(arr(o, 'counts') as number[]), below: num(o, 'below'), above: num(o, 'above') };
}

function divergence(v: unknown): Divergence {
  const o = obj(v, 'divergence');
  return {
    step: num(o, 'step'),
    quantity: str(o, 'quantity') as Divergence['quantity'],
    layer: num(o, 'layer'),
    largestWeight: num(o, 'largestWeight'),
    largestGradient: num(o, 'largestGradient'),
    largestFiniteGradient: num(o, 'largestFiniteGradient'),
    cause: str(o, 'cause'),
    message: str(o, 'message'),
  };
}

export function parseMetrics(json: string): Metrics {
  const o = obj(JSON.parse(json), 'metrics');
  const diverged = o.diverged === true;
  return {
    step: num(o, 'step'),
    epoch: num(o, 'epoch'),
    learningRate: num(o, 'learningRate'),
    batchLoss: num(o, 'batchLoss'),
    trainLoss: num(o, 'trainLoss'),
    testLoss: num(o, 'testLoss'),
    trainAccuracy: num(o, 'trainAccuracy'),
    testAccuracy: num(o, 'testAccuracy'),
    gradNorm: num(o, 'gradNorm'),
    gradNormClipped: num(o, 'gradNormClipped'),
    head: str(o, 'head') as HeadName,
    layers: arr(o, 'layers').map(layerMetrics),
    histograms: arr(o, 'histograms').map(histogram),
    diverged,
    divergence: diverged ? divergence(o.divergence) : null,
  };
}

/**
 * The Metrics of nnplay/metrics_values.hpp's layout (its one reader): the
 * same object as parseMetrics of metrics_json, without the JSON. The
 * divergence report holds text, so it comes from `divergence`, called only
 * when the values say the trainer diverged. Object literals in one shape and
 * plain loops: this runs after every step(n).
 */
export function readMetrics(v: Float64Array, head: HeadName, divergence: () => Divergence | null): Metrics {
  const layerCount = v[0];
  const histogramCount = v[1];
  const bins = v[2];
  if (v.length !== 14 + layerCount * 8 + histogramCount * (2 + bins)) fail('metrics values');
  const layers: LayerMetrics[] = [];
  let i = 14;
  for (let l = 0; l < layerCount; l++, i += 8) {
    layers.push({
      gradWNorm: v[i],
      gradBNorm: v[i + 1],
      updateRatio: v[i + 2],
      dead: v[i + 3],
      saturated: v[i + 4],
      actMean: v[i + 5],
      actStd: v[i + 6],
      alpha: v[i + 7],
    });
  }
  const histograms: Histogram[] = [];
  for (let h = 0; h < histogramCount; h++, i += 2 + bins) {
    const counts = new Int32Array(bins);
    for (let b = 0; b < bins; b++) counts[b] = v[i + 2 + b];
    histograms.push({ counts, below: v[i], above: v[i + 1] });
  }
  const diverged = v[13] === 1;
  return {
    step: v[3],
    epoch: v[4],
    learningRate: v[5],
    batchLoss: v[6],
    trainLoss: v[7],
    testLoss: v[8],
    trainAccuracy: v[9],
    testAccuracy: v[10],
    gradNorm: v[11],
    gradNormClipped: v[12],
    head,
    layers,
    histograms,
    diverged,
    divergence: diverged ? divergence() : null,
  };
}

export function parseNetwork(json: string): NetworkView {
  const o = obj(JSON.parse(json), 'network');
  const layers = arr(o, 'layers').map((v): NetworkLayer => {
    const l = obj(v, 'network layer');
    return {
      inputs: num(l, 'inputs'),
      units: num(l, 'units'),
      pieces: num(l, 'pieces'),
      activation: str(l, 'activation'),
      w: floats(l, 'w'),
      b: floats(l, 'b'),
      z: floats(l, 'z'),
      a: floats(l, 'a'),
    };
  });
  return { layers, output: floats(o, 'output') };
}
