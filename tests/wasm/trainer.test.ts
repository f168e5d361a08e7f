// The engine's trainer on both builds: XOR converges, hyperparameters change
// live, the history is columnar, predictions and grids have the right shapes
// and ranges, rewind recovers from a forced divergence, a model round-trips
// through toJSON/loadTrainer, and a disposed trainer refuses every call.
import { describe, expect, it } from 'vitest';
import type { Trainer } from '../../web/src/engine/engine';
import { BUILDS, engineFor, f32 } from './load';
import { DIVERGING_CONFIG, XOR_CONFIG, thrown } from './trainer-util';

describe.each(BUILDS)('%s build: trainer', (build) => {
  it('reaches 100% train accuracy on XOR within 2000 steps', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(XOR_CONFIG);
    expect(t.shape).toMatchObject({ inputs: 2, features: 2, classes: 2, head: 'sigmoid_bce', units: [8, 8, 1] });
    expect(t.shape.trainSize + t.shape.testSize).toBe(200);
    let steps = 0;
    let m = t.metrics();
    const initial = m;
    expect(m.step).toBe(0);
    while (m.trainAccuracy < 1 && steps < 2000) {
      m = t.step(100); // evalEvery 100: each result carries fresh evaluation metrics
      steps += 100;
    }
    expect(m.trainAccuracy).toBe(1);
    expect(m.step).toBe(steps);
    expect(m.diverged).toBe(false);
    expect(m.divergence).toBeNull();
    expect(m.layers).toHaveLength(3);
    expect(m.histograms).toHaveLength(2);
    expect(m.histograms[0].counts).toHaveLength(40);
    expect(Number.isNaN(m.layers[0].alpha)).toBe(true); // null in JSON: not a PReLU layer
    t.reset(); // same seed: the initial weights again, on the same handle
    expect(t.metrics()).toEqual(initial);
    expect(t.history().step).toHaveLength(1);
    t.dispose();
  });

  it('set() changes the learning rate live and rejects bad values without changing anything', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(XOR_CONFIG);
    t.step(10);
    expect(t.metrics().learningRate).toBeCloseTo(0.03, 7);
    t.set({ learningRate: 0.1, batchSize: 20 });
    expect(t.config().train).toMatchObject({ learningRate: 0.1, batchSize: 20, optimizer: 'adam' });
    expect(t.step(5).learningRate).toBeCloseTo(0.1, 7);
    expect(t.metrics().step).toBe(15); // the same trainer went on
    expect(thrown(() => t.set({ learningRate: -1 })).message).toMatch(/train\.learningRate.*-1/);
    expect(thrown(() => t.set({ learningRate: 0.5, optimizer: 'adamw' as 'adam' })).message).toMatch(
      /train\.optimizer.*"adamw".*sgd, momentum, rmsprop, adam/,
    );
    expect(thrown(() => t.set({ lr: 1 } as object)).message).toMatch(/unknown field train\.lr/);
    expect(thrown(() => t.set({ batchSize: 0 })).message).toMatch(/train\.batchSize.*got 0/);
    expect(thrown(() => t.set({ learningRate: NaN })).message).toMatch(/train\.learningRate.*null/);
    expect(thrown(() => t.set(null as unknown as object)).message).toMatch(/hyperparameters.*null/);
    expect(t.config().train.learningRate).toBe(0.1); // untouched by the failed calls
    expect(t.config().train.optimizer).toBe('adam');
    t.dispose();
  });

  it('history columns have equal length and the right steps', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(XOR_CONFIG);
    t.step(250);
    const h = t.history();
    expect(Array.from(h.step)).toEqual(Array.from({ length: 251 }, (_, i) => i)); // row 0 is the initial state
    const columns = [
      h.epoch, h.learningRate, h.batchLoss, h.trainLoss, h.testLoss, h.trainAccuracy, h.testAccuracy,
      h.gradNorm, h.gradNormClipped, ...h.layers.flatMap((l) => Object.values(l) as Float32Array[]),
    ];
    expect(h.layers).toHaveLength(3);
    for (const c of columns) expect(c).toBeInstanceOf(Float32Array);
    for (const c of columns) expect(c.length).toBe(251);
    expect(h.epoch[250]).toBeCloseTo((250 * 10) / t.shape.trainSize, 5);
    // evaluation every 100 steps: train loss is carried between evaluations
    expect(h.trainLoss[150]).toBe(h.trainLoss[100]);
    expect(h.trainLoss[200]).not.toBe(h.trainLoss[199]);
    const tail = t.history(240);
    expect(Array.from(tail.step)).toEqual([240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250]);
    expect(tail.layers[1].gradWNorm.length).toBe(11);
    expect(t.history(10 ** 9).step.length).toBe(0);
    expect(t.historyCsv(249).trim().split('\n')).toHaveLength(3); // header + 2 rows
    expect(thrown(() => t.history(-1)).message).toMatch(/fromStep.*-1/);
    expect(thrown(() => t.history(1.5)).message).toMatch(/fromStep.*1\.5/);
    t.dispose();
  });

  it('predict and grid give the right shapes and ranges', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(XOR_CONFIG);
    t.step(200);
    const p = t.predict(f32([-3, -3, 3, 3, -3, 3, 3, -3, 0, 0]));
    expect(p).toHaveLength(5);
    for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
    const bounds = { x0: -6, x1: 6, y0: -6, y1: 6 };
    const g = t.grid(50, bounds);
    expect(g).toHaveLength(2500);
    for (const v of g) expect(v >= 0 && v <= 1).toBe(true);
    // row-major from (x0, y0): the first cell is the prediction at (-6, -6)
    expect(g[0]).toBeCloseTo(t.predict(f32([-6, -6]))[0], 6);
    expect(g[49]).toBeCloseTo(t.predict(f32([6, -6]))[0], 6);
    const unit = t.grid(20, bounds, { layer: 1, neuron: 7 });
    expect(unit).toHaveLength(400);
    for (const v of unit) expect(v >= -1 && v <= 1).toBe(true); // tanh
    const net = t.network(f32([1, -1]));
    expect(net.layers.map((l) => [l.inputs, l.units, l.w.length, l.z.length])).toEqual([
      [2, 8, 16, 8], [8, 8, 64, 8], [8, 1, 8, 1],
    ]);
    expect(net.layers[2].activation).toBe('sigmoid_bce');
    expect(net.output[0]).toBeCloseTo(t.predict(f32([1, -1]))[0], 6);
    t.dispose();
  });

  it('grid, predict and network reject bad arguments', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(XOR_CONFIG);
    const b = { x0: -1, x1: 1, y0: -1, y1: 1 };
    expect(thrown(() => t.grid(1, b)).message).toMatch(/resolution.*\[2, 200\].*got 1/);
    expect(thrown(() => t.grid(201, b)).message).toMatch(/got 201/);
    expect(thrown(() => t.grid(2.5, b)).message).toMatch(/res.*2\.5/);
    expect(thrown(() => t.grid(10, { ...b, x0: 2 })).message).toMatch(/bounds.*x0 < x1.*\[2, 1\]/);
    expect(thrown(() => t.grid(10, { ...b, y1: NaN })).message).toMatch(/bounds.*NaN/);
    expect(thrown(() => t.grid(10, { ...b, y1: '1' as unknown as number })).message).toMatch(/bounds\.y1.*"1"/);
    expect(thrown(() => t.grid(10, { x0: 0, x1: 1 } as typeof b)).message).toMatch(/bounds\.y0.*undefined/);
    expect(thrown(() => t.grid(10, b, { layer: 2 })).message).toMatch(/layer.*-1.*\[0, 1\].*got 2/);
    expect(thrown(() => t.grid(10, b, { layer: 0, neuron: 8 })).message).toMatch(/neuron.*\[0, 7\].*got 8/);
    expect(thrown(() => t.grid(10, b, { unit: 1 } as object)).message).toMatch(/options.*"unit"/);
    expect(thrown(() => t.predict(f32([1, 2, 3]))).message).toMatch(/points.*multiple of 2.*got 3/);
    expect(thrown(() => t.predict([1, 2] as unknown as Float32Array)).message).toMatch(/points.*Array\(2\)/);
    expect(thrown(() => t.network(f32([1]))).message).toMatch(/input.*2 values, got 1/);
    expect(thrown(() => t.step(0)).message).toMatch(/n must be in \[1, 100000\], got 0/);
    expect(thrown(() => t.step(100001)).code).toBe('out_of_range');
    t.dispose();
  });

  it('rewinds after a forced divergence', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(DIVERGING_CONFIG);
    const m = t.step(1000);
    expect(m.diverged).toBe(true);
    expect(m.step).toBeLessThan(1000);
    expect(m.divergence).not.toBeNull();
    expect(m.divergence!.message.length).toBeGreaterThan(10);
    expect(['loss', 'gradient', 'weight']).toContain(m.divergence!.quantity);
    const again = thrown(() => t.step(1));
    expect(again.code).toBe('failed_precondition');
    expect(again.message).toMatch(/diverged at step \d+.*rewind\(\) or reset\(\)/);
    const r = t.rewind();
    expect(r.diverged).toBe(false);
    expect(r.step % 25).toBe(0);
    expect(r.step).toBeLessThanOrEqual(m.step);
    expect(Number.isFinite(r.trainLoss)).toBe(true);
    const h = t.history();
    expect(h.step[h.step.length - 1]).toBe(r.step);
    t.set({ learningRate: 0.001 });
    expect(t.step(1).step).toBe(r.step + 1); // training goes on from the snapshot
    t.reset(7);
    expect(t.metrics().step).toBe(0);
    expect(t.config().seed).toBe(7);
    t.reset(4294967295);
    expect(t.config().seed).toBe(4294967295);
    expect(thrown(() => t.reset(-1)).message).toMatch(/seed.*-1/);
    expect(thrown(() => t.reset(2 ** 32)).message).toMatch(/seed.*4294967296/);
    t.dispose();
  });

  it('rewinds to the last finite snapshot when a raised learning rate blows up', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer({ ...DIVERGING_CONFIG, train: { optimizer: 'sgd', learningRate: 1e-5 } });
    const calm = t.step(60);
    expect(calm.diverged).toBe(false);
    t.set({ learningRate: 10 });
    const m = t.step(1000);
    expect(m.diverged).toBe(true);
    expect(m.step).toBeGreaterThan(60);
    const r = t.rewind();
    expect(r.step).toBe(50); // snapshots every 25 steps
    expect(t.history().step.length).toBe(51);
    t.set({ learningRate: 1e-5 });
    expect(t.step(10).diverged).toBe(false);
    t.dispose();
  });

  it('toJSON -> loadTrainer predicts identically', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer({ ...XOR_CONFIG, hidden: [{ units: 6, activation: 'prelu' }], seed: 42 });
    t.step(300);
    const model = t.toJSON();
    expect(model.format).toBe('nnplay-model');
    expect(model.step).toBe(300);
    expect(model.config.seed).toBe(42);
    const fromObject = e.loadTrainer(model);
    const fromText = e.loadTrainer(JSON.stringify(t));
    const points = f32(Array.from({ length: 200 }, (_, i) => Math.sin(i * 1.7) * 6));
    const want = Array.from(t.predict(points));
    expect(Array.from(fromObject.predict(points))).toEqual(want);
    expect(Array.from(fromText.predict(points))).toEqual(want);
    expect(fromText.metrics().step).toBe(300);
    // The model records the head it was trained with ("auto" resolved), so that
    // other data meets the refusal that head gets.
    expect(t.config().head).toBe('auto');
    expect(fromText.config()).toEqual({ ...t.config(), head: 'sigmoid_bce' });
    expect(thrown(() => e.loadTrainer('{"format":"x"}')).message).toMatch(/model.*format.*nnplay-model/);
    expect(thrown(() => e.loadTrainer('not json')).message).toMatch(/model/);
    expect(thrown(() => e.loadTrainer(42 as unknown as string)).message).toMatch(/model.*42/);
    for (const x of [t, fromObject, fromText]) x.dispose();
  });

  it('a disposed trainer refuses every call with a CoreError', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(XOR_CONFIG);
    t.dispose();
    t.dispose(); // idempotent
    expect(t.disposed).toBe(true);
    const calls: ((x: Trainer) => unknown)[] = [
      (x) => x.step(1), (x) => x.metrics(), (x) => x.refreshMetrics(), (x) => x.history(), (x) => x.historyCsv(),
      (x) => x.predict(f32([0, 0])), (x) => x.grid(10, { x0: 0, x1: 1, y0: 0, y1: 1 }), (x) => x.network(f32([0, 0])),
      (x) => x.confusion(), (x) => x.rewind(), (x) => x.reset(), (x) => x.set({ learningRate: 0.1 }),
      (x) => x.config(), (x) => x.data(), (x) => x.toJSON(), (x) => JSON.stringify(x),
    ];
    for (const call of calls) {
      const err = thrown(() => call(t));
      expect(err.message).toBe('trainer: this trainer was disposed');
      expect(err.code).toBe('failed_precondition');
    }
  });
});
