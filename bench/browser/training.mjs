// The page side of the Chromium training benchmark (bench/training-browser.mjs
// serves this folder, bench/lib/ and the wasm modules, then drives
// window.nnplayBench). Contenders and timing are bench/lib's, as in Node;
// only the clock differs: a page has no CPU-time clock, so it is wall time.
import { wallClock } from '../lib/clock.mjs';
import { measurePeak } from '../lib/peak.mjs';
import { nnplayTrainer, plainJs } from '../lib/train-portable.mjs';
import { makeContenders, timeContenders, timedRow } from '../lib/train-timing.mjs';

// The driver maps /wasm/ to its --wasm-dir.
const SIMD_GLUE = '/wasm/nnplay_simd.mjs';

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

const plainLayers = (layers) => layers.map((l) => ({ ...l, w: Array.from(l.w), b: Array.from(l.b) }));

async function main() {
  const contenders = await loadContenders();
  window.nnplayBench = {
    userAgent: navigator.userAgent,
    unavailable: contenders.filter((c) => c.unavailable).map((c) => `${c.name}: ${c.unavailable}`),
    peak: (opts) => measurePeak({ ...opts, clock: wallClock }),
    // One net: check runs, round-robin timed calls; rows as in Node, weights as arrays.
    net(setupJson, opts) {
      const setup = setupFromJson(setupJson);
      const made = makeContenders(contenders, setup, wallClock);
      timeContenders(made, opts, wallClock);
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
