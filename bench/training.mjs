// Training benchmark (not a test): SGD steps per second of two MLPs for
// nnplay's wasm SIMD, wasm scalar and native builds, a hand-written
// plain-JavaScript trainer, @tensorflow/tfjs-backend-wasm and convnetjs, all
// from the same initial weights over the same batches, with a check that all
// reach the same loss. Run through `npm run bench` (scripts/bench.mjs builds
// what this needs).
//
//   node bench/training.mjs [--reps N] [--warmup N] [--target-ms MS] [--nets A,B] [--out FILE]
//                           [--native-bin FILE] [--wasm-dir DIR]   (bench/lib/train-run.mjs)
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

import { cpuClock } from './lib/clock.mjs';
import { measurePeak } from './lib/peak.mjs';
import { convnetjs, native, nnplayWasm, plainJs, tfjs, tfjsManual } from './lib/train-contenders.mjs';
import { evaluateTargets } from './lib/train-report.mjs';
import { parseTrainingArgs, startMachineRecord, writeResult } from './lib/train-run.mjs';
import { SHARED_METHOD, applyPeak, scoreNet } from './lib/train-score.mjs';
import { NETS, makeSetup } from './lib/train-setup.mjs';
import { GRID_REPS, makeContenders, timeContenders, timedRow } from './lib/train-timing.mjs';

async function benchNet(net, inProcess, nat, opts, tmp) {
  const setup = { ...makeSetup(net, nat.bin, tmp), targetMs: opts.targetMs };
  const made = await makeContenders(inProcess, setup, cpuClock);
  await timeContenders(made, opts, cpuClock);
  const rows = made.map((m) => timedRow(m, net.name));
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

  const info = scoreNet(net, setup, rows);
  return { rows, info };
}

async function main() {
  const opts = parseTrainingArgs(process.argv.slice(2), 'training.json');
  const machine = startMachineRecord();
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

  const peakBefore = await measurePeak();
  const rows = [];
  const nets = {};
  for (const name of opts.nets) {
    if (!NETS[name]) throw new Error(`unknown net ${name}`);
    const r = await benchNet(NETS[name], inProcess, nat, opts, tmp);
    rows.push(...r.rows);
    nets[name] = r.info;
    process.stderr.write(`  net ${name} done\n`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const peakAfter = await measurePeak();
  const peak = applyPeak(rows, peakBefore, peakAfter);

  const tfInfo = inProcess.find((c) => c.name === 'tfjs-wasm')?.info;
  const result = {
    benchmark: 'training',
    date: new Date().toISOString(),
    machine: machine({ node: process.version, v8: process.versions.v8 }),
    nets,
    peak,
    method: {
      ...SHARED_METHOD,
      timing: `median of ${opts.reps} timed calls after ${opts.warmup} warm-up calls, each call n steps with n set so ` +
        `a call takes ≈ ${opts.targetMs} ms of CPU time (aimed from the check run, re-aimed after each warm-up call); CPU time of the process ` +
        '(Node: process.cpuUsage; native: CLOCK_THREAD_CPUTIME_ID), median_wall_ms beside it; in-process ' +
        'contenders round-robin, native in its own process with the same scheme',
      grid: `nnplay only: median of ${GRID_REPS} calls of grid(100, -6, 6, -6, 6, output) (wasm: through the binding, ` +
        'including the copy of the 10000 outputs to JS; native: Trainer::grid)',
      tfjs_wasm: tfInfo ? `@tensorflow/tfjs ${tfInfo.version} (its gradients) + tfjs-backend-wasm, SIMD ${tfInfo.simd}, one thread; variables, tf.train.sgd, optimizer.minimize per step, batches pre-made as tensors; tfjs-wasm-manual (for information): the same step with hand-written gradient ops in one tf.tidy, no autodiff tape` : 'unavailable',
      convnetjs: 'convnetjs 0.3.0 (Float64Array, per-sample forward/backward); its Trainer, sgd, momentum 0',
    },
    rows,
  };
  result.targets = evaluateTargets(rows);
  writeResult(result, opts.out);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
