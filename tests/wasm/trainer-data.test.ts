// Data sets through the engine: the real digits (gunzipped as the page does
// after fetching) and iris, custom CSV with points added and removed by hand,
// generated toys; trainers on them, and confusion matrices that add up.
import { describe, expect, it } from 'vitest';
import { BUILDS, engineFor, f32 } from './load';
import { bad, digitsCsv, irisCsv, sum, thrown } from './trainer-util';

describe.each(BUILDS)('%s build: data sets', (build) => {
  it('digits: loads, trains briefly, and the confusion matrix sums to the test size', async () => {
    const e = await engineFor(build);
    const digits = e.loadDataset('digits', digitsCsv());
    expect([digits.size, digits.inputs, digits.classes, digits.regression]).toEqual([1797, 64, 10, false]);
    const x = digits.x();
    expect(x).toHaveLength(1797 * 64);
    expect(Math.min(...x)).toBe(0);
    expect(Math.max(...x)).toBe(1); // pixel counts scaled to [0, 1]
    const t = e.createTrainer(
      {
        data: { kind: 'digits', trainFraction: 0.7 },
        hidden: [{ units: 32, activation: 'relu' }],
        train: { optimizer: 'adam', learningRate: 0.01, batchSize: 32, evalEvery: 50 },
      },
      { data: digits },
    );
    expect(t.shape).toMatchObject({ inputs: 64, features: 64, classes: 10, head: 'softmax_ce', units: [32, 10] });
    expect(t.shape.trainSize).toBe(1258);
    const m = t.step(300);
    expect(m.testAccuracy).toBeGreaterThan(0.85);
    const c = t.confusion();
    expect(c.classes).toBe(10);
    expect(c.matrix).toBeInstanceOf(Int32Array);
    expect(c.matrix).toHaveLength(100);
    expect(sum(c.matrix)).toBe(t.shape.testSize);
    let diagonal = 0;
    for (let k = 0; k < 10; k++) diagonal += c.matrix[k * 11];
    expect(diagonal / t.shape.testSize).toBeCloseTo(t.refreshMetrics().testAccuracy, 5);
    // softmax: one probability per class per point, summing to 1
    const p = t.predict(x.subarray(0, 3 * 64));
    expect(p).toHaveLength(30);
    expect(sum(p.subarray(10, 20))).toBeCloseTo(1, 5);
    expect(thrown(() => t.grid(10, { x0: 0, x1: 1, y0: 0, y1: 1 })).message).toMatch(/2-D data.*64 inputs/);
    // a saved digits model needs the digits to load
    const model = t.toJSON();
    expect(thrown(() => e.loadTrainer(model)).message).toMatch(/options\.data.*"digits" needs a Dataset/);
    const back = e.loadTrainer(model, { data: digits });
    expect(Array.from(back.predict(x.subarray(0, 3 * 64)))).toEqual(Array.from(p));
    expect(Array.from(back.confusion().matrix)).toEqual(Array.from(c.matrix));
    back.dispose();
    t.dispose();
    digits.dispose();
  });

  it('iris: class names, a trainer, and its splits', async () => {
    const e = await engineFor(build);
    const iris = e.loadDataset('iris', irisCsv());
    expect([iris.size, iris.inputs, iris.classes]).toEqual([150, 4, 3]);
    expect(iris.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    const t = e.createTrainer({ data: { kind: 'iris' }, hidden: [{ units: 8, activation: 'elu' }] }, { data: iris });
    const train = t.data('train');
    const test = t.data('test');
    expect(train.x.length / 4 + test.x.length / 4).toBe(150);
    expect(test.y).toHaveLength(t.shape.testSize);
    expect(train.classNames).toEqual(iris.classNames);
    t.step(200);
    expect(sum(t.confusion().matrix)).toBe(75);
    t.dispose();
    iris.dispose();
  });

  it('custom CSV: add and remove points, train, reject bad input', async () => {
    const e = await engineFor(build);
    const csv = 'x1,x2,label\n-1,-1,0\n1,1,1\n-2,-1,0\n2,1,1\n';
    const d = e.loadDataset('custom', csv);
    expect([d.size, d.inputs, d.classes]).toEqual([4, 2, 2]);
    d.addPoint([-3, -2], 0);
    d.addPoint(f32([3, 2]), 1);
    expect(d.size).toBe(6);
    expect(Array.from(d.y())).toEqual([0, 1, 0, 1, 0, 1]);
    d.removePoint(0);
    expect(Array.from(d.x().subarray(0, 2))).toEqual([1, 1]);
    expect(thrown(() => d.addPoint([1], 0)).message).toMatch(/x has 1 values.*2 inputs/);
    expect(thrown(() => d.addPoint([1, 2], 2)).message).toMatch(/label 2.*0\.\.1/);
    expect(thrown(() => d.addPoint([1, NaN], 0)).message).toMatch(/x\[1\].*NaN/);
    expect(thrown(() => d.addPoint(bad(['1', 2]), 0)).message).toMatch(/x: expected.*Array\(2\)/);
    expect(thrown(() => d.addPoint([1, 2], bad('0'))).message).toMatch(/label.*"0"/);
    expect(thrown(() => d.removePoint(5)).message).toMatch(/index 5.*0\.\.4/);
    expect(thrown(() => d.removePoint(-1)).code).toBe('out_of_range');
    const t = e.createTrainer({ data: { kind: 'custom' }, hidden: [{ units: 3 }] }, { data: d });
    d.addPoint([0, 0], 1); // the trainer has its own copy
    expect(t.shape.trainSize + t.shape.testSize).toBe(5);
    expect(t.step(10).step).toBe(10);
    t.dispose();
    d.dispose();
    expect(thrown(() => d.size).message).toBe('dataset: this dataset was disposed');
    expect(thrown(() => d.addPoint([0, 0], 0)).code).toBe('failed_precondition');
  });

  it('custom regression and CSV errors that name the line', async () => {
    const e = await engineFor(build);
    const r = e.loadDataset('custom', '0,0.5\n1,1.5\n2,2.5\n', { regression: true });
    expect([r.inputs, r.classes, r.regression]).toEqual([1, 0, true]);
    const t = e.createTrainer({ data: { kind: 'custom' }, hidden: [{ units: 4 }] }, { data: r });
    expect(t.shape.head).toBe('linear_mse');
    expect(Number.isNaN(t.step(5).trainAccuracy)).toBe(true); // null in JSON for regression
    expect(thrown(() => t.confusion()).message).toMatch(/confusion.*regression/);
    t.dispose();
    r.dispose();
    expect(thrown(() => e.loadDataset('custom', 'a,b\n1,x\n')).message).toMatch(/line 2.*column 2.*"x"/);
    expect(thrown(() => e.loadDataset('custom', '')).message).toMatch(/no data rows/);
    expect(thrown(() => e.loadDataset('iris', '1,2\n')).message).toMatch(/line 1/);
    expect(thrown(() => e.loadDataset(bad('mnist'), '')).message).toMatch(/kind.*"mnist"/);
    expect(thrown(() => e.loadDataset('digits', bad(null))).message).toMatch(/csvText.*null/);
    expect(thrown(() => e.loadDataset('digits', '', { regression: true })).message).toMatch(/regression.*custom/);
  });

  it('generated toys: deterministic in the seed, and validated', async () => {
    const e = await engineFor(build);
    const a = e.generateDataset({ kind: 'spiral_k', samples: 90, classes: 4, seed: 9 });
    const b = e.generateDataset({ kind: 'spiral_k', samples: 90, classes: 4, seed: 9 });
    expect([a.kind, a.size, a.inputs, a.classes]).toEqual(['spiral_k', 90, 2, 4]);
    expect(Array.from(a.x())).toEqual(Array.from(b.x()));
    // the same points as a trainer generates from the same data config
    const t = e.createTrainer({ data: { kind: 'spiral_k', samples: 90, classes: 4, seed: 9 }, hidden: [] });
    const all = [...t.data('train').y, ...t.data('test').y].sort();
    expect(all).toEqual(Array.from(a.y()).sort());
    const sorted = (d: { x: Float32Array }) => Array.from(d.x).sort();
    expect([...sorted(t.data('train')), ...sorted(t.data('test'))].sort()).toEqual(Array.from(a.x()).sort());
    t.dispose();
    a.dispose();
    b.dispose();
    const circle = e.generateDataset({});
    expect([circle.kind, circle.size]).toEqual(['circle', 500]); // the defaults
    circle.dispose();
    expect(thrown(() => e.generateDataset({ kind: 'digits' })).message).toMatch(/generated kind.*digits/);
    expect(thrown(() => e.generateDataset({ kind: 'xor', noise: 2 })).message).toMatch(/data\.noise.*got 2/);
    expect(thrown(() => e.generateDataset(bad({ kinds: 'xor' }))).message).toMatch(/unknown field data\.kinds/);
    expect(thrown(() => e.generateDataset(bad('xor'))).message).toMatch(/data: expected an object/);
  });
});
