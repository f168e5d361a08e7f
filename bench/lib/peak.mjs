// This machine's peak wasm SIMD float rate, measured in the same run as the
// workloads so that they can be stated as a fraction of it. A hand-assembled
// wasm function runs `chains` independent chains acc = acc·m + a on f32x4
// (wasm SIMD has no fused multiply-add, so a mul and an add are 8 flops per
// chain and iteration); enough chains hide the latency of the mul → add
// dependency, too many spill registers, so 8 to 16 are tried and the
// fastest counts. m = 1 - 2⁻²⁰ and a = 2⁻²⁰ keep every value near 1 (no
// subnormals, no overflow). The function returns a lane of the sum, so the
// work cannot be dropped. No Node imports: the Chromium training benchmark
// measures the peak in its page with the wall clock.
import { cpuClock } from './clock.mjs';

const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const section = (id, bytes) => [id, ...uleb(bytes.length), ...bytes];
const f32x4Const = (v) => {
  const b = new Uint8Array(16);
  const dv = new DataView(b.buffer);
  for (let i = 0; i < 4; i++) dv.setFloat32(4 * i, v, true);
  return [0xfd, 0x0c, ...b];
};

const OP = {
  localGet: 0x20, localSet: 0x21, localTee: 0x22, i32Const: 0x41, i32Sub: 0x6b, brIf: 0x0d,
  loop: 0x03, end: 0x0b, void: 0x40, i32: 0x7f, f32: 0x7d, v128: 0x7b,
};
const F32X4_ADD = [0xfd, ...uleb(228)];
const F32X4_MUL = [0xfd, ...uleb(230)];
const F32X4_EXTRACT_LANE0 = [0xfd, ...uleb(31), 0];

// (func (param $n i32) (result f32)): $n ≥ 1 iterations of every chain.
function peakModule(chains) {
  const acc = (i) => 1 + i; // local 0 is $n, then the chains, then m and a
  const m = 1 + chains;
  const a = 2 + chains;
  const body = [];
  for (let i = 0; i < chains; i++) body.push(...f32x4Const(1 + i / 64), OP.localSet, acc(i));
  body.push(...f32x4Const(1 - 2 ** -20), OP.localSet, m, ...f32x4Const(2 ** -20), OP.localSet, a);
  body.push(OP.loop, OP.void);
  for (let i = 0; i < chains; i++) {
    body.push(OP.localGet, acc(i), OP.localGet, m, ...F32X4_MUL, OP.localGet, a, ...F32X4_ADD, OP.localSet, acc(i));
  }
  body.push(OP.localGet, 0, OP.i32Const, 1, OP.i32Sub, OP.localTee, 0, OP.brIf, 0, OP.end);
  body.push(OP.localGet, acc(0));
  for (let i = 1; i < chains; i++) body.push(OP.localGet, acc(i), ...F32X4_ADD);
  body.push(...F32X4_EXTRACT_LANE0, OP.end);
  const locals = [1, ...uleb(chains + 2), OP.v128];
  const fn = [...locals, ...body];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 1, OP.i32, 1, OP.f32]),
    ...section(3, [1, 0]),
    ...section(7, [1, 4, ...new TextEncoder().encode('peak'), 0x00, 0]),
    ...section(10, [1, ...uleb(fn.length), ...fn]),
  ];
  return new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports.peak;
}

/**
 * Peak GFLOP/s: for each chain count, calls of ≈ targetMs on `clock`, the
 * fastest of `reps` (the peak is what the machine can do, so the best call
 * is the estimate; the median is kept beside it to show the noise). Async
 * because a page's clock is (bench/lib/clock.mjs).
 */
export async function measurePeak({ reps = 7, targetMs = 40, clock = cpuClock } = {}) {
  const ms = async (fn) => (await clock(fn)).ms;
  const rows = [];
  for (const chains of [8, 10, 12, 14, 16]) {
    const peak = peakModule(chains);
    let n = 1 << 16;
    for (let i = 0; i < 3; i++) n = Math.max(1024, Math.round((n * targetMs) / Math.max(await ms(() => peak(n)), 0.5)));
    const rates = [];
    for (let r = 0; r < reps; r++) {
      rates.push((n * chains * 8) / ((await ms(() => peak(n))) * 1e6));
    }
    rates.sort((p, q) => p - q);
    rows.push({ chains, iterations: n, best_gflop_per_s: rates[rates.length - 1], median_gflop_per_s: rates[rates.length >> 1] });
  }
  const best = rows.reduce((p, q) => (q.best_gflop_per_s > p.best_gflop_per_s ? q : p));
  return {
    gflop_per_s: best.best_gflop_per_s,
    median_gflop_per_s: best.median_gflop_per_s,
    chains: best.chains,
    method: 'independent chains acc = acc·m + a on f32x4 (one mul + one add: 8 flops per chain and iteration; no FMA in wasm SIMD128), ' +
      `8, 10, 12, 14 and 16 chains, fastest of ${reps} calls of ≈ ${targetMs} ms each, ${clock.measure}; median beside it`,
    rows,
  };
}

// The peak measured before and after the workloads: the mean is the
// reference, the two values show how much the shared machine moved meanwhile.
export const bracketPeak = (before, after) => ({
  ...before, gflop_per_s_before: before.gflop_per_s, gflop_per_s_after: after.gflop_per_s,
  gflop_per_s: 0.5 * (before.gflop_per_s + after.gflop_per_s),
});

if (typeof process !== 'undefined' && import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measurePeak(), null, 2));
