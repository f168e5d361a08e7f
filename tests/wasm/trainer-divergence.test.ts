// Divergence is reported at the step that first records a non-finite value,
// so the report and the step counter agree, and the report carries the last
// finite largest |gradient| (the banner's "just before" number).
import { describe, expect, it } from 'vitest';
import type { TrainerConfigJson } from '../../web/src/engine/engine';
import { BUILDS, engineFor } from './load';
import { rawModule } from './raw-module';

/** The page's case: the update of step 3 overflows the full-set squared error. */
const CIRCLE_LR10: TrainerConfigJson = {
  data: { kind: 'circle' },
  hidden: [
    { units: 8, activation: 'relu' },
    { units: 8, activation: 'relu' },
  ],
  head: 'linear_mse',
  train: { learningRate: 10, evalEvery: 1 },
};

describe.each(BUILDS)('%s build: divergence', (build) => {
  it('stops at the step whose evaluation loss is not finite, and says that step', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(CIRCLE_LR10);
    const m = t.step(100);
    expect(m.diverged).toBe(true);
    expect(m.divergence!.step).toBe(m.step);
    expect(m.step).toBe(3);
    expect(m.divergence!.message).toContain(`diverged at step ${m.step}:`);
    // The engine's typed report carries the core's last finite |gradient| (the banner's "just before").
    expect(Number.isFinite(m.divergence!.largestFiniteGradient)).toBe(true);
    expect(m.divergence!.largestFiniteGradient).toBeGreaterThan(0);
    const h = t.history();
    expect(h.step[h.step.length - 1]).toBe(m.step);
    // Every earlier row is finite; the last one is not.
    for (let i = 0; i + 1 < h.step.length; i++) {
      expect(Number.isFinite(h.trainLoss[i]) && Number.isFinite(h.testLoss[i]) && Number.isFinite(h.batchLoss[i])).toBe(true);
    }
    const last = h.step.length - 1;
    expect(Number.isFinite(h.trainLoss[last]) && Number.isFinite(h.testLoss[last])).toBe(false);
    t.dispose();
  });

  it('reports the last finite largest |gradient| as divergence.largestFiniteGradient', async () => {
    const M = await rawModule(build);
    const h = M.createTrainer(JSON.stringify(CIRCLE_LR10), null);
    if (h instanceof Error) throw h;
    expect(h.step(100)).toBeUndefined();
    const d = JSON.parse(h.metricsJson()).divergence;
    expect(typeof d.largestFiniteGradient).toBe('number');
    expect(Number.isFinite(d.largestFiniteGradient)).toBe(true);
    expect(d.largestFiniteGradient).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/gradient\| (nan|inf)/i);
    h.delete();
  });
});
