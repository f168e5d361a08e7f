// Kernel benchmark (not a test): forward and derivative of sigmoid, tanh,
// gelu, elu, swish, and softmax over rows of 10, on 1,048,576 float32 uniform
// in [-10, 10] from a seeded generator, for nnplay's wasm SIMD and scalar
// builds, the native build, plain JavaScript and @tensorflow/tfjs-backend-wasm.
// Run through `npm run bench` (scripts/bench.mjs builds what this needs).
//
//   node bench/kernels.mjs [--reps N] [--warmup N] [--kernels a,b] [--out FILE]
//
// In-process contenders are timed round-robin (one call of each per rep), so
// the ratios come from the same moments of a noisy, shared machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { native, nnplayWasm, plainJs, tfjsWasm } from './lib/contenders.mjs';
import { FLOPS_PER_ELEMENT, FLOP_COUNTING } from './lib/kernel-flops.mjs';
import { bracketPeak, measurePeak } from './lib/peak.mjs';
import { median } from './lib/stats.mjs';
import { PLAIN_JS_NOTES } from './lib/plain-js.mjs';
import { evaluateTargets, printTable } from './lib/report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const N = 1 << 20;
const SOFTMAX_COLS = 10;
const SEED = 0x5eed1234;
const KERNELS = ['sigmoid', 'tanh', 'gelu', 'elu', 'swish', 'softmax'];

function parseArgs(argv) {
  const o = { reps: 15, warmup: 5, kernels: KERNELS, out: path.join(HERE, 'results', 'kernels.json') };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--reps') o.reps = Math.max(7, Number(v)), i++;
    else if (k === '--warmup') o.warmup = Math.max(1, Number(v)), i++;
    else if (k === '--kernels') o.kernels = v.split(','), i++;
    else if (k === '--out') o.out = path.resolve(v), i++;
    else throw new Error(`unknown option ${k}`);
  }
  return o;
}

// xorshift32 → uniform floats in [-10, 10); the same seed gives the same input everywhere.
function seededInput(n, seed) {
  const x = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    x[i] = -10 + 20 * ((s >>> 8) / 16777216);
  }
  return x;
}

// Largest |a - b| (Infinity when exactly one is NaN), and whether every element
// agrees within 1e-5 absolute + 1e-5 relative.
function compare(a, ref) {
  let maxAbs = 0;
  let agrees = a.length === ref.length;
  for (let i = 0; i < Math.min(a.length, ref.length); i++) {
    const d = Math.abs(a[i] - ref[i]);
    const dd = Number.isNaN(d) ? (Number.isNaN(a[i]) && Number.isNaN(ref[i]) ? 0 : Infinity) : d;
    if (dd > maxAbs) maxAbs = dd;
    if (dd > 1e-5 + 1e-5 * Math.abs(ref[i])) agrees = false;
  }
  return { maxAbs, agrees };
}

// Round-robin timing of the in-process contenders of one kernel/op. Each call
// is measured as process CPU time (process.cpuUsage, µs resolution: time spent
// descheduled by other jobs on a shared machine does not count) and as wall
// time; the CPU-time median is the result.
function timeInProcess(made, reps, warmup) {
  const live = made.filter((m) => m.run);
  const cpu = live.map(() => []);
  const wall = live.map(() => []);
  for (let r = -warmup; r < reps; r++) {
    live.forEach((m, k) => {
      if (m.skip) return;
      const u0 = process.cpuUsage();
      const t0 = performance.now();
      try {
        m.run();
      } catch (e) {
        m.skip = `error: ${e.message}`;
        return;
      }
      const t1 = performance.now();
      const u = process.cpuUsage(u0);
      if (m.after) m.after();
      if (r < 0) return;
      cpu[k].push((u.user + u.system) / 1000);
      wall[k].push(t1 - t0);
    });
  }
  live.forEach((m, k) => {
    if (m.skip) {
      m.dispose();
      m.run = null;
      return;
    }
    m.times = { median_ms: median(cpu[k]), min_ms: Math.min(...cpu[k]), median_wall_ms: median(wall[k]) };
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const loadAtStart = os.loadavg().map((l) => Number(l.toFixed(2)));
  const input = seededInput(N, SEED);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-bench-'));
  const inputFile = path.join(tmp, 'input.f32');
  fs.writeFileSync(inputFile, Buffer.from(input.buffer));

  const wasmDir = path.join(ROOT, 'web', 'src', 'engine', 'wasm');
  const inProcess = [
    await nnplayWasm('nnplay-wasm-simd', path.join(wasmDir, 'nnplay_simd.mjs')),
    await nnplayWasm('nnplay-wasm-scalar', path.join(wasmDir, 'nnplay_scalar.mjs')),
    plainJs(),
    await tfjsWasm(),
  ];
  const nativeBin = path.join(ROOT, 'build', 'native', 'nnplay_bench_kernels');
  const nat = native(nativeBin, inputFile, tmp, opts.reps, opts.warmup);
  for (const c of inProcess) if (c.unavailable) console.error(`note: ${c.name} unavailable: ${c.unavailable}`);
  if (nat.unavailable) console.error(`note: native unavailable: ${nat.unavailable}`);

  const peakBefore = await measurePeak();
  const rows = [];
  for (const kernel of opts.kernels) {
    for (const op of kernel === 'softmax' ? ['forward'] : ['forward', 'derivative']) {
      const n = kernel === 'softmax' ? Math.floor(N / SOFTMAX_COLS) * SOFTMAX_COLS : N;
      const job = { kernel, op, x: input.subarray(0, n), cols: SOFTMAX_COLS };
      const made = inProcess.map((c) => {
        if (c.unavailable) return { contender: c.name, skip: `unavailable: ${c.unavailable}` };
        try {
          return { contender: c.name, ...c.make(job) };
        } catch (e) {
          return { contender: c.name, skip: `error: ${e.message}` };
        }
      });
      timeInProcess(made, opts.reps, opts.warmup);
      const ref = made.find((m) => m.contender === 'plain-js').output();
      const group = made.map((m) => {
        const row = { kernel, op, contender: m.contender, impl: m.impl ?? null, n };
        if (!m.run) return { ...row, gelems_per_s: null, note: m.skip };
        const out = m.output();
        m.dispose();
        return { ...row, ...m.times, gelems_per_s: n / m.times.median_ms / 1e6, ...diff(out, ref) };
      });
      if (!nat.unavailable) {
        const r = nat.measure(kernel, op);
        if (r.error) group.push({ kernel, op, contender: 'native', n, gelems_per_s: null, note: `error: ${r.error}` });
        for (const nr of r.rows ?? []) {
          const row = { kernel, op, contender: nr.contender, impl: nr.impl, n: nr.n };
          if (nr.error || !nr.output) {
            group.push({ ...row, gelems_per_s: null, note: `error: ${nr.error ?? 'output not written'}` });
          } else {
            const out = new Float32Array(new Uint8Array(fs.readFileSync(nr.output)).buffer);
            fs.rmSync(nr.output);
            const times = { median_ms: nr.median_ns / 1e6, min_ms: nr.min_ns / 1e6, median_wall_ms: nr.median_wall_ns / 1e6 };
            group.push({ ...row, ...times, gelems_per_s: nr.n / times.median_ms / 1e6, ...diff(out, ref) });
          }
        }
      }
      const js = group.find((g) => g.contender === 'plain-js');
      const tf = group.find((g) => g.contender === 'tfjs-wasm');
      for (const g of group) {
        g.ratio_to_plain_js = g.gelems_per_s && js?.gelems_per_s ? g.gelems_per_s / js.gelems_per_s : null;
        g.ratio_to_tfjs_wasm = g.gelems_per_s && tf?.gelems_per_s ? g.gelems_per_s / tf.gelems_per_s : null;
      }
      rows.push(...group);
      process.stderr.write(`  ${kernel} ${op} done\n`);
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  // The peak before and after the kernels; their mean is the reference.
  const peakAfter = await measurePeak();
  const peak = bracketPeak(peakBefore, peakAfter);
  for (const r of rows) {
    const flops = FLOPS_PER_ELEMENT[r.kernel]?.[r.op];
    r.flops_per_element = flops ?? null;
    r.fraction_of_peak = r.gelems_per_s != null && flops ? (r.gelems_per_s * flops) / peak.gflop_per_s : null;
  }

  const tfjs = inProcess.find((c) => c.name === 'tfjs-wasm');
  const result = {
    benchmark: 'kernels',
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
    method: {
      elements: N,
      softmax: `rows of ${SOFTMAX_COLS}: ${Math.floor(N / SOFTMAX_COLS)} rows = ${Math.floor(N / SOFTMAX_COLS) * SOFTMAX_COLS} elements (2^20 is not a multiple of 10)`,
      input: `uniform [-10, 10) float32 from xorshift32, seed 0x${SEED.toString(16)}`,
      timing:
        `median of ${opts.reps} timed calls after ${opts.warmup} warm-up calls, in CPU time of the ` +
        'process (Node: process.cpuUsage; native: CLOCK_THREAD_CPUTIME_ID) so that time spent descheduled ' +
        'on a shared machine does not count; median_wall_ms is kept beside it. In-process contenders run ' +
        'round-robin, one call each per rep; native runs in its own process per kernel/op, same scheme',
      nnplay_wasm: 'F32Buffer in/out allocated before timing; timed: one forwardInto/derivativeInto/softmaxRowsInto call',
      plain_js: PLAIN_JS_NOTES,
      tfjs_wasm: tfjs.info
        ? `@tensorflow/tfjs-backend-wasm ${tfjs.info.version}, SIMD ${tfjs.info.simd}, single thread; ` +
          'timed: the op on a prebuilt input tensor (synchronous; includes output allocation and dispatch, ' +
          'no upload/download); output disposed untimed. gelu, swish: n/a (no single op); derivatives n/a ' +
          'except EluGrad, which takes the cached output'
        : tfjs.unavailable,
      agreement: 'max |y - y_plain_js| over all elements; agrees = every element within 1e-5 + 1e-5·|y_plain_js|',
      gelems_per_s: 'elements / median CPU time / 1e9',
      fraction_of_peak: `gelems_per_s × flops_per_element / peak.gflop_per_s; ${FLOP_COUNTING}`,
    },
    peak,
    rows,
  };
  result.targets = evaluateTargets(rows);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  // Four significant digits keep the committed file readable; integers stay exact.
  const round = (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v);
  fs.writeFileSync(opts.out, JSON.stringify(result, round, 2) + '\n');
  printTable(result);
  console.log(`\nwritten: ${path.relative(process.cwd(), opts.out) || opts.out}`);
}

function diff(out, ref) {
  const { maxAbs, agrees } = compare(out, ref);
  return { max_abs_diff_vs_plain_js: Number.isFinite(maxAbs) ? maxAbs : String(maxAbs), agrees };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
