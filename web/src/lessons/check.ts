// A lesson's live check: stages the student passes in order, each a test on
// what the page shows (the studio's probe, or the page state). A stage that
// remembers something (the ReLU run's mean, the overflowing logits) keeps it
// in `mem` for the next one. No DOM.
import type { Metrics } from '../engine';
import type { PageState } from '../state';
import type { TrainProbe } from '../app-events';
import type { TrainState } from '../train/train-state';

/** One probe of the training studio, decoded. */
export interface TrainObs {
  s: TrainState;
  m: Metrics | null;
  running: boolean;
  activity: TrainProbe['activity'];
}

export interface CheckView {
  /** Index of the stage being worked on; equals `stages` when done. */
  stage: number;
  done: boolean;
  /** Live readings for the lesson's reading template ({name} → text). */
  values: Readonly<Record<string, string>>;
}

export interface Check {
  readonly stages: number;
  train?(o: TrainObs): void;
  page?(s: Readonly<PageState>): void;
  view(): CheckView;
}

export type Mem = Record<string, number | number[]>;
type Stage<C> = (c: C, mem: Mem) => boolean;
type Values<C> = (c: C, mem: Mem) => Record<string, string>;

/** Passes at most one stage per observation, so each stage is seen to pass. */
function staged<C>(stages: readonly Stage<C>[], values: Values<C>): { see(c: C): void; view(): CheckView } {
  let stage = 0;
  let shown: Record<string, string> = {};
  const mem: Mem = {};
  return {
    see(c) {
      if (stage < stages.length && stages[stage](c, mem)) stage += 1;
      shown = values(c, mem);
    },
    view: () => ({ stage, done: stage >= stages.length, values: shown }),
  };
}

export function trainCheck(stages: readonly Stage<TrainObs & { m: Metrics }>[], values: Values<TrainObs & { m: Metrics }>): Check {
  const c = staged(stages, values);
  return {
    stages: stages.length,
    train: (o) => {
      if (o.m) c.see({ ...o, m: o.m });
    },
    view: c.view,
  };
}

export function pageCheck(stages: readonly Stage<Readonly<PageState>>[], values: Values<Readonly<PageState>>): Check {
  const c = staged(stages, values);
  return { stages: stages.length, page: (s) => c.see(s), view: c.view };
}

// Helpers the checks share.
export const hidden = (m: Metrics) => m.layers.slice(0, -1);
export const acts = (s: TrainState) => s.layers.map((l) => l.activation);
export const allOf = (s: TrainState, names: readonly string[]) => s.layers.length > 0 && acts(s).every((a) => names.includes(a));
export const RELU_FAMILY = ['relu', 'leaky_relu', 'rrelu', 'prelu', 'elu', 'selu'] as const;

export function num(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  const text = Math.abs(v) !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5) ? v.toExponential(1) : String(Number(v.toPrecision(digits)));
  return text.replace('-', '−');
}

export const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : '—');
export const list = (vs: readonly number[], digits = 2) => vs.map((v) => num(v, digits)).join(', ');
