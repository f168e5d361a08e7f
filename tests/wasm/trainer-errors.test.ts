// Bad trainer configs and bad calls: each throws a CoreError naming the field
// or argument and the value, creates nothing, and leaves the engine usable,
// also after 1000 bad calls that reach wasm (errors are returned values, so no
// wasm stack leaks; docs/TOOLCHAIN.md §2).
import { describe, expect, it } from 'vitest';
import { loadEngine, type Engine, type TrainerConfigJson } from '../../web/src/engine/engine';
import { BUILDS, engineFor, f32, wasmBytes } from './load';
import { XOR_CONFIG, bad, thrown } from './trainer-util';

type ConfigCase = [label: string, config: unknown, mustMention: (string | RegExp)[], code?: string];

const layer = { units: 4, activation: 'tanh' };

const CONFIG_CASES: ConfigCase[] = [
  ['hidden[0].units 0', { hidden: [{ units: 0, activation: 'tanh' }] }, ['hidden[0].units', 'got 0'], 'out_of_range'],
  ['hidden[1].units 1.5', { hidden: [layer, { units: 1.5 }] }, ['hidden[1].units', '1.5']],
  ['hidden[0].units a string', { hidden: [{ units: '4' }] }, ['hidden[0].units', '"4"']],
  ['unknown top-level field', { hiden: [] }, ['unknown field hiden']],
  ['unknown nested field', { train: { learningrate: 0.1 } }, ['unknown field train.learningrate']],
  ['bad optimizer name', { train: { optimizer: 'adamw' } }, ['train.optimizer', '"adamw"', 'sgd, momentum, rmsprop, adam']],
  ['bad activation name', { hidden: [{ activation: 'swishy' }] }, ['hidden[0].activation', '"swishy"']],
  ['bad data kind', { data: { kind: 'mnist' } }, ['data.kind', '"mnist"']],
  ['learning rate 0', { train: { learningRate: 0 } }, ['train.learningRate', '(0, 10]', 'got 0']],
  ['learning rate NaN (null in JSON)', { train: { learningRate: NaN } }, ['train.learningRate', 'null']],
  ['samples too many', { data: { kind: 'xor', samples: 1e6 } }, ['data.samples', '1000000']],
  ['seed negative', { seed: -1 }, ['seed', '-1']],
  ['nine hidden layers', { hidden: Array(9).fill(layer) }, ['hidden', 'at most 8', '9']],
  ['leaky alpha out of range', { hidden: [{ activation: 'leaky_relu', alpha: 5 }] }, ['hidden[0].alpha', '5']],
  ['train not an object', { train: 3 }, ['train', 'an object', '3']],
  ['head for regression', { data: { kind: 'sine' }, head: 'sigmoid_bce' }, ['sigmoid_bce', 'sine', 'linear_mse']],
  ['config not an object', 'xor', ['config', '"xor"']],
  ['config null', null, ['config', 'null']],
  ['config an array', [1], ['config', 'Array(1)']],
  ['config with a BigInt', { seed: BigInt(1) }, ['config', 'JSON']],
];

describe.each(BUILDS)('%s build: bad trainer configs', (build) => {
  it.each(CONFIG_CASES)('%s', async (_label, config, mustMention, code) => {
    const e = await engineFor(build);
    const err = thrown(() => e.createTrainer(bad<TrainerConfigJson>(config)));
    expect(err.name).toBe('CoreError');
    for (const m of mustMention) expect(err.message).toContain(m);
    if (code) expect(err.code).toBe(code);
    // and the engine still trains
    const t = e.createTrainer(XOR_CONFIG);
    expect(t.step(5).step).toBe(5);
    t.dispose();
  });

  it('checks the data option against data.kind', async () => {
    const e = await engineFor(build);
    expect(thrown(() => e.createTrainer({ data: { kind: 'digits' } })).message).toMatch(
      /options\.data.*"digits" needs a Dataset/,
    );
    const xor = e.generateDataset({ kind: 'xor', samples: 50 });
    expect(thrown(() => e.createTrainer({ data: { kind: 'xor' } }, { data: xor })).message).toMatch(
      /options\.data.*"xor" is generated.*pass no Dataset/,
    );
    expect(thrown(() => e.createTrainer({ data: { kind: 'iris' } }, { data: xor })).message).toMatch(
      /data\.kind is "iris", but the Dataset holds "xor"/,
    );
    expect(thrown(() => e.createTrainer(XOR_CONFIG, bad({ data: {} }))).message).toMatch(/options\.data: expected a Dataset, got Object/);
    expect(thrown(() => e.createTrainer(XOR_CONFIG, bad({ dataset: xor }))).message).toMatch(/options.*"dataset"/);
    // custom accepts any Dataset: a generated set is a starting point for custom data
    const t = e.createTrainer({ data: { kind: 'custom' } }, { data: xor });
    expect(t.shape.trainSize + t.shape.testSize).toBe(50);
    t.dispose();
    const other = await engineFor(build === 'simd' ? 'scalar' : 'simd');
    expect(thrown(() => other.createTrainer({ data: { kind: 'custom' } }, { data: xor })).message).toMatch(
      /options\.data: this Dataset belongs to another engine/,
    );
    xor.dispose();
    expect(thrown(() => e.createTrainer({ data: { kind: 'custom' } }, { data: xor })).message).toBe(
      'dataset: this dataset was disposed',
    );
  });
});

describe.each(BUILDS)('%s build: 1000 bad calls', (build) => {
  it('leave the engine and a live trainer working', async () => {
    // A fresh engine, so earlier tests cannot hide or cause a leak.
    const e: Engine = await loadEngine({ build, wasmBinary: wasmBytes(build) });
    const live = e.createTrainer(XOR_CONFIG);
    live.step(50);
    const before = live.predict(f32([1, 1, -1, 1]));
    const calls: ((x: Engine) => unknown)[] = [
      (x) => x.createTrainer({ hidden: [{ units: 0 }] }),
      (x) => x.createTrainer(bad({ train: { optimizer: 'adamw' } })),
      (x) => x.loadTrainer('{"format":"nnplay-model","version":2}'),
      (x) => x.loadTrainer('{'),
      (x) => x.loadDataset('custom', 'a,b\n1,x\n'),
      (x) => x.loadDataset('digits', '1,2,3\n'),
      (x) => x.generateDataset({ kind: 'xor', samples: 3 }),
      () => live.set({ learningRate: 100 }),
      () => live.grid(1, { x0: 0, x1: 1, y0: 0, y1: 1 }),
      () => live.predict(f32([1, 2, 3])),
      () => live.network(f32([])),
      () => live.history(-5),
      () => live.step(0),
    ];
    for (let i = 0; i < 1000; i++) thrown(() => calls[i % calls.length](e));
    expect(Array.from(live.predict(f32([1, 1, -1, 1])))).toEqual(Array.from(before));
    expect(live.config().train.learningRate).toBeCloseTo(0.03, 7);
    expect(live.step(50).step).toBe(100);
    const t = e.createTrainer(XOR_CONFIG);
    expect(t.step(100).trainAccuracy).toBe(1);
    expect(t.grid(100, { x0: -6, x1: 6, y0: -6, y1: 6 })).toHaveLength(10000);
    t.dispose();
    live.dispose();
  });
});
