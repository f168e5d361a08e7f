// A divergence, as the controller handles it: the banner says what happened
// (and the lessons hear of it), Rewind goes back to the last finite weights,
// a fix (lower rate, clipping, He initialisation) applies and trains on.
import { emitAppEvent } from '../../../app/app-events';
import type { FrameInfo, Runner } from '../model/runner';
import type { Session } from '../model/session';
import type { TrainState } from '../model/train-state';
import { loweredRate, type DivergenceBanner, type Fix } from './divergence-banner';

/** What these actions use of the controller (named here, so the two modules do not import each other). */
export interface DivergenceHost {
  readonly session: Session;
  readonly state: TrainState;
  readonly panels: { readonly banner: DivergenceBanner };
  readonly runner: Runner;
  change(edit: (s: TrainState) => void): void;
  draw(info: FrameInfo, all?: boolean): void;
}

const STILL: FrameInfo = { steps: 0, stepMs: 0, stepsPerSecond: 0, running: false };

export function diverged(c: DivergenceHost): void {
  const m = c.session.metrics;
  c.session.syncHistory();
  c.panels.banner.set(m?.divergence ?? null, c.state.learningRate, c.state.initSigma, c.session.store.lastFinite('gradNorm'));
  emitAppEvent({ type: 'diverged', step: m?.divergence?.step ?? m?.step ?? 0, reason: m?.divergence?.message ?? '' });
  c.draw(STILL, true);
}

export function rewind(c: DivergenceHost): void {
  // With a worker the rewound step arrives in its next snapshot.
  void c.session.rewind().then(() => {
    c.panels.banner.rewound(c.session.metrics?.step ?? 0);
    c.draw(STILL, true);
  });
}

export function fixDivergence(c: DivergenceHost, f: Fix): void {
  if (f === 'init') {
    c.change((s) => (s.init = 'he_uniform'));
    return;
  }
  void c.session.rewind();
  c.panels.banner.hide();
  c.change((s) => {
    if (f === 'clip') s.clipNorm = 1;
    else s.learningRate = loweredRate(s.learningRate);
  });
  c.runner.play();
}
