// The vocabulary a lesson file's checks are written in: the observable facts
// (what the studio's probe reports, the studio's settings, what the student
// did, and the page state), each read from one observation. Names are the
// documented ones (README, lesson.schema.json); tests keep the three in step.
import { HIDEABLE } from '../../app/state-schema';
import type { Obs } from '../check';

export type { Obs };

export type FactValue = number | string | boolean | readonly number[] | readonly string[] | undefined;

/** float32 exp overflows above ln(FLT_MAX) ≈ 88.72: the naive softmax then gives ∞/∞ = NaN. */
export const EXP_LIMIT = Math.log(3.4028234663852886e38);

export function softmax(z: readonly number[], t = 1): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp((v - max) / t));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

const m = (o: Obs) => o.train?.m ?? null;
const s = (o: Obs) => o.train?.s ?? null;
const p = (o: Obs) => o.page;
const maxOverT = (o: Obs) => {
  const st = p(o);
  return st && st.logits.length > 0 ? Math.max(...st.logits) / st.temperature : undefined;
};

/** Whole-run facts: name → reader. */
export const FACTS: Readonly<Record<string, (o: Obs) => FactValue>> = {
  // The studio's probe.
  step: (o) => m(o)?.step,
  epoch: (o) => m(o)?.epoch,
  trainLoss: (o) => m(o)?.trainLoss,
  testLoss: (o) => m(o)?.testLoss,
  trainAccuracy: (o) => m(o)?.trainAccuracy,
  testAccuracy: (o) => m(o)?.testAccuracy,
  gradNorm: (o) => m(o)?.gradNorm,
  diverged: (o) => m(o)?.diverged,
  running: (o) => o.train?.running,
  // The studio's settings (its TrainState fields).
  hiddenLayers: (o) => s(o)?.layers.length,
  activations: (o) => s(o)?.layers.map((l) => l.activation),
  data: (o) => s(o)?.data,
  head: (o) => s(o)?.head,
  init: (o) => s(o)?.init,
  initSigma: (o) => s(o)?.initSigma,
  optimizer: (o) => s(o)?.optimizer,
  learningRate: (o) => s(o)?.learningRate,
  batchSize: (o) => s(o)?.batchSize,
  l1: (o) => s(o)?.l1,
  l2: (o) => s(o)?.l2,
  dropout: (o) => s(o)?.dropout,
  clipNorm: (o) => s(o)?.clipNorm,
  clipValue: (o) => s(o)?.clipValue,
  compare: (o) => s(o)?.compare,
  // What the student did.
  comparisonsRun: (o) => o.train?.activity.comparisonsRun,
  digitStrokes: (o) => o.train?.activity.digitStrokes,
  visited: (o) => o.visited,
  controlsUsed: (o) => o.controls,
  // The page.
  view: (o) => p(o)?.view,
  curves: (o) => p(o)?.acts,
  xMin: (o) => p(o)?.xRange[0],
  xMax: (o) => p(o)?.xRange[1],
  logits: (o) => p(o)?.logits,
  temperature: (o) => p(o)?.temperature,
  maxLogitOverT: maxOverT,
  probabilities: (o) => {
    const st = p(o);
    return st ? softmax(st.logits, st.temperature) : undefined;
  },
  maxProbability: (o) => {
    const st = p(o);
    return st && st.logits.length > 0 ? Math.max(...softmax(st.logits, st.temperature)) : undefined;
  },
  naiveOverflows: (o) => {
    const v = maxOverT(o);
    return v === undefined ? undefined : v > EXP_LIMIT;
  },
};

/**
 * The names "controlsUsed" holds (controls-used.ts reads them off the page):
 * the studio's settings fields by their URL key, its activation picker "act",
 * its Advanced group "advanced" (opened), and the page's other controls by
 * their hide= id ("picker", "temperature", …; a studio panel's id for a
 * control of its own without a name, "train-data", …).
 */
export const STUDIO_CONTROLS = ['lr', 'opt', 'mom', 'sched', 'dsteps', 'drate', 'bs', 'l1', 'l2', 'drop', 'clipn', 'clipv', 'act', 'head', 'init', 'sigma', 'bias', 'advanced'] as const;
export const CONTROL_NAMES: readonly string[] = [...STUDIO_CONTROLS, ...HIDEABLE.filter((id) => id !== 'lessons')];

/** Per-layer facts (need "layer"): one number per layer of the studio's network. */
export const LAYER_FACTS: Readonly<Record<string, (o: Obs) => number[] | undefined>> = {
  gradWNorm: (o) => m(o)?.layers.map((l) => l.gradWNorm),
  dead: (o) => m(o)?.layers.map((l) => l.dead),
  saturated: (o) => m(o)?.layers.map((l) => l.saturated),
  actMean: (o) => m(o)?.layers.map((l) => l.actMean),
  alpha: (o) => m(o)?.layers.map((l) => l.alpha),
  /** |learned α − the layer's starting α| (NaN for layers that are not PReLU). */
  alphaChange: (o) => m(o)?.layers.map((l, i) => Math.abs(l.alpha - (s(o)?.layers[i]?.alpha ?? 0.25))),
};

/** "layer": which layer(s). Hidden layers are counted from 0; "output" is the last layer. */
export const LAYER_PICKS = ['first', 'last', 'output', 'max', 'min', 'meanAbs', 'every', 'any', 'list'] as const;
export type LayerPick = (typeof LAYER_PICKS)[number] | number;

/** Reduces per-layer values (hidden layers then the output) by a pick; every/any/list give the hidden ones. */
export function pickLayers(values: readonly number[], pick: LayerPick): number | number[] | undefined {
  const hidden = values.slice(0, -1);
  if (typeof pick === 'number') return hidden[pick];
  switch (pick) {
    case 'first':
      return hidden[0];
    case 'last':
      return hidden.at(-1);
    case 'output':
      return values.at(-1);
    case 'max':
      return hidden.length ? Math.max(...hidden) : undefined;
    case 'min':
      return hidden.length ? Math.min(...hidden) : undefined;
    case 'meanAbs':
      return hidden.length ? hidden.reduce((a, v) => a + Math.abs(v), 0) / hidden.length : undefined;
    default:
      return hidden;
  }
}
