// Loaders for the contenders of the kernel benchmark. A contender's make(job)
// returns either {skip: "why"} or {impl, run(), after()?, output(), dispose()}:
// run() is the only timed call; after() (untimed) cleans up what run() made;
// output() returns a copy of the last result for the agreement check.
// job = {kernel, op, x (Float32Array), cols (softmax only)}.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { PLAIN_JS, softmaxRows } from './plain-js.mjs';

export function plainJs() {
  return {
    name: 'plain-js',
    make(job) {
      const y = new Float32Array(job.x.length);
      const fn = job.kernel === 'softmax' ? (x, out) => softmaxRows(x, out, job.cols) : PLAIN_JS[job.kernel]?.[job.op];
      if (!fn) return { skip: 'n/a' };
      return {
        impl: job.kernel === 'softmax' ? 'softmaxRows' : `${job.kernel}${job.op === 'forward' ? 'Forward' : 'Derivative'}`,
        run: () => fn(job.x, y),
        output: () => y.slice(),
        dispose() {},
      };
    },
  };
}

// nnplay's wasm module through its bulk API (bindings/bindings.cpp):
// F32Buffer + forwardInto / derivativeInto / softmaxRowsInto, which return
// undefined or an Error value.
export async function nnplayWasm(name, mjsPath) {
  const wasmPath = mjsPath.replace(/\.mjs$/, '.wasm');
  let M;
  try {
    const { default: create } = await import(pathToFileURL(mjsPath).href);
    M = await create({ wasmBinary: fs.readFileSync(wasmPath) });
  } catch (e) {
    return { name, unavailable: `cannot load ${path.basename(mjsPath)}: ${e.message}` };
  }
  const missing = ['F32Buffer', 'forwardInto', 'derivativeInto', 'softmaxRowsInto'].filter((k) => !(k in M));
  if (missing.length) return { name, unavailable: `module lacks ${missing.join(', ')}` };
  return {
    name,
    make(job) {
      const n = job.x.length;
      const inBuf = new M.F32Buffer(n);
      const outBuf = new M.F32Buffer(n);
      inBuf.view().set(job.x); // views are taken after the last allocation
      const params = { alpha: job.kernel === 'elu' ? 1.0 : 0, lower: 0.125, upper: 1 / 3, training: false, seed: 0 };
      let call;
      if (job.kernel === 'softmax') call = () => M.softmaxRowsInto(n / job.cols, job.cols, inBuf, outBuf);
      else if (job.op === 'forward') call = () => M.forwardInto(job.kernel, params, inBuf, outBuf);
      else call = () => M.derivativeInto(job.kernel, params, inBuf, outBuf);
      const first = call();
      if (first instanceof Error) {
        inBuf.delete();
        outBuf.delete();
        return { skip: `error: ${first.message}` };
      }
      const impl = job.kernel === 'softmax' ? 'softmaxRowsInto' : job.op === 'forward' ? 'forwardInto' : 'derivativeInto';
      return {
        impl,
        run: () => {
          const r = call();
          if (r !== undefined) throw r instanceof Error ? r : new Error(String(r));
        },
        output: () => outBuf.view().slice(),
        dispose() {
          inBuf.delete();
          outBuf.delete();
        },
      };
    },
  };
}

// @tensorflow/tfjs-backend-wasm, single-threaded (nnplay uses no threads
// either), with its SIMD binary when Node supports wasm SIMD. Only the op call
// on a prebuilt input tensor is timed: the wasm backend computes synchronously,
// so that includes output allocation and engine dispatch but no upload or
// download; the output is disposed after the clock stops.
export async function tfjsWasm() {
  let tf;
  try {
    tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend('wasm'))) throw new Error('setBackend("wasm") returned false');
    await tf.ready();
  } catch (e) {
    return { name: 'tfjs-wasm', unavailable: `cannot start tfjs-backend-wasm: ${e.message}` };
  }
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const ops = {
    'sigmoid/forward': ['tf.sigmoid', (x) => tf.sigmoid(x)],
    'tanh/forward': ['tf.tanh', (x) => tf.tanh(x)],
    'elu/forward': ['tf.elu (alpha 1)', (x) => tf.elu(x)],
    'softmax/forward': ['tf.softmax (last axis)', (x) => tf.softmax(x)],
  };
  return {
    name: 'tfjs-wasm',
    info: { version: tf.version_core, backend: tf.getBackend(), simd, threads: false },
    make(job) {
      const key = `${job.kernel}/${job.op}`;
      let extra = [];
      let impl;
      let op;
      if (ops[key]) [impl, op] = ops[key];
      else if (key === 'elu/derivative') {
        // EluGrad(dy, y) exists as a kernel; it reads the cached output y = elu(x), not x.
        const x0 = tf.tensor1d(job.x);
        extra = [tf.elu(x0), tf.onesLike(x0)];
        x0.dispose();
        impl = 'EluGrad kernel (dy = 1, from cached y = elu(x))';
        op = () => tf.engine().runKernel('EluGrad', { dy: extra[1], y: extra[0] });
      } else return { skip: 'n/a (no such op)' };
      const x = job.kernel === 'softmax' ? tf.tensor2d(job.x, [job.x.length / job.cols, job.cols]) : tf.tensor1d(job.x);
      let last = null;
      return {
        impl,
        run: () => {
          last = op(x);
        },
        after: () => {
          if (last) last.dispose();
          last = null;
        },
        output: () => {
          const y = op(x);
          const data = new Float32Array(y.dataSync());
          y.dispose();
          return data;
        },
        dispose() {
          x.dispose();
          for (const t of extra) t.dispose();
        },
      };
    },
  };
}

// The native build: one process per kernel/op, timing itself (steady_clock,
// median of reps) and writing its outputs for the agreement check.
export function native(binPath, inputFile, outDir, reps, warmup) {
  if (!fs.existsSync(binPath)) return { unavailable: `${binPath} not built` };
  return {
    measure(kernel, op) {
      const r = spawnSync(binPath, [inputFile, outDir, String(reps), String(warmup), kernel, op], {
        encoding: 'utf8',
      });
      if (r.status !== 0) return { error: (r.stderr || r.error?.message || `exit ${r.status}`).trim() };
      return {
        rows: r.stdout
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l)),
      };
    },
  };
}
