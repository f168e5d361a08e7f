// The training benchmark's contenders that run the same in Node and in
// Chromium (bench/training.mjs and bench/browser/training.mjs): the plain-JS
// trainer, nnplay's trainer from an instantiated wasm module, and what they
// and train-tfjs.mjs need of the setup. No Node imports: the page loads this
// file as it is. Contract as in
// train-contenders.mjs: {name, make(setup)}, make returning
// {impl, steps(n), weights(), grid?(), dispose()}.
import { PlainTrainer } from './train-plain.mjs';

// Copies of the initial weights, so no contender can change another's start.
export const cloneLayers = (layers) =>
  layers.map((l) => ({ inputs: l.inputs, units: l.units, w: Float32Array.from(l.w), b: Float32Array.from(l.b) }));

// Layers from an nnplay model JSON text (nnplay native and wasm report their weights this way).
export const layersFromModel = (json) =>
  JSON.parse(json).layers.map((l) => ({ inputs: l.inputs, units: l.units, w: l.w, b: l.b }));

// Batch k holds samples (k·batch + r) mod n: nnplay's order with shuffle off.
// The sequence repeats after n / gcd(n, batch) batches.
export function batchPeriod(n, batch) {
  const gcd = (a, b) => (b ? gcd(b, a % b) : a);
  return n / gcd(n, batch);
}

export function plainJs() {
  return {
    name: 'plain-js',
    make(setup) {
      const t = new PlainTrainer(setup, cloneLayers(setup.layers));
      return { impl: 'bench/lib/train-plain.mjs', steps: (n) => t.steps(n), weights: () => t.weights(), dispose() {} };
    },
  };
}

// nnplay's trainer in a wasm build M (the module factory's result):
// importModel(model JSON) sets the exact initial weights; step(n) runs n
// steps inside the core (one call into wasm, through the plain export
// _nnplay_trainer_step as engine/trainer.ts calls it); grid() is the binding the page
// calls per frame (it returns a copied Float32Array).
// Variants of the same module (for information beside the main row):
//   perCall 1: n calls of step(1), what a caller stepping one at a time pays;
//   defaults: the config without train.evalEvery, i.e. createTrainer's default.
export function nnplayTrainer(name, M, { perCall = 100000, defaults = false } = {}) {
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
