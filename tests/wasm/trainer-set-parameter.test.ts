// trainer.setParameter (the studio's "click a link, type its weight"): the
// value reaches the network the core evaluates, on both builds; a bad argument
// throws a CoreError naming it and changes nothing.
import { describe, expect, it } from 'vitest';
import { BUILDS, engineFor } from './load';
import { XOR_CONFIG, thrown } from './trainer-util';

describe.each(BUILDS)('trainer.setParameter (%s)', (build) => {
  it('sets a weight and a bias that network() and predict() then use', async () => {
    const engine = await engineFor(build);
    const t = engine.createTrainer(XOR_CONFIG);
    try {
      t.step(50);
      const input = Float32Array.of(0.5, -0.5);
      const before = t.predict(input)[0];
      t.setParameter(1, 3, 2, 1.25);
      t.setParameter(2, 0, 'bias', -2);
      const net = t.network(input);
      expect(net.layers[1].w[2 * net.layers[1].units + 3]).toBe(1.25);
      expect(net.layers[2].b[0]).toBe(-2);
      expect(t.predict(input)[0]).not.toBe(before);
      expect(t.metrics().step).toBe(50);
    } finally {
      t.dispose();
    }
  });

  it('names a bad argument and leaves the trainer as it was', async () => {
    const engine = await engineFor(build);
    const t = engine.createTrainer(XOR_CONFIG);
    try {
      const w = t.network(Float32Array.of(0, 0)).layers[0].w.slice();
      expect(thrown(() => t.setParameter(3, 0, 0, 1)).message).toMatch(/^layer: expected 0\.\.2, got 3/);
      expect(thrown(() => t.setParameter(0, 8, 0, 1)).message).toMatch(/^unit: expected 0\.\.7, got 8/);
      expect(thrown(() => t.setParameter(0, 0, 2, 1)).message).toMatch(/^input: expected -1 \(the bias\) or 0\.\.1, got 2/);
      expect(thrown(() => t.setParameter(0, 0, 0, NaN)).message).toMatch(/^value: expected a finite float32 number, got NaN/);
      expect(thrown(() => t.setParameter(0, 0, 0, 1e39)).message).toMatch(/^value: expected a finite float32 number/);
      expect(thrown(() => t.setParameter(0, 0, 'weight' as never, 1)).message).toMatch(/^from: /);
      expect(t.network(Float32Array.of(0, 0)).layers[0].w).toEqual(w);
      expect(t.step(10).step).toBe(10);
    } finally {
      t.dispose();
    }
  });
});
