// What a caller of the engine's public Trainer pays per step(1) (not a test):
// net A's config (bench/lib/train-setup.mjs), created through
// engine.createTrainer, timed as n calls of trainer.step(1) (steps and reads
// the metrics), n calls of trainer.metrics(), and n calls of the plain export
// _nnplay_trainer_step(address, 1) alone, round-robin, CPU time, medians.
// The engine's TypeScript is bundled with Vite into a temporary directory
// first (Node 20 cannot import .ts).
//
//   node bench/engine-step.mjs [--root DIR] [--reps N] [--target-ms MS]
//
// --root: the checkout whose web/src/engine (and its built wasm) to time
// (default: this one), e.g. another worktree for a before/after comparison.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { build } from 'vite';

import { NETS } from './lib/train-setup.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const o = { root: path.join(HERE, '..'), reps: 9, targetMs: 25 };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--root') o.root = path.resolve(v);
    else if (k === '--reps') o.reps = Math.max(3, Number(v));
    else if (k === '--target-ms') o.targetMs = Math.max(1, Number(v));
    else throw new Error(`unknown option ${k}`);
  }
  return o;
}

async function bundleEngine(root, outDir) {
  const wasm = path.join(root, 'web', 'src', 'engine', 'wasm');
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: {
      alias: [
        { find: /^nnplay-wasm\/simd$/, replacement: path.join(wasm, 'nnplay_simd.mjs') },
        { find: /^nnplay-wasm\/scalar$/, replacement: path.join(wasm, 'nnplay_scalar.mjs') },
      ],
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      lib: { entry: path.join(root, 'web', 'src', 'engine', 'engine.ts'), formats: ['es'], fileName: 'engine' },
    },
  });
  return fs.readdirSync(outDir).find((f) => /^engine\.m?js$/.test(f));
}

const cpuMs = (fn) => {
  const u0 = process.cpuUsage();
  fn();
  const u = process.cpuUsage(u0);
  return (u.user + u.system) / 1000;
};
const median = (a) => [...a].sort((p, q) => p - q)[a.length >> 1];

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-engine-step-'));
  try {
    const file = await bundleEngine(opts.root, tmp);
    const { loadEngine } = await import(pathToFileURL(path.join(tmp, file)).href);
    const wasmBinary = fs.readFileSync(path.join(opts.root, 'web', 'src', 'engine', 'wasm', 'nnplay_simd.wasm'));
    const engine = await loadEngine({ build: 'simd', wasmBinary });
    const config = NETS.A.config;
    const make = () => engine.createTrainer(config);
    const [viaStep, viaMetrics] = [make(), make()];
    // The raw export beside them: the same module's call the Trainer makes.
    const M = await (await import(pathToFileURL(path.join(opts.root, 'web', 'src', 'engine', 'wasm', 'nnplay_simd.mjs')).href)).default({ wasmBinary });
    const h = M.createTrainer(JSON.stringify(config), null);
    const address = h.address();
    const jobs = [
      { name: 'Trainer.step(1)', run: (n) => { for (let i = 0; i < n; i++) viaStep.step(1); } },
      { name: 'Trainer.metrics()', run: (n) => { for (let i = 0; i < n; i++) viaMetrics.metrics(); } },
      { name: '_nnplay_trainer_step(address, 1)', run: (n) => { for (let i = 0; i < n; i++) M._nnplay_trainer_step(address, 1); } },
    ].map((j) => ({ ...j, n: 100 }));
    for (let w = 0; w < 3; w++) for (const j of jobs) j.n = Math.max(10, Math.round((j.n * opts.targetMs) / Math.max(cpuMs(() => j.run(j.n)), 0.05)));
    const us = jobs.map(() => []);
    for (let r = 0; r < opts.reps; r++) jobs.forEach((j, k) => us[k].push((cpuMs(() => j.run(j.n)) * 1000) / j.n));
    const rows = jobs.map((j, k) => ({ call: j.name, us_per_call: Number(median(us[k]).toFixed(3)) }));
    const out = { benchmark: 'engine-step', root: opts.root, net: `A (${NETS.A.title})`, reps: opts.reps, target_ms: opts.targetMs,
      node: process.version, loadavg_at_end: os.loadavg().map((x) => Number(x.toFixed(2))), rows };
    console.log(JSON.stringify(out, null, 2));
    h.delete();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
