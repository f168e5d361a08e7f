// A/B of nnplay's training step on a shared machine (not a test): net A's
// step(n) for two or more builds of the wasm SIMD module, alternated call by
// call in one process, with the plain-JS trainer beside them, so that the
// ratios between builds come from the same moments. CPU-time medians.
//
//   node bench/training-ab.mjs DIR... [--reps N] [--steps N] [--net A|B]
//
// Each DIR holds an nnplay_simd.mjs/.wasm (e.g. a copy of web/src/engine/wasm/
// built from an older commit); the setup (data and initial weights) comes from
// build/native/nnplay_bench_training as in bench/training.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { cpuClock } from './lib/clock.mjs';
import { median } from './lib/stats.mjs';
import { nnplayWasm, plainJs } from './lib/train-contenders.mjs';
import { NETS, makeSetup } from './lib/train-setup.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirs = [];
const o = { reps: 11, steps: 20000, net: 'A' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const k = argv[i].replace(/^--/, '');
  if (argv[i].startsWith('--')) {
    if (!(k in o)) throw new Error(`unknown option ${argv[i]}`);
    o[k] = k === 'net' ? argv[++i] : Number(argv[++i]);
  } else dirs.push(path.resolve(argv[i]));
}
const USAGE = 'usage: node bench/training-ab.mjs DIR... [--reps N >= 1] [--steps N >= 1] [--net A|B]';
if (!dirs.length) throw new Error(`no module folder given; ${USAGE}`);
if (!NETS[o.net]) throw new Error(`--net: expected A or B, got ${o.net}`);
for (const k of ['reps', 'steps']) if (!(Number.isInteger(o[k]) && o[k] >= 1)) throw new Error(`--${k}: expected an integer >= 1, got ${argv[argv.indexOf(`--${k}`) + 1]}`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-bench-ab-'));
let setup;
try {
  setup = makeSetup(NETS[o.net], path.join(ROOT, 'build', 'native', 'nnplay_bench_training'), tmp);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
const made = [];
for (const d of dirs) {
  const c = await nnplayWasm(d, path.join(d, 'nnplay_simd.mjs'));
  if (c.unavailable) throw new Error(`${d}: ${c.unavailable}`);
  made.push({ name: path.relative(process.cwd(), d) || d, c: c.make(setup), ms: [] });
}
made.push({ name: 'plain-js', c: plainJs().make(setup), ms: [] });
const steps = o.net === 'A' ? o.steps : Math.max(1, Math.round(o.steps / 50));
for (const m of made) m.c.steps(steps), m.c.steps(steps);  // warm-up: JIT and wasm tier-up
for (let r = 0; r < o.reps; r++) for (const m of made) m.ms.push(cpuClock(() => m.c.steps(steps)).ms);
const js = (steps / median(made.at(-1).ms)) * 1000;
console.log(`net ${o.net}, ${o.reps} alternated calls of ${steps} steps each, CPU-time medians`);
for (const m of made) {
  const perS = (steps / median(m.ms)) * 1000;
  console.log(`${m.name.padEnd(32)} ${Math.round(perS).toLocaleString('en-US').padStart(10)} steps/s  ` +
    `${((1e6 / perS)).toFixed(3)} µs/step  ${(perS / js).toFixed(2)}x plain JS`);
  m.c.dispose();
}
console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
