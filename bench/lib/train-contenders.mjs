// Contenders of the training benchmark. A loader returns {name, make(setup)}
// or {name, unavailable: "why"}; make(setup) returns {skip: "why"} or
// {impl, steps(n), weights(), grid?(), dispose()}: steps(n) runs n SGD steps
// on the shared batch sequence and is the only timed call; weights() gives
// the layers in nnplay's layout for the loss check; grid() (nnplay only) is
// the 100 × 100 decision grid over [-6, 6]².
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { PlainTrainer } from './train-plain.mjs';
import { cloneLayers, layersFromModel } from './train-setup.mjs';

export { tfjs, tfjsManual } from './train-tfjs.mjs';

export function plainJs() {
  return {
    name: 'plain-js',
    make(setup) {
      const t = new PlainTrainer(setup, cloneLayers(setup.layers));
      return { impl: 'bench/lib/train-plain.mjs', steps: (n) => t.steps(n), weights: () => t.weights(), dispose() {} };
    },
  };
}

// nnplay's trainer in a wasm build: importModel(model JSON) sets the exact
// initial weights; step(n) runs n steps inside the core (one call into wasm,
// through the plain export _nnplay_trainer_step as engine/trainer.ts calls it);
// grid() is the binding the page calls per frame (it returns a copied Float32Array).
// Variants of the same module (for information beside the main row):
//   perCall 1: n calls of step(1), what a caller stepping one at a time pays;
//   defaults: the config without train.evalEvery, i.e. createTrainer's default.
export async function nnplayWasm(name, mjsPath, { perCall = 100000, defaults = false } = {}) {
  let M;
  try {
    const { default: create } = await import(pathToFileURL(mjsPath).href);
    M = await create({ wasmBinary: fs.readFileSync(mjsPath.replace(/\.mjs$/, '.wasm')) });
  } catch (e) {
    return { name, unavailable: `cannot load ${path.basename(mjsPath)}: ${e.message}` };
  }
  if (typeof M.importModel !== 'function') return { name, unavailable: 'module has no importModel (trainer not bound yet)' };
  const check = (r) => {
    if (r instanceof Error) throw r;
    return r;
  };
  const modelText = (setup) => {
    if (!defaults) return setup.modelJson;
    const model = JSON.parse(setup.modelJson);
    delete model.config.train.evalEvery;
    return JSON.stringify(model);
  };
  return {
    name,
    make(setup) {
      const h = M.importModel(modelText(setup), null);
      if (h instanceof Error) return { skip: `importModel: ${h.message}` };
      // The call engine/trainer.ts makes: the plain export, the Embind method only for its Error.
      const raw = typeof M._nnplay_trainer_step === 'function' && typeof h.address === 'function';
      const address = raw ? h.address() : 0;
      const call = raw ? (k) => M._nnplay_trainer_step(address, k) === 0 || check(h.step(k)) : (k) => check(h.step(k));
      const how = (k) => (raw ? `_nnplay_trainer_step(address, ${k})` : `TrainerHandle.step(${k})`);
      const impl = perCall === 1 ? `importModel + n × ${how(1)}` : `importModel + ${how('n')}`;
      return {
        impl: defaults ? `${impl}, default train.evalEvery` : impl,
        steps(n) {
          for (let done = 0; done < n; done += perCall) call(Math.min(n - done, perCall));
        },
        weights: () => layersFromModel(check(h.exportModel())),
        grid: perCall === 1 || defaults ? undefined : () => check(h.grid(100, -6, 6, -6, 6, -1, -1)),
        dispose: () => h.delete(),
      };
    },
  };
}

// convnetjs 0.3.0 (float64, one sample at a time) through its own Trainer
// (method sgd, momentum 0, batch_size B: it accumulates B per-sample
// gradients and applies their mean). Layers are built by hand because the
// 'regression' layer definition would add a linear fc layer of its own:
// A is fc-tanh-fc-tanh-fc-tanh-regression (loss ½(out − t)², t = ±1),
// B is fc-relu-fc-relu-fc-softmax. Input Vols are made before timing.
export function convnetjs() {
  let cnj;
  try {
    cnj = createRequire(import.meta.url)('convnetjs');
  } catch (e) {
    return { name: 'convnetjs', unavailable: `cannot load convnetjs: ${e.message}` };
  }
  return {
    name: 'convnetjs',
    make(setup) {
      const { x, y, n, inputs } = setup.train;
      const softmax = setup.net.head === 'softmax_ce';
      const Act = setup.net.act === 'relu' ? cnj.ReluLayer : cnj.TanhLayer;
      const dims = (d) => ({ in_sx: 1, in_sy: 1, in_depth: d });
      const net = new cnj.Net();
      net.layers = [new cnj.InputLayer({ out_sx: 1, out_sy: 1, out_depth: inputs })];
      const fcs = [];
      setup.layers.forEach((l, i) => {
        const fc = new cnj.FullyConnLayer({ num_neurons: l.units, ...dims(l.inputs) });
        for (let j = 0; j < l.units; j++) {
          for (let q = 0; q < l.inputs; q++) fc.filters[j].w[q] = l.w[q * l.units + j];
          fc.biases.w[j] = l.b[j];
        }
        fcs.push(fc);
        net.layers.push(fc);
        if (i < setup.layers.length - 1) net.layers.push(new Act(dims(l.units)));
      });
      const out = setup.layers[setup.layers.length - 1].units;
      if (softmax) net.layers.push(new cnj.SoftmaxLayer(dims(out)));
      else net.layers.push(new cnj.TanhLayer(dims(out)), new cnj.RegressionLayer(dims(out)));
      const trainer = new cnj.Trainer(net, {
        method: 'sgd', learning_rate: setup.lr, momentum: 0, batch_size: setup.batch, l1_decay: 0, l2_decay: 0,
      });
      const vols = [];
      const targets = [];
      for (let s = 0; s < n; s++) {
        const v = new cnj.Vol(1, 1, inputs, 0);
        for (let i = 0; i < inputs; i++) v.w[i] = x[s * inputs + i];
        vols.push(v);
        targets.push(softmax ? y[s] : [y[s] > 0.5 ? 1 : -1]); // regression wants an Array
      }
      let cursor = 0;
      return {
        impl: 'convnetjs 0.3.0 Net + Trainer (sgd, momentum 0)',
        steps(count) {
          for (let s = 0; s < count * setup.batch; s++) {
            trainer.train(vols[cursor], targets[cursor]);
            cursor = cursor + 1 === n ? 0 : cursor + 1;
          }
        },
        weights: () =>
          fcs.map((fc, i) => {
            const l = setup.layers[i];
            const w = new Float64Array(l.inputs * l.units);
            for (let j = 0; j < l.units; j++) for (let q = 0; q < l.inputs; q++) w[q * l.units + j] = fc.filters[j].w[q];
            return { ...l, w, b: Float64Array.from(fc.biases.w) };
          }),
        dispose() {},
      };
    },
  };
}

// The native build (bench/native/training.cpp), one process per net: check
// run, timed step(STEPS) calls and grid calls, all inside the binary.
export function native(binPath) {
  if (!fs.existsSync(binPath)) return { name: 'nnplay-native', unavailable: `${binPath} not built` };
  return {
    name: 'nnplay-native',
    run(setup, { checkSteps, targetMs, reps, warmup, gridReps, tmp }) {
      const outModel = path.join(tmp, `net-${setup.net.name}.native-check.json`);
      const args = ['run', setup.modelFile, checkSteps, targetMs, reps, warmup, gridReps, outModel].map(String);
      const r = spawnSync(binPath, args, { encoding: 'utf8' });
      if (r.status !== 0) return { error: (r.stderr || r.error?.message || `exit ${r.status}`).trim() };
      const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line) return { error: 'no result line' };
      return { ...JSON.parse(line), weights: layersFromModel(fs.readFileSync(outModel, 'utf8')) };
    },
  };
}
