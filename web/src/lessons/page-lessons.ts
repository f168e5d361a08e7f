// The lessons that run in the explorer and the softmax lab: each preset (a
// page-state patch) and its check on the page state.
import type { PageState } from '../state';
import { list, pageCheck, type Check } from './check';
import type { LessonId } from './lesson-ids';

export interface PageLesson {
  page: Partial<PageState>;
  check(): Check;
}

/** float32 exp overflows above ln(FLT_MAX) ≈ 88.72: the naive formula then gives ∞/∞ = NaN. */
export const EXP_LIMIT = Math.log(3.4028234663852886e38);

export function softmax(z: readonly number[], t = 1): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp((v - max) / t));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

const near = (a: readonly number[], b: readonly number[], tol = 1e-6) =>
  a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= tol);
const overflows = (s: Readonly<PageState>) => Math.max(...s.logits) / s.temperature > EXP_LIMIT;
const probs = (s: Readonly<PageState>) => list(softmax(s.logits, s.temperature), 3);

export const PAGE_LESSONS: Partial<Record<LessonId, PageLesson>> = {
  'gelu-swish': {
    page: { view: 'explore', acts: ['relu'], layout: 'overlay', xRange: [-6, 6], params: {} },
    check: () => pageCheck([
      (s) => s.view === 'explore' && ['relu', 'gelu', 'swish'].every((a) => s.acts.includes(a)),
      (s) => s.view === 'explore' && ['gelu', 'swish'].every((a) => s.acts.includes(a))
        && s.xRange[0] >= -4 && s.xRange[1] <= 4 && s.xRange[0] <= -1.5 && s.xRange[1] >= 0,
    ], (s) => ({ acts: s.acts.join(', '), x: `[${list(s.xRange, 3)}]` })),
  },
  softmax: {
    page: { view: 'softmax', logits: [2, 3, 5], temperature: 1, target: 2 },
    check: () => pageCheck([
      (s) => s.view === 'softmax' && near(s.logits, [2, 1, 0.1]) && s.temperature === 1,
      (s) => s.view === 'softmax' && near(s.logits, [2, 1, 0.1]) && s.temperature >= 2,
    ], (s) => ({ z: list(s.logits, 4), p: probs(s), T: list([s.temperature], 3) })),
  },
  'softmax-overflow': {
    page: { view: 'softmax', logits: [2, 3, 5], temperature: 1, target: 2 },
    check: () => pageCheck([
      (s, mem) => {
        const pass = s.view === 'softmax' && overflows(s);
        if (pass) mem.z = [...s.logits];
        return pass;
      },
      (s, mem) => {
        // The same logits minus one constant, small enough that exp no longer overflows.
        const z = mem.z as number[];
        if (s.view !== 'softmax' || s.logits.length !== z.length || overflows(s)) return false;
        const c = z[0] - s.logits[0];
        const tol = 1e-6 * Math.max(...z.map(Math.abs));
        return c !== 0 && s.logits.every((v, i) => Math.abs(z[i] - v - c) <= tol);
      },
    ], (s, mem) => ({
      z: list(s.logits, 6),
      zmax: list([Math.max(...s.logits) / s.temperature], 4),
      first: Array.isArray(mem.z) ? list(mem.z, 6) : '—',
    })),
  },
};
