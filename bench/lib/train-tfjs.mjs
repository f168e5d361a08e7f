// The tfjs contenders of the training benchmark: @tensorflow/tfjs with the
// wasm backend (XNNPACK, SIMD, one thread), set up by the kernel benchmark's
// loader. Two ways to train the same net (same contract as in
// train-contenders.mjs):
//   tfjs-wasm         variables + tf.train.sgd + optimizer.minimize: the
//                     library's ordinary training path (autodiff tape);
//   tfjs-wasm-manual  the gradients written out by hand as tf ops in one
//                     tf.tidy (no tape), for information: what tfjs costs
//                     without its autodiff machinery.
// Both use the batches of one period of the sequence as tensors made before timing.
// tfjsMinimize(tf, info) and tfjsHandWritten(tf, info) take a loaded tfjs, so
// the Chromium page (bench/browser/training.mjs) runs the same code; only
// load() is Node's, imported when called.
import { batchPeriod } from './train-portable.mjs';

let loaded = null;

// tfjs-core alone registers no gradients; the @tensorflow/tfjs bundle
// registers them all on the same tfjs-core instance.
async function load() {
  if (loaded) return loaded;
  const { tfjsWasm } = await import('./contenders.mjs');
  const base = await tfjsWasm();
  if (base.unavailable) return (loaded = { unavailable: base.unavailable });
  try {
    const tf = await import('@tensorflow/tfjs');
    if (tf.getBackend() !== 'wasm') throw new Error(`backend is ${tf.getBackend()}, not wasm`);
    return (loaded = { tf, info: base.info });
  } catch (e) {
    return (loaded = { unavailable: `cannot load @tensorflow/tfjs: ${e.message}` });
  }
}

// Variables, pre-made batch tensors ({x, t}: t = ±1 for A, one-hot for B) and
// the parts both variants share.
function prepare(tf, setup) {
  const { x, y, n, inputs, classes } = setup.train;
  const B = setup.batch;
  const softmax = setup.net.head === 'softmax_ce';
  const vars = setup.layers.map((l) => ({
    w: tf.variable(tf.tensor2d(l.w, [l.inputs, l.units])),
    b: tf.variable(tf.tensor1d(l.b)),
  }));
  const batches = [];
  for (let k = 0; k < batchPeriod(n, B); k++) {
    const bx = new Float32Array(B * inputs);
    const by = new Float32Array(B * (softmax ? classes : 1));
    for (let r = 0; r < B; r++) {
      const s = (k * B + r) % n;
      bx.set(x.subarray(s * inputs, (s + 1) * inputs), r * inputs);
      if (softmax) by[r * classes + y[s]] = 1;
      else by[r] = y[s] > 0.5 ? 1 : -1;
    }
    batches.push({ x: tf.tensor2d(bx, [B, inputs]), t: tf.tensor2d(by, [B, softmax ? classes : 1]) });
  }
  let k = 0;
  const next = () => {
    const b = batches[k];
    k = k + 1 === batches.length ? 0 : k + 1;
    return b;
  };
  return {
    vars,
    softmax,
    relu: setup.net.act === 'relu',
    next,
    weights: () =>
      vars.map((v, i) => ({ ...setup.layers[i], w: Float32Array.from(v.w.dataSync()), b: Float32Array.from(v.b.dataSync()) })),
    dispose: () => tf.dispose([...vars.flatMap((v) => [v.w, v.b]), ...batches.flatMap((b) => [b.x, b.t])]),
  };
}

export async function tfjs() {
  const { tf, info, unavailable } = await load();
  return unavailable ? { name: 'tfjs-wasm', unavailable } : tfjsMinimize(tf, info);
}

export function tfjsMinimize(tf, info) {
  return {
    name: 'tfjs-wasm',
    info,
    make(setup) {
      const p = prepare(tf, setup);
      const varList = p.vars.flatMap((v) => [v.w, v.b]);
      const act = p.relu ? tf.relu : tf.tanh;
      const loss = ({ x: bx, t }) => {
        let a = bx;
        p.vars.forEach((v, i) => {
          const z = tf.add(tf.matMul(a, v.w), v.b);
          a = i < p.vars.length - 1 ? act(z) : z;
        });
        if (p.softmax) return tf.losses.softmaxCrossEntropy(t, a); // mean over the batch
        return tf.mul(0.5, tf.mean(tf.square(tf.sub(tf.tanh(a), t))));
      };
      const opt = tf.train.sgd(setup.lr);
      return {
        impl: `tfjs ${tf.version.tfjs} + tfjs-backend-wasm, SIMD ${info.simd}: tf.train.sgd minimize`,
        steps(count) {
          for (let s = 0; s < count; s++) {
            const b = p.next();
            opt.minimize(() => loss(b), false, varList);
          }
        },
        weights: p.weights,
        dispose() {
          p.dispose();
          opt.dispose();
        },
      };
    },
  };
}

export async function tfjsManual() {
  const { tf, info, unavailable } = await load();
  return unavailable ? { name: 'tfjs-wasm-manual', unavailable } : tfjsHandWritten(tf, info);
}

export function tfjsHandWritten(tf, info) {
  return {
    name: 'tfjs-wasm-manual',
    info,
    make(setup) {
      const p = prepare(tf, setup);
      const lr = tf.scalar(setup.lr);
      const invB = tf.scalar(1 / setup.batch);
      const step = ({ x: bx, t }) => {
        const a = [bx];
        const z = [];
        p.vars.forEach((v, i) => {
          z.push(tf.add(tf.matMul(a[i], v.w), v.b));
          if (i < p.vars.length - 1) a.push(p.relu ? tf.relu(z[i]) : tf.tanh(z[i]));
        });
        const zl = z[z.length - 1];
        let dz;
        if (p.softmax) dz = tf.mul(tf.sub(tf.softmax(zl), t), invB);
        else {
          const out = tf.tanh(zl);
          dz = tf.mul(tf.mul(tf.sub(out, t), tf.sub(1, tf.square(out))), invB);
        }
        const grads = [];
        for (let i = p.vars.length - 1; i >= 0; i--) {
          grads[i] = { w: tf.matMul(a[i], dz, true, false), b: tf.sum(dz, 0) };
          if (i === 0) break;
          const da = tf.matMul(dz, p.vars[i].w, false, true);
          dz = p.relu ? tf.mul(da, tf.step(z[i - 1])) : tf.mul(da, tf.sub(1, tf.square(a[i])));
        }
        p.vars.forEach((v, i) => {
          v.w.assign(tf.sub(v.w, tf.mul(lr, grads[i].w)));
          v.b.assign(tf.sub(v.b, tf.mul(lr, grads[i].b)));
        });
      };
      return {
        impl: `tfjs ${tf.version.tfjs} + tfjs-backend-wasm, SIMD ${info.simd}: hand-written backprop in tf ops, tf.tidy per step`,
        steps(count) {
          for (let s = 0; s < count; s++) {
            const b = p.next();
            tf.tidy(() => step(b));
          }
        },
        weights: p.weights,
        dispose() {
          p.dispose();
          tf.dispose([lr, invB]);
        },
      };
    },
  };
}
