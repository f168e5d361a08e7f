// Training benchmark (not a test): SGD steps per second of two MLPs for
// nnplay's wasm SIMD, wasm scalar and native builds, a hand-written
// plain-JavaScript trainer, @tensorflow/tfjs-backend-wasm and convnetjs, all
// from the same initial weights over the same batches, with a check that all
// reach the same loss. Run through `npm run bench` (scripts/bench.mjs builds
// what this needs).
//
//   node bench/training.mjs [--reps N] [--warmup N] [--target-ms MS] [--nets A,B] [--out FILE]
//                           [--native-bin FILE] [--wasm-dir DIR]   (defaults: build/native, web/src/engine/wasm)
//
// Per net: (1) nnplay's native helper creates the trainer and hands out the
// training set (in batch order) and the initial weights; (2) every contender
// runs the net's check steps from those weights and the training-set loss of
// the weights it reaches is computed by one float64 evaluator; (3) timed
// calls of n steps each, n aimed per contender at about --target-ms of CPU
// time, round-robin over the in-process contenders so that the ratios
// come from the same moments of a shared machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { measurePeak } from './lib/peak.mjs';
import { convnetjs, native, nnplayWasm, plainJs, tfjs, tfjsManual } from './lib/train-contenders.mjs';
import { PLAIN_TRAINER_NOTES } from './lib/train-plain.mjs';
import { LOSS_RTOL, evaluateTargets, printTable } from './lib/train-report.mjs';
import { NETS, evalLoss, flopsPerStep, makeSetup, maxWeightDiff } from './lib/train-setup.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const GRID_REPS = 50;

function parseArgs(argv) {
  const o = {
    reps: 15, warmup: 3, targetMs: 30, nets: ['A', 'B'], out: path.join(HERE, 'results', 'training.json'),
    nativeBin: path.join(ROOT, 'build', 'native', 'nnplay_bench_training'), wasmDir: path.join(ROOT, 'web', 'src', 'engine', 'wasm'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--reps') o.reps = Math.max(5, Number(v)), i++;
    else if (k === '--warmup') o.warmup = Math.max(1, Number(v)), i++;
    else if (k === '--target-ms') o.targetMs = Math.max(1, Number(v)), i++;
    else if (k === '--nets') o.nets = v.split(','), i++;
    else if (k === '--out') o.out = path.resolve(v), i++;
    else if (k === '--native-bin') o.nativeBin = path.resolve(v), i++;
    else if (k === '--wasm-dir') o.wasmDir = path.resolve(v), i++;
    else throw new Error(`unknown option ${k}`);
  }
  return o;
}

const median = (a) => {
  const s = [...a].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
};

// CPU time of the process (process.cpuUsage, µs) and wall time of one call.
function clock(fn) {
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const t1 = performance.now();
  const u = process.cpuUsage(u0);
  return { cpu: (u.user + u.system) / 1000, wall: t1 - t0 };
}

function checkRun(m, setup) {
  const t = clock(() => m.steps(setup.net.checkSteps));
  m.weights0 = m.weights();
  m.stepsPerCall = Math.max(1, Math.min(100000, Math.round(setup.targetMs / (t.cpu / setup.net.checkSteps))));
}

// Round-robin: each rep runs one timed call of every live contender.
function timeRoundRobin(made, reps, warmup, key, call, recalibrate) {
  const live = made.filter((m) => !m.skip && call(m));
  const cpu = new Map(live.map((m) => [m, []]));
  const wall = new Map(live.map((m) => [m, []]));
  for (let r = -warmup; r < reps; r++) {
    for (const m of live) {
      if (m.skip) continue;
      let t;
      try {
        t = clock(call(m));
      } catch (e) {
        m.skip = `error: ${e.message}`;
        continue;
      }
      if (r >= 0) cpu.get(m).push(t.cpu), wall.get(m).push(t.wall);
      else if (recalibrate) recalibrate(m, t.cpu);
    }
  }
  for (const m of live) {
    if (!m.skip) m[key] = { median_ms: median(cpu.get(m)), min_ms: Math.min(...cpu.get(m)), median_wall_ms: median(wall.get(m)) };
  }
}

function benchNet(net, inProcess, nat, opts, tmp) {
  const setup = { ...makeSetup(net, nat.bin, tmp), targetMs: opts.targetMs };
  const flops = flopsPerStep(setup);
  const made = inProcess.map((c) => {
    if (c.unavailable) return { contender: c.name, skip: `unavailable: ${c.unavailable}` };
    try {
      const m = { contender: c.name, ...c.make(setup) };
      if (!m.skip) checkRun(m, setup);
      return m;
    } catch (e) {
      return { contender: c.name, skip: `error: ${e.message}` };
    }
  });
  // The check run's pace includes JIT and wasm tier-up: each warm-up call re-aims n at --target-ms.
  const aim = (m, ms) => (m.stepsPerCall = Math.max(1, Math.min(100000, Math.round((m.stepsPerCall * opts.targetMs) / Math.max(ms, 0.05)))));
  timeRoundRobin(made, opts.reps, opts.warmup, 'times', (m) => () => m.steps(m.stepsPerCall), aim);
  timeRoundRobin(made, GRID_REPS, 5, 'grid', (m) => m.grid && (() => m.grid()));

  const rows = made.map((m) => {
    const row = { net: net.name, contender: m.contender, impl: m.impl ?? null };
    if (m.skip || !m.times) {
      if (m.dispose) m.dispose();
      return { ...row, steps_per_s: null, note: m.skip ?? 'not timed' };
    }
    const t = m.times;
    Object.assign(row, { steps_per_call: m.stepsPerCall, ...t, steps_per_s: (m.stepsPerCall / t.median_ms) * 1000 });
    if (m.grid) row.grid_ms = m.grid.median_ms, row.grid_min_ms = m.grid.min_ms;
    row.final = m.weights0;
    m.dispose();
    return row;
  });
  if (nat.unavailable) rows.push({ net: net.name, contender: 'nnplay-native', steps_per_s: null, note: nat.unavailable });
  else {
    const r = nat.run(setup, { checkSteps: net.checkSteps, targetMs: opts.targetMs, reps: opts.reps, warmup: opts.warmup, gridReps: GRID_REPS, tmp });
    const row = { net: net.name, contender: 'nnplay-native', impl: 'Trainer::step(n) (g++ -O3, Eigen SSE, SIMDe kernels)' };
    if (r.error) rows.push({ ...row, steps_per_s: null, note: `error: ${r.error}` });
    else {
      const t = { median_ms: r.median_ns / 1e6, min_ms: r.min_ns / 1e6, median_wall_ms: r.median_wall_ns / 1e6 };
      rows.push({ ...row, steps_per_call: r.steps, ...t, steps_per_s: (r.steps / t.median_ms) * 1000,
        grid_ms: r.grid_median_ns != null ? r.grid_median_ns / 1e6 : undefined,
        grid_min_ms: r.grid_min_ns != null ? r.grid_min_ns / 1e6 : undefined, final: r.weights });
    }
  }

  const initial = evalLoss(setup, setup.layers);
  const js = rows.find((r) => r.contender === 'plain-js');
  const tf = rows.find((r) => r.contender === 'tfjs-wasm');
  for (const r of rows) {
    if (r.steps_per_s == null) continue;
    r.gflop_per_s = (r.steps_per_s * flops) / 1e9;
    r.ratio_to_plain_js = js?.steps_per_s ? r.steps_per_s / js.steps_per_s : null;
    r.ratio_to_tfjs_wasm = tf?.steps_per_s ? r.steps_per_s / tf.steps_per_s : null;
    r.loss_after_check = evalLoss(setup, r.final);
  }
  for (const r of rows) {
    if (r.steps_per_s == null) continue;
    if (js?.final) {
      r.loss_rel_diff_vs_plain_js = Math.abs(r.loss_after_check - js.loss_after_check) / js.loss_after_check;
      r.max_weight_diff_vs_plain_js = maxWeightDiff(r.final, js.final);
      r.agrees = r.loss_rel_diff_vs_plain_js <= LOSS_RTOL;
    }
  }
  for (const r of rows) delete r.final;
  const info = { title: net.title, flops_per_step: flops, check_steps: net.checkSteps, initial_loss: initial, config: net.config };
  return { rows, info };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const loadAtStart = os.loadavg().map((l) => Number(l.toFixed(2)));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-bench-train-'));
  const wasmDir = opts.wasmDir;
  const inProcess = [
    await nnplayWasm('nnplay-wasm-simd', path.join(wasmDir, 'nnplay_simd.mjs')),
    await nnplayWasm('nnplay-wasm-simd step(1)', path.join(wasmDir, 'nnplay_simd.mjs'), { perCall: 1 }),
    await nnplayWasm('nnplay-wasm-simd defaults', path.join(wasmDir, 'nnplay_simd.mjs'), { defaults: true }),
    await nnplayWasm('nnplay-wasm-scalar', path.join(wasmDir, 'nnplay_scalar.mjs')),
    plainJs(),
    await tfjs(),
    await tfjsManual(),
    convnetjs(),
  ];
  const nativeBin = opts.nativeBin;
  const nat = { ...native(nativeBin), bin: nativeBin };
  for (const c of [...inProcess, nat]) if (c.unavailable) console.error(`note: ${c.name} unavailable: ${c.unavailable}`);

  // The machine's peak, measured before and after the nets: the mean is the
  // reference, the two values show how much the shared machine moved meanwhile.
  const peakBefore = measurePeak();
  const rows = [];
  const nets = {};
  for (const name of opts.nets) {
    if (!NETS[name]) throw new Error(`unknown net ${name}`);
    const r = benchNet(NETS[name], inProcess, nat, opts, tmp);
    rows.push(...r.rows);
    nets[name] = r.info;
    process.stderr.write(`  net ${name} done\n`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const peakAfter = measurePeak();
  const peak = { ...peakBefore, gflop_per_s_before: peakBefore.gflop_per_s, gflop_per_s_after: peakAfter.gflop_per_s,
    gflop_per_s: 0.5 * (peakBefore.gflop_per_s + peakAfter.gflop_per_s) };
  for (const r of rows) if (r.gflop_per_s != null) r.fraction_of_peak = r.gflop_per_s / peak.gflop_per_s;

  const tfInfo = inProcess.find((c) => c.name === 'tfjs-wasm')?.info;
  const result = {
    benchmark: 'training',
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      v8: process.versions.v8,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      loadavg_at_start: loadAtStart,
      loadavg_at_end: os.loadavg().map((l) => Number(l.toFixed(2))),
    },
    nets,
    peak,
    method: {
      data: 'nnplay generates the spiral (seed 1, noise 0) and splits it 50/50; the training half, in the order ' +
        'nnplay visits it with train.shuffle false, is every contender\'s data; batch k = samples (k·batch + r) mod n',
      weights: 'the initial weights of an nnplay trainer (seed 7; net A xavier_uniform, net B he_uniform), exported as ' +
        'model JSON; nnplay wasm and native import that JSON, the others copy the numbers',
      math: 'plain SGD (no momentum, no penalties), mean loss over the batch; A: tanh output, ½(out − t)², t = ±1; ' +
        'B: softmax cross-entropy. Every contender computes its batch loss each step',
      agreement: `after the check steps each contender's weights are scored by one float64 evaluator (mean loss over ` +
        `the training set); agrees = |loss − loss_plain_js| ≤ ${LOSS_RTOL} · loss_plain_js`,
      timing: `median of ${opts.reps} timed calls after ${opts.warmup} warm-up calls, each call n steps with n set so ` +
        `a call takes ≈ ${opts.targetMs} ms of CPU time (aimed from the check run, re-aimed after each warm-up call); CPU time of the process ` +
        '(Node: process.cpuUsage; native: CLOCK_THREAD_CPUTIME_ID), median_wall_ms beside it; in-process ' +
        'contenders round-robin, native in its own process with the same scheme',
      grid: `nnplay only: median of ${GRID_REPS} calls of grid(100, -6, 6, -6, 6, output) (wasm: through the binding, ` +
        'including the copy of the 10000 outputs to JS; native: Trainer::grid)',
      gflop_per_s: 'steps/s × 6·batch·Σ fan_in·fan_out (matmul FLOPs of forward and backward) / 1e9',
      fraction_of_peak: 'gflop_per_s / peak.gflop_per_s (bench/lib/peak.mjs, measured in this run before and after the nets)',
      nnplay: 'train.evalEvery 10000 (metrics evaluation on the full sets is not training); "step(1)": the same, one step per call; ' +
        '"defaults": train.evalEvery left at its default (what createTrainer gives a caller who sets nothing)',
      plain_js: PLAIN_TRAINER_NOTES,
      tfjs_wasm: tfInfo ? `@tensorflow/tfjs ${tfInfo.version} (its gradients) + tfjs-backend-wasm, SIMD ${tfInfo.simd}, one thread; variables, tf.train.sgd, optimizer.minimize per step, batches pre-made as tensors; tfjs-wasm-manual (for information): the same step with hand-written gradient ops in one tf.tidy, no autodiff tape` : 'unavailable',
      convnetjs: 'convnetjs 0.3.0 (Float64Array, per-sample forward/backward); its Trainer, sgd, momentum 0',
    },
    rows,
  };
  result.targets = evaluateTargets(rows);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  const round = (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v);
  fs.writeFileSync(opts.out, JSON.stringify(result, round, 2) + '\n');
  printTable(result);
  console.log(`\nwritten: ${path.relative(process.cwd(), opts.out) || opts.out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
