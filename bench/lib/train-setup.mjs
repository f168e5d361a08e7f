// What every contender of the training benchmark shares: the two networks,
// their nnplay configs, the training set and the initial weights (both taken
// from nnplay's own trainer through the native helper, so every contender
// starts from the same numbers), the batch order, the FLOP count and a
// float64 loss evaluator that judges every contender's weights the same way.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Plain SGD, no momentum, no penalties; batches in data order
// (train.shuffle false) on a training set that nnplay's split has already
// shuffled; evaluation metrics every 10000 steps only (the default, every
// step, would time the page's per-step diagnostics, not training).
const TRAIN = { optimizer: 'sgd', learningRate: 0.03, shuffle: false, evalEvery: 10000, l1: 0, l2: 0 };

export const NETS = {
  A: {
    name: 'A',
    title: '2-8-8-1 tanh, tanh + MSE head, batch 10, SGD lr 0.03, 2-class spiral, 500 training points',
    act: 'tanh',
    head: 'tanh_mse',
    checkSteps: 1000,
    config: {
      data: { kind: 'spiral', samples: 1000, noise: 0, trainFraction: 0.5, seed: 1 },
      hidden: [
        { units: 8, activation: 'tanh' },
        { units: 8, activation: 'tanh' },
      ],
      head: 'tanh_mse',
      init: 'xavier_uniform',
      train: { ...TRAIN, batchSize: 10 },
      seed: 7,
    },
  },
  B: {
    name: 'B',
    title: '2-64-64-3 ReLU, softmax + cross-entropy, batch 64, SGD lr 0.03, 3-class spiral, 900 training points',
    act: 'relu',
    head: 'softmax_ce',
    checkSteps: 300,
    config: {
      data: { kind: 'spiral_k', classes: 3, samples: 1800, noise: 0, trainFraction: 0.5, seed: 1 },
      hidden: [
        { units: 64, activation: 'relu' },
        { units: 64, activation: 'relu' },
      ],
      head: 'softmax_ce',
      init: 'he_uniform',
      train: { ...TRAIN, batchSize: 64 },
      seed: 7,
    },
  },
};

// Runs `nnplay_bench_training setup` and returns the shared starting point:
// {net, batch, lr, train: {n, inputs, classes, x: Float32Array, y: Float32Array},
//  modelJson (nnplay's export, initial weights), layers: [{inputs, units, w, b}]}.
export function makeSetup(net, nativeBin, tmp) {
  if (!fs.existsSync(nativeBin)) throw new Error(`${nativeBin} is not built (it provides the shared data and weights)`);
  const cfgFile = path.join(tmp, `net-${net.name}.config.json`);
  const outFile = path.join(tmp, `net-${net.name}.setup.json`);
  fs.writeFileSync(cfgFile, JSON.stringify(net.config));
  const r = spawnSync(nativeBin, ['setup', cfgFile, outFile], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`setup of net ${net.name} failed: ${(r.stderr || r.error?.message || '').trim()}`);
  const s = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  const layers = s.model.layers.map((l) => {
    if (l.pieces !== 1) throw new Error('maxout layers are not part of this benchmark');
    return { inputs: l.inputs, units: l.units, w: Float32Array.from(l.w), b: Float32Array.from(l.b) };
  });
  const modelFile = path.join(tmp, `net-${net.name}.model.json`);
  fs.writeFileSync(modelFile, JSON.stringify(s.model));
  return {
    net,
    batch: net.config.train.batchSize,
    lr: net.config.train.learningRate,
    train: { ...s.train, x: Float32Array.from(s.train.x), y: Float32Array.from(s.train.y) },
    modelJson: JSON.stringify(s.model),
    modelFile,
    layers,
  };
}

// The weight copies and the model-JSON reader live with the contenders that run in the page too.
export { batchPeriod, cloneLayers, layersFromModel } from './train-portable.mjs';

// FLOPs of one step, by the usual convention for dense layers: forward
// 2·batch·fan_in·fan_out per layer, backward twice that (dL/dW and dL/dx), so
// 6·batch·Σ fan_in·fan_out. Elementwise work (activations, softmax, update)
// is not counted.
export const flopsPerStep = (setup) => 6 * setup.batch * setup.layers.reduce((s, l) => s + l.inputs * l.units, 0);

// Mean loss over the whole training set in float64, from any contender's
// weights (arrays of numbers in nnplay's layout: w is inputs × units, row-major).
export function evalLoss(setup, layers) {
  const { x, y, n, inputs } = setup.train;
  let total = 0;
  for (let s = 0; s < n; s++) {
    let a = Array.from(x.subarray(s * inputs, (s + 1) * inputs));
    layers.forEach((l, li) => {
      const z = new Array(l.units);
      for (let j = 0; j < l.units; j++) {
        let v = l.b[j];
        for (let i = 0; i < l.inputs; i++) v += a[i] * l.w[i * l.units + j];
        z[j] = v;
      }
      const last = li === layers.length - 1;
      a = last ? z : z.map(setup.net.act === 'tanh' ? Math.tanh : (v) => Math.max(0, v));
    });
    if (setup.net.head === 'tanh_mse') {
      const d = Math.tanh(a[0]) - (y[s] > 0.5 ? 1 : -1);
      total += 0.5 * d * d;
    } else {
      const m = Math.max(...a);
      const lse = m + Math.log(a.reduce((acc, v) => acc + Math.exp(v - m), 0));
      total += lse - a[y[s]];
    }
  }
  return total / n;
}

// Largest |Δ| between two weight sets (the agreement check's second number).
export function maxWeightDiff(p, q) {
  let m = 0;
  p.forEach((l, i) => {
    for (const k of ['w', 'b']) for (let j = 0; j < l[k].length; j++) m = Math.max(m, Math.abs(l[k][j] - q[i][k][j]));
  });
  return m;
}
