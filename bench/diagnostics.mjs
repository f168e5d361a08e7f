// What the trainer's diagnostics cost (not a test): steps/s of one config at
// several train.evalEvery values, against evalEvery 10000 (no evaluation in
// practice), and the cost of reading metrics (as JSON, and the values
// Trainer.metrics() reads) and of a 100 × 100 grid, in the
// wasm SIMD build. The README's "What each diagnostic costs" comes from here.
//
//   node bench/diagnostics.mjs [--reps N] [--target-ms MS] [--out FILE]
//
// Contenders run round-robin (one timed call each per rep), CPU time of the
// process, medians; the table gives each evaluation's cost in µs and in steps.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WASM = path.join(HERE, '..', 'web', 'src', 'engine', 'wasm', 'nnplay_simd.mjs');

const CONFIGS = {
  defaults: { name: 'createTrainer defaults (circle 500, 2-4-2-1 tanh, batch 10)', config: {} },
  netA: {
    name: 'net A (spiral 1000, 2-8-8-1 tanh, tanh_mse, batch 10)',
    config: { data: { kind: 'spiral', samples: 1000 }, hidden: [{ units: 8, activation: 'tanh' }, { units: 8, activation: 'tanh' }], head: 'tanh_mse' },
  },
};
const EVAL_EVERY = [1, 10, 100, 0, 10000]; // 0: the default, the trainer picks (core/include/nnplay/trainer.hpp)

function parseArgs(argv) {
  const o = { reps: 7, targetMs: 20, out: path.join(HERE, 'results', 'diagnostics.json') };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--reps') o.reps = Math.max(3, Number(v)), i++;
    else if (k === '--target-ms') o.targetMs = Math.max(1, Number(v)), i++;
    else if (k === '--out') o.out = path.resolve(v), i++;
    else throw new Error(`unknown option ${k}`);
  }
  return o;
}

const median = (a) => [...a].sort((p, q) => p - q)[a.length >> 1];
function cpuMs(fn) {
  const u0 = process.cpuUsage();
  fn();
  const u = process.cpuUsage(u0);
  return (u.user + u.system) / 1000;
}

// Round-robin over jobs {run(n), n}; n re-aimed at targetMs after each warm-up call.
function time(jobs, reps, targetMs) {
  for (let w = 0; w < 3; w++) {
    for (const j of jobs) j.n = Math.max(1, Math.min(100000, Math.round((j.n * targetMs) / Math.max(cpuMs(() => j.run(j.n)), 0.05))));
  }
  const ms = jobs.map(() => []);
  for (let r = 0; r < reps; r++) jobs.forEach((j, k) => ms[k].push(cpuMs(() => j.run(j.n)) / j.n));
  return ms.map(median); // ms per unit
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { default: create } = await import(pathToFileURL(WASM).href);
  const M = await create({ wasmBinary: fs.readFileSync(WASM.replace(/\.mjs$/, '.wasm')) });
  const check = (r) => {
    if (r instanceof Error) throw r;
    return r;
  };
  const out = { benchmark: 'diagnostics', date: new Date().toISOString(), machine: { node: process.version, cpu: os.cpus()[0]?.model, cores: os.cpus().length, loadavg_at_start: os.loadavg() }, configs: {} };
  for (const [key, c] of Object.entries(CONFIGS)) {
    const handles = EVAL_EVERY.map((k) => {
      const cfg = { ...c.config, train: { ...(c.config.train ?? {}), evalEvery: k } };
      return check(M.createTrainer(JSON.stringify(cfg), null));
    });
    const jobs = handles.map((h) => ({ n: 1000, run: (n) => check(h.step(n)) }));
    const reads = [
      { n: 100, run: (n) => { for (let i = 0; i < n; i++) handles[4].metricsJson(); } },
      { n: 10, run: (n) => { for (let i = 0; i < n; i++) check(handles[4].grid(100, -6, 6, -6, 6, -1, -1)); } },
      { n: 10, run: (n) => { for (let i = 0; i < n; i++) handles[4].refreshMetrics(); } },
      // What Trainer.metrics() has the core do now (the engine then builds the object: bench/engine-step.mjs).
      { n: 1000, run: (n) => { const a = handles[4].address(); for (let i = 0; i < n; i++) M._nnplay_trainer_metrics(a); } },
    ];
    const t = time([...jobs, ...reads], opts.reps, opts.targetMs);
    const base = t[EVAL_EVERY.length - 1];
    const rows = EVAL_EVERY.map((k, i) => ({
      eval_every: k,
      steps_per_s: 1000 / t[i],
      ratio_to_eval_every_10000: base / t[i],
    }));
    const [metricsMs, gridMs, evalMs, valuesMs] = t.slice(EVAL_EVERY.length);
    out.configs[key] = {
      name: c.name,
      step_us: base * 1000,
      evaluation_us: evalMs * 1000,
      evaluation_in_steps: evalMs / base,
      metrics_json_us: metricsMs * 1000,
      metrics_values_us: valuesMs * 1000,
      grid_100_us: gridMs * 1000,
      rows,
    };
    handles.forEach((h) => h.delete());
    console.log(`\n${c.name}: a step ${(base * 1000).toFixed(2)} µs; one evaluation (refreshMetrics) ${(evalMs * 1000).toFixed(1)} µs = ${(evalMs / base).toFixed(0)} steps; metricsJson ${(metricsMs * 1000).toFixed(1)} µs; metrics values ${(valuesMs * 1000).toFixed(2)} µs; grid 100×100 ${(gridMs * 1000).toFixed(0)} µs`);
    for (const r of rows) console.log(`  evalEvery ${String(r.eval_every).padStart(5)}: ${Math.round(r.steps_per_s).toLocaleString('en-US').padStart(9)} steps/s = ${r.ratio_to_eval_every_10000.toFixed(2)}x of evalEvery 10000`);
  }
  out.machine.loadavg_at_end = os.loadavg();
  out.method = `CPU-time medians of ${opts.reps} round-robin calls of ≈ ${opts.targetMs} ms each, wasm SIMD build through the raw binding (no JS wrapper)`;
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  const round = (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v);
  fs.writeFileSync(opts.out, JSON.stringify(out, round, 2) + '\n');
  console.log(`\nwritten: ${path.relative(process.cwd(), opts.out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
