// What the two training benchmarks' drivers share (bench/training.mjs in
// Node, bench/training-browser.mjs in Chromium): the command line
//   [--reps N] [--warmup N] [--target-ms MS] [--nets A,B] [--out FILE]
//   [--native-bin FILE] [--wasm-dir DIR]   (defaults: build/native, web/src/engine/wasm)
// the record of the machine and its load, and writing the result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { printTable } from './train-report.mjs';
import { NETS } from './train-setup.mjs';

const BENCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.resolve(BENCH, '..');

// `results` names the default output file in bench/results/.
export function parseTrainingArgs(argv, results) {
  const o = {
    reps: 15, warmup: 3, targetMs: 30, nets: ['A', 'B'], out: path.join(BENCH, 'results', results),
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
  for (const n of o.nets) if (!NETS[n]) throw new Error(`--nets: unknown net ${n} (known: ${Object.keys(NETS).join(', ')})`);
  return o;
}

const load = () => os.loadavg().map((l) => Number(l.toFixed(2)));

// Call at the start of a run; at its end, the function it returns gives the
// machine record (with `extra` first, e.g. the runtime's versions) and both loads.
export function startMachineRecord() {
  const loadavg_at_start = load();
  return (extra) => ({
    ...extra,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadavg_at_start,
    loadavg_at_end: load(),
  });
}

const roundForJson = (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v);

// The result as JSON in `out` (numbers to 4 significant digits), and its tables on stdout.
export function writeResult(result, out) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, roundForJson, 2) + '\n');
  printTable(result);
  console.log(`\nwritten: ${path.relative(process.cwd(), out) || out}`);
}
