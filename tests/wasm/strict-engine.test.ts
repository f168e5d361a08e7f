// Through the engine: the confusion matrix exists only where the head
// predicts classes (shape.predictsClasses), and a model file is a strict
// format. Each bad call throws a CoreError naming the field and the value,
// creates nothing, and the engine computes correctly afterwards.
import { describe, expect, it } from 'vitest';
import type { Engine, ModelJson } from '../../web/src/engine/engine';
import { BUILDS, engineFor } from './load';
import { XOR_CONFIG, irisCsv, sum, thrown } from './trainer-util';

function stillTrains(e: Engine): void {
  const t = e.createTrainer(XOR_CONFIG);
  expect(t.step(5).step).toBe(5);
  expect(t.confusion().matrix).toHaveLength(4);
  t.dispose();
}

describe.each(BUILDS)('%s build: confusion needs a class-predicting head', (build) => {
  it('linear_mse on circle: a CoreError naming the head, not a memory fault', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer({ data: { kind: 'circle', samples: 84 }, head: 'linear_mse', hidden: [{ units: 4 }] });
    t.step(10);
    expect(t.shape.predictsClasses).toBe(false);
    const err = thrown(() => t.confusion());
    expect(err.code).toBe('failed_precondition');
    expect(err.message).toBe(
      'confusion: head "linear_mse" on 2 classes predicts values, not classes; ' +
        'a confusion matrix needs sigmoid_bce or tanh_mse on 2 classes, or softmax_ce',
    );
    expect(t.step(5).step).toBe(15); // the trainer still trains
    t.dispose();
    stillTrains(e);
  });

  it('spiral_k: softmax_ce counts every test sample once; linear_mse and tanh_mse refuse', async () => {
    const e = await engineFor(build);
    for (const head of ['auto', 'linear_mse', 'tanh_mse'] as const) {
      const t = e.createTrainer({ data: { kind: 'spiral_k', samples: 84, classes: 5 }, head, hidden: [{ units: 8 }] });
      t.step(20);
      expect(t.shape.testSize).toBe(42);
      expect(t.shape.predictsClasses).toBe(head === 'auto');
      if (head === 'auto') {
        const c = t.confusion();
        expect(c.matrix).toHaveLength(25);
        expect(sum(c.matrix)).toBe(42);
      } else {
        expect(thrown(() => t.confusion()).message).toContain(`head "${head}" on 5 classes`);
      }
      t.dispose();
    }
    stillTrains(e);
  });
});

describe.each(BUILDS)('%s build: model files are strict', (build) => {
  const withStep = (m: ModelJson, step: unknown) => ({ ...m, step }) as unknown as ModelJson;

  it('step must be an integer in [0, 2^53)', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(XOR_CONFIG);
    t.step(7);
    const m = t.toJSON();
    t.dispose();
    const shown: [unknown, string][] = [
      [-1, '-1'], [1.5, '1.5'], [1e19, '1e+19'], [1e300, '1e+300'], [2 ** 53, '9007199254740992'], ['7', '"7"'], [null, 'null'],
    ];
    for (const [step, text] of shown) {
      const err = thrown(() => e.loadTrainer(withStep(m, step)));
      expect(err.message).toBe(`model: "step" must be an integer in [0, 2^53), got ${text}`);
    }
    // JSON text can hold what JSON.stringify never writes
    expect(thrown(() => e.loadTrainer(JSON.stringify(m).replace('"step":7', '"step":1e999'))).message).toMatch(
      /number out of range|too large|overflow/i,
    );
    const back = e.loadTrainer(withStep(m, 2 ** 53 - 1));
    expect(back.metrics().step).toBe(2 ** 53 - 1);
    back.dispose();
    stillTrains(e);
  });

  it('layer fields that contradict the config, unknown keys and missing fields are errors', async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(XOR_CONFIG);
    const m = t.toJSON();
    t.dispose();
    const layer = (i: number, patch: Record<string, unknown>) =>
      ({ ...m, layers: m.layers.map((l, j) => (j === i ? { ...l, ...patch } : l)) }) as unknown as ModelJson;
    const cases: [ModelJson, string][] = [
      [layer(0, { inputs: 3 }), 'model: layers[0].inputs is 3, but the config\'s network has 2'],
      [layer(1, { units: 0 }), 'model: layers[1].units is 0, but the config\'s network has 8'],
      [layer(2, { pieces: 0 }), 'model: layers[2].pieces is 0, but the config\'s network has 1'],
      [layer(0, { bias: [] }), 'model: unknown field layers[0].bias'],
      [{ ...m, comment: 'hi' } as unknown as ModelJson, 'model: unknown field comment'],
    ];
    for (const [model, message] of cases) expect(thrown(() => e.loadTrainer(model)).message).toBe(message);
    const { pieces: _dropped, ...noPieces } = m.layers[0];
    const missing = { ...m, layers: [noPieces, ...m.layers.slice(1)] } as unknown as ModelJson;
    expect(thrown(() => e.loadTrainer(missing)).message).toBe('model: "layers[0].pieces" is missing');
    stillTrains(e);
  });

  it('a classification model on regression data is refused as createTrainer refuses it', async () => {
    const e = await engineFor(build);
    const classes = e.loadDataset('custom', '0,0,0\n1,1,1\n2,0,0\n0,2,1\n');
    const values = e.loadDataset('custom', '0,0,0.5\n1,1,1.5\n2,0,0.25\n0,2,-1\n', { regression: true });
    const t = e.createTrainer({ data: { kind: 'custom' }, hidden: [{ units: 3 }] }, { data: classes });
    const m = t.toJSON();
    expect(m.config.head).toBe('sigmoid_bce'); // the head the model was trained with, not "auto"
    const create = thrown(() => e.createTrainer(m.config, { data: values }));
    const load = thrown(() => e.loadTrainer(m, { data: values }));
    expect(load.message).toBe(create.message);
    expect(load.message).toMatch(/sigmoid_bce.*regression set/);
    t.dispose();
    classes.dispose();
    values.dispose();
    stillTrains(e);
  });

  it('features iris cannot use (x1_x2) are an error in createTrainer and in a model', async () => {
    const e = await engineFor(build);
    const iris = e.loadDataset('iris', irisCsv());
    const config = { data: { kind: 'iris' as const, features: ['x1', 'x2', 'x1_x2'] as const }, hidden: [{ units: 4 }] };
    const expected =
      'data.features ["x1", "x2", "x1_x2"] needs 2-D inputs, but data.kind "iris" has 4 inputs, used as they are; ' +
      'leave data.features out or give ["x1", "x2"]';
    expect(thrown(() => e.createTrainer({ ...config, data: { ...config.data, features: [...config.data.features] } }, { data: iris })).message).toBe(expected);
    const t = e.createTrainer({ data: { kind: 'iris' }, hidden: [{ units: 4 }] }, { data: iris });
    const m = t.toJSON();
    t.dispose();
    const forged = { ...m, config: { ...m.config, data: { ...m.config.data, features: ['x1', 'x2', 'x1_x2'] } } } as ModelJson;
    expect(thrown(() => e.loadTrainer(forged, { data: iris })).message).toBe(expected);
    iris.dispose();
    stillTrains(e);
  });
});
