// How the training benchmark times its in-process contenders, the same in
// Node (bench/training.mjs) and in Chromium (bench/browser/training.mjs):
// a check run that aims n, warm-up calls that re-aim it, then round-robin
// timed calls so that the ratios come from the same moments of a shared
// machine. No Node imports: the page loads this file as it is. The clock is a
// parameter (bench/lib/clock.mjs), and may be async: the page's is.

import { median } from './stats.mjs';

export const GRID_REPS = 50;
const MAX_STEPS_PER_CALL = 100000;

const aimSteps = (n) => Math.max(1, Math.min(MAX_STEPS_PER_CALL, Math.round(n)));

// Every contender made for one net, each after its check run: `made` rows are
// {contender, skip} or the contender's make(setup) result plus weights0 (the
// weights after the check steps) and stepsPerCall (aimed at setup.targetMs).
export async function makeContenders(loaded, setup, clock) {
  const made = [];
  for (const c of loaded) made.push(await makeOne(c, setup, clock));
  return made;
}

async function makeOne(c, setup, clock) {
  if (c.unavailable) return { contender: c.name, skip: `unavailable: ${c.unavailable}` };
  try {
    const m = { contender: c.name, ...c.make(setup) };
    if (m.skip) return m;
    const t = await clock(() => m.steps(setup.net.checkSteps));
    m.weights0 = m.weights();
    m.stepsPerCall = aimSteps(setup.targetMs / (t.ms / setup.net.checkSteps));
    return m;
  } catch (e) {
    return { contender: c.name, skip: `error: ${e.message}` };
  }
}

// Round-robin: each rep runs one timed call of every live contender.
async function timeRoundRobin(made, { reps, warmup, key, call, recalibrate, clock }) {
  const live = made.filter((m) => !m.skip && call(m));
  const ms = new Map(live.map((m) => [m, []]));
  const wall = new Map(live.map((m) => [m, []]));
  for (let r = -warmup; r < reps; r++) {
    for (const m of live) {
      if (m.skip) continue;
      let t;
      try {
        t = await clock(call(m));
      } catch (e) {
        m.skip = `error: ${e.message}`;
        continue;
      }
      if (r >= 0) ms.get(m).push(t.ms), wall.get(m).push(t.wall);
      else if (recalibrate) recalibrate(m, t.ms);
    }
  }
  for (const m of live) {
    if (!m.skip) m[key] = { median_ms: median(ms.get(m)), min_ms: Math.min(...ms.get(m)), median_wall_ms: median(wall.get(m)) };
  }
}

// The timed steps(n) calls, then the grid calls of the contenders that have one.
export async function timeContenders(made, { reps, warmup, targetMs }, clock) {
  // The check run's pace includes JIT and wasm tier-up: each warm-up call re-aims n at targetMs.
  const recalibrate = (m, ms) => (m.stepsPerCall = aimSteps((m.stepsPerCall * targetMs) / Math.max(ms, 0.05)));
  await timeRoundRobin(made, { reps, warmup, key: 'times', call: (m) => () => m.steps(m.stepsPerCall), recalibrate, clock });
  await timeRoundRobin(made, { reps: GRID_REPS, warmup: 5, key: 'grid', call: (m) => m.grid && (() => m.grid()), clock });
}

// One result row per made contender (disposed here); `final` holds the
// weights after the check steps for the loss check (train-report.mjs's scoreNet).
export function timedRow(m, netName) {
  const row = { net: netName, contender: m.contender, impl: m.impl ?? null };
  if (m.skip || !m.times) {
    if (m.dispose) m.dispose();
    return { ...row, steps_per_s: null, note: m.skip ?? 'not timed' };
  }
  const t = m.times;
  Object.assign(row, { steps_per_call: m.stepsPerCall, ...t, steps_per_s: (m.stepsPerCall / t.median_ms) * 1000 });
  if (m.grid) row.grid_ms = m.grid.median_ms, row.grid_min_ms = m.grid.min_ms, row.grid_wall_ms = m.grid.median_wall_ms;
  row.final = m.weights0;
  m.dispose();
  return row;
}
