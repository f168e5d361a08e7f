// trainer.parameters / setParameters (the studio's worker sends the first to
// the page's copy of the trainer every frame): a copy of the same config that
// loads them predicts and draws exactly what the trained one does, on both
// builds; a bad array throws a CoreError naming it and changes nothing.
import { describe, expect, it } from 'vitest';
import { BUILDS, engineFor } from './load';
import { XOR_CONFIG, thrown } from './trainer-util';

describe.each(BUILDS)('trainer.parameters / setParameters (%s)', (build) => {
  it('makes a copy of the same config show the trained network', async () => {
    const engine = await engineFor(build);
    const trained = engine.createTrainer(XOR_CONFIG);
    const copy = engine.createTrainer(XOR_CONFIG);
    try {
      trained.step(300);
      const flat = trained.parameters();
      const units = trained.shape.units;
      // Weights and biases of each layer: features → units[0] → … → units[last].
      let expected = 0;
      units.forEach((u, i) => (expected += (i === 0 ? trained.shape.features : units[i - 1]) * u + u));
      expect(flat.length).toBe(expected);
      expect(copy.grid(8, { x0: -1, x1: 1, y0: -1, y1: 1 })).not.toEqual(trained.grid(8, { x0: -1, x1: 1, y0: -1, y1: 1 }));
      copy.setParameters(flat);
      expect(copy.metrics().step).toBe(0);
      expect(copy.parameters()).toEqual(flat);
      const points = Float32Array.of(0.5, -0.5, -1, 1, 0.1, 0.2);
      // Same floats through the same code: bit-identical outputs.
      expect(copy.predict(points)).toEqual(trained.predict(points));
      expect(copy.grid(8, { x0: -1, x1: 1, y0: -1, y1: 1 })).toEqual(trained.grid(8, { x0: -1, x1: 1, y0: -1, y1: 1 }));
      expect(copy.network(Float32Array.of(0.3, 0.3))).toEqual(trained.network(Float32Array.of(0.3, 0.3)));
    } finally {
      trained.dispose();
      copy.dispose();
    }
  });

  it('names a bad array and leaves the trainer as it was', async () => {
    const engine = await engineFor(build);
    const t = engine.createTrainer(XOR_CONFIG);
    try {
      const before = t.parameters();
      const n = before.length;
      expect(thrown(() => t.setParameters(before.subarray(1))).message).toBe(`values: expected ${n} parameters, got ${n - 1}`);
      const bad = before.slice();
      bad[3] = Infinity;
      expect(thrown(() => t.setParameters(bad)).message).toBe('values: expected finite numbers, got inf');
      expect(thrown(() => t.setParameters([1, 2] as never)).message).toMatch(/^values: expected a Float32Array/);
      expect(t.parameters()).toEqual(before);
      expect(t.step(10).step).toBe(10);
    } finally {
      t.dispose();
    }
  });
});
