// The page side of the Chromium training benchmark (bench/training-browser.mjs
// serves this folder, bench/lib/, the wasm modules and tfjs, then drives
// window.nnplayBench). Contenders and timing are bench/lib's, as in Node;
// only the clock differs: the CPU time of this page's main thread, which the
// driver reads over the DevTools protocol (window.nnplayThreadTimeMs).
import { mainThreadClock } from '../lib/clock.mjs';
import { measurePeak } from '../lib/peak.mjs';
import { nnplayTrainer, plainJs } from '../lib/train-portable.mjs';
import { tfjsHandWritten, tfjsMinimize } from '../lib/train-tfjs.mjs';
import { makeContenders, timeContenders, timedRow } from '../lib/train-timing.mjs';

// The driver maps /wasm/ to its --wasm-dir and /tfjs-wasm/ to tfjs-backend-wasm's dist/.
const SIMD_GLUE = '/wasm/nnplay_simd.mjs';
const TFJS_WASM_DIR = '/tfjs-wasm/';

// tfjs on its wasm backend, one thread, as bench/lib/contenders.mjs's tfjsWasm sets it up in Node.
async function loadTfjs() {
  const tf = window.tf;
  const names = ['tfjs-wasm', 'tfjs-wasm-manual'];
  if (!tf?.wasm) return names.map((name) => ({ name, unavailable: 'tf.es2017.min.js or tf-backend-wasm.es2017.min.js did not load (bench/node_modules)' }));
  try {
    tf.wasm.setWasmPaths(TFJS_WASM_DIR);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend('wasm'))) throw new Error('setBackend("wasm") returned false');
    await tf.ready();
  } catch (e) {
    return names.map((name) => ({ name, unavailable: `cannot start tfjs-backend-wasm: ${e.message}` }));
  }
  const info = { version: tf.version_core, backend: tf.getBackend(), simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'), threads: false };
  return [tfjsMinimize(tf, info), tfjsHandWritten(tf, info)];
}

// One module instance per nnplay contender, from the same bytes, as
// bench/lib/train-contenders.mjs's nnplayWasm does in Node.
async function loadContenders() {
  const { default: create } = await import(SIMD_GLUE);
  const response = await fetch(SIMD_GLUE.replace(/\.mjs$/, '.wasm'));
  if (!response.ok) throw new Error(`nnplay_simd.wasm: HTTP ${response.status}`);
  const wasmBinary = await response.arrayBuffer();
  const instance = () => create({ wasmBinary });
  return [
    nnplayTrainer('nnplay-wasm-simd', await instance()),
    nnplayTrainer('nnplay-wasm-simd step(1)', await instance(), { perCall: 1 }),
    nnplayTrainer('nnplay-wasm-simd defaults', await instance(), { defaults: true }),
    plainJs(),
    ...(await loadTfjs()),
  ];
}

// The driver sends plain arrays (typed arrays do not survive page.evaluate's
// serialization either way); the contenders get the Float32Arrays Node's do.
function setupFromJson(s) {
  const f32 = (a) => Float32Array.from(a);
  return {
    ...s,
    train: { ...s.train, x: f32(s.train.x), y: f32(s.train.y) },
    layers: s.layers.map((l) => ({ ...l, w: f32(l.w), b: f32(l.b) })),
  };
}

let clock = null;
async function pageClock() {
  if (typeof window.nnplayThreadTimeMs !== 'function') throw new Error('the driver has not exposed nnplayThreadTimeMs');
  return (clock ??= await mainThreadClock(window.nnplayThreadTimeMs));
}

const plainLayers = (layers) => layers.map((l) => ({ ...l, w: Array.from(l.w), b: Array.from(l.b) }));

async function main() {
  const contenders = await loadContenders();
  window.nnplayBench = {
    userAgent: navigator.userAgent,
    tfjs: contenders.find((c) => c.name === 'tfjs-wasm')?.info ?? null,
    unavailable: contenders.filter((c) => c.unavailable).map((c) => `${c.name}: ${c.unavailable}`),
    async clock() {
      const c = await pageClock();
      return { measure: c.measure, overhead_ms: c.overheadMs };
    },
    peak: async (opts) => measurePeak({ ...opts, clock: await pageClock() }),
    // One net: check runs, round-robin timed calls; rows as in Node, weights as arrays.
    async net(setupJson, opts) {
      const setup = setupFromJson(setupJson);
      const made = await makeContenders(contenders, setup, await pageClock());
      await timeContenders(made, opts, await pageClock());
      return made.map((m) => {
        const row = timedRow(m, setup.net.name);
        if (row.final) row.final = plainLayers(row.final);
        return row;
      });
    },
  };
}

main().catch((e) => {
  window.nnplayBenchError = String(e?.stack ?? e);
});
