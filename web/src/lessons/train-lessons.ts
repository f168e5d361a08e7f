// The lessons that run in the training studio: each preset (the studio's URL
// parameters) and its check. Thresholds were measured on the core with these
// presets (tests/wasm/lessons-checks.test.ts runs every check on real training).
import { allOf, hidden, list, num, pct, RELU_FAMILY, trainCheck, type Check, type TrainObs } from './check';
import type { LessonId } from './lesson-ids';

export interface TrainLesson {
  /** The studio's URL parameters (state-train.ts); the default speed is one epoch per frame. */
  train: string;
  check(): Check;
}

type Obs = Parameters<Parameters<typeof trainCheck>[1]>[0];
const ok = (o: Obs) => !o.m.diverged;
const acc = (o: Obs) => o.m.testAccuracy;
const first = (o: Obs) => hidden(o.m)[0]?.gradWNorm ?? NaN;
const outG = (o: Obs) => o.m.layers.at(-1)?.gradWNorm ?? NaN;
const meanAbs = (o: Obs) => {
  const h = hidden(o.m);
  return h.reduce((a, l) => a + Math.abs(l.actMean), 0) / Math.max(1, h.length);
};
const base = (o: Obs) => ({ step: String(o.m.step), acc: pct(acc(o)) });
const SIX = (a: string) => Array.from({ length: 6 }, () => `8:${a}`).join(',');
const THREE = (a: string) => Array.from({ length: 3 }, () => `8:${a}`).join(',');

/** The fixes of the exploding-gradients lesson that are switched on (names as the article writes them). */
export function activeFixes(o: TrainObs): string[] {
  const s = o.s;
  return [
    s.clipNorm > 0 ? `clipnorm = ${s.clipNorm}` : '',
    s.clipValue > 0 ? `clipvalue = ${s.clipValue}` : '',
    s.l2 > 0 ? `L2 = ${s.l2}` : '',
    s.l1 > 0 ? `L1 = ${s.l1}` : '',
    s.layers.length <= 3 ? `${s.layers.length} layers` : '',
    s.init !== 'large_normal' || s.initSigma <= 1 ? 'init' : '',
  ].filter((f) => f !== '');
}

export const TRAIN_LESSONS: Partial<Record<LessonId, TrainLesson>> = {
  'non-linearity': {
    train: 'data=circle&net=none&opt=adam&lr=0.03',
    check: () => trainCheck([
      (o) => o.s.layers.length === 0 && o.m.step >= 300 && acc(o) < 0.7,
      (o) => ok(o) && o.s.layers.some((l) => l.activation === 'tanh') && acc(o) >= 0.9,
    ], (o) => ({ ...base(o), layers: String(o.s.layers.length) })),
  },
  'sigmoid-vanishing': {
    train: `net=${SIX('sigmoid')}&lr=0.1`,
    check: () => trainCheck([
      (o) => allOf(o.s, ['sigmoid']) && o.s.layers.length >= 4 && o.m.step >= 50 && first(o) / outG(o) < 0.01,
      (o) => ok(o) && allOf(o.s, RELU_FAMILY) && o.s.layers.length >= 4 && acc(o) >= 0.9,
    ], (o) => ({ ...base(o), g1: num(first(o), 2), gL: num(outG(o), 2), ratio: num(first(o) / outG(o), 2) })),
  },
  'tanh-zero-centred': {
    train: `net=${THREE('sigmoid')}&lr=0.1`,
    check: () => trainCheck([
      (o) => allOf(o.s, ['sigmoid']) && o.m.step >= 100 && hidden(o.m).every((l) => l.actMean > 0.3),
      (o) => ok(o) && allOf(o.s, ['tanh']) && o.m.step >= 100 && hidden(o.m).every((l) => Math.abs(l.actMean) < 0.25),
    ], (o) => ({ ...base(o), means: list(hidden(o.m).map((l) => l.actMean)) })),
  },
  relu: {
    // 20 steps a frame: the sigmoid run is seen crawling (and probed) before it catches up.
    train: 'net=8:sigmoid,8:sigmoid&lr=0.1&speed=20',
    check: () => trainCheck([
      (o, mem) => {
        const pass = allOf(o.s, ['sigmoid']) && o.m.step >= 1000 && acc(o) < 0.9;
        if (pass) mem.sigmoidAcc = acc(o);
        return pass;
      },
      (o) => ok(o) && allOf(o.s, ['relu']) && acc(o) >= 0.95,
    ], (o, mem) => ({ ...base(o), sigmoidAcc: typeof mem.sigmoidAcc === 'number' ? pct(mem.sigmoidAcc) : '—' })),
  },
  'dead-relu': {
    train: 'net=8:relu,8:relu&init=he_uniform&lr=3',
    check: () => trainCheck([
      (o) => Math.max(...hidden(o.m).map((l) => l.dead)) >= 0.5,
      (o) => ok(o) && o.m.step >= 100 && Math.max(...hidden(o.m).map((l) => l.dead)) <= 0.25 && acc(o) >= 0.9,
    ], (o) => ({ ...base(o), dead: hidden(o.m).map((l) => pct(l.dead)).join(', ') })),
  },
  'leaky-family': {
    train: 'data=moons&noise=0.1&net=6:rrelu,6:rrelu&init=he_uniform&opt=adam&lr=0.01',
    check: () => trainCheck([
      (o) => ok(o) && allOf(o.s, ['rrelu', 'leaky_relu']) && acc(o) >= 0.9,
      (o) => ok(o) && o.s.layers.some((l, i) => l.activation === 'prelu'
        && Math.abs((o.m.layers[i]?.alpha ?? NaN) - (l.alpha ?? 0.25)) >= 0.05),
    ], (o) => ({
      ...base(o),
      alpha: list(hidden(o.m).map((l) => l.alpha).filter((a) => Number.isFinite(a)), 3) || '—',
    })),
  },
  'elu-selu': {
    train: `net=${THREE('relu')}&init=he_uniform&lr=0.03`,
    check: () => trainCheck([
      (o, mem) => {
        const pass = allOf(o.s, ['relu']) && o.m.step >= 200 && ok(o);
        if (pass) mem.reluMean = meanAbs(o);
        return pass;
      },
      (o, mem) => ok(o) && allOf(o.s, ['elu', 'selu']) && o.m.step >= 200 && meanAbs(o) < (mem.reluMean as number),
    ], (o, mem) => ({
      ...base(o),
      mean: num(meanAbs(o), 2),
      reluMean: typeof mem.reluMean === 'number' ? num(mem.reluMean, 2) : '—',
    })),
  },
  exploding: {
    train: `net=${SIX('relu')}&init=large_normal&sigma=3&lr=0.03`,
    check: () => trainCheck([
      (o) => o.m.diverged,
      (o) => ok(o) && o.m.step >= 200 && Number.isFinite(o.m.trainLoss) && activeFixes(o).length > 0,
    ], (o) => ({ ...base(o), loss: num(o.m.trainLoss, 3), fixes: activeFixes(o).join(', ') || '—' })),
  },
  choosing: {
    train: 'data=moons&noise=0.1&net=8:tanh,8:tanh&init=he_uniform&opt=adam&lr=0.01',
    check: () => trainCheck([
      (o, mem) => {
        // A comparison started after the lesson opened, with ReLU and a leaky relative ticked.
        mem.runs ??= o.activity.comparisonsRun;
        const picked = o.s.compare.includes('relu') && o.s.compare.some((c) => ['leaky_relu', 'elu', 'prelu', 'rrelu'].includes(c));
        return picked && o.activity.comparisonsRun > (mem.runs as number);
      },
      (o) => ok(o) && allOf(o.s, ['relu']) && acc(o) >= 0.95,
    ], (o) => ({ ...base(o), compare: o.s.compare.join(', ') || '—' })),
  },
  'digits-cross-entropy': {
    train: 'data=digits&split=0.7&net=32:relu&init=he_uniform&opt=adam&lr=0.01&bs=32',
    check: () => trainCheck([
      (o, mem) => {
        const pass = ok(o) && o.s.data === 'digits' && acc(o) >= 0.9;
        if (pass) mem.strokes = o.activity.digitStrokes;
        return pass;
      },
      // Then a digit drawn on the pad: its ten probabilities show beside it.
      (o, mem) => o.s.data === 'digits' && o.activity.digitStrokes > (mem.strokes as number),
    ], (o) => ({ ...base(o), loss: num(o.m.testLoss, 3) })),
  },
};
