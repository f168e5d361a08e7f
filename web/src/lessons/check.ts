// A lesson's live check: stages the student passes in order, each a test on
// what the page shows (the studio's probe, the page state, what the student
// did). File lessons build theirs from their rules (format/rules.ts), the
// interview lesson from its quiz. No DOM.
import type { Metrics } from '../engine/engine';
import type { PageState } from '../app/state';
import type { TrainProbe } from '../app/app-events';
import type { TrainState } from '../views/train/model/train-state';

/** One probe of the training studio, decoded. */
export interface TrainObs {
  s: TrainState;
  m: Metrics | null;
  running: boolean;
  activity: TrainProbe['activity'];
}

/** One moment of the page: the latest page state and studio probe (null before the first). */
export interface Obs {
  page: Readonly<PageState> | null;
  train: TrainObs | null;
  /** Views shown since the lesson opened. */
  visited: readonly string[];
  /** Controls the student changed since the lesson opened (names: format/facts.ts CONTROL_NAMES). */
  controls: readonly string[];
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
  see?(o: Obs): void;
  view(): CheckView;
}

export function num(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  const text = Math.abs(v) !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5) ? v.toExponential(1) : String(Number(v.toPrecision(digits)));
  return text.replace('-', '−');
}

export const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : '—');
export const list = (vs: readonly number[], digits = 2) => vs.map((v) => num(v, digits)).join(', ');
