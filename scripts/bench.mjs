// `npm run bench`: builds what the benchmarks need, installs bench/'s own npm
// dependencies when they are missing or stale, and runs the kernel benchmark,
// the training benchmark in Node and the training benchmark in headless Chromium.
//
//   npm run bench [-- --no-build] [-- --only kernels|training|training-browser] [-- <options>]
//
// Without --only all three run, and only --reps N / --warmup N are passed to
// them; any other option needs --only and goes to that benchmark
// (bench/kernels.mjs, bench/training.mjs, bench/training-browser.mjs: see their headers).
//
// Steps (each command is printed before it runs; a failed build stops the run):
//   1. native: cmake --preset native, build nnplay_bench_kernels and
//      nnplay_bench_training
//   2. wasm:   cmake --preset wasm-simd / wasm-scalar (CMakePresets.json),
//              build nnplay_simd and nnplay_scalar (they land in web/src/engine/wasm/)
//   3. npm ci --prefix bench, when bench/node_modules is missing or was
//      installed from a different bench/package-lock.json
//   4. node bench/kernels.mjs (table on stdout, bench/results/kernels.json)
//   5. node bench/training.mjs (table on stdout, bench/results/training.json)
//   6. node bench/training-browser.mjs (Debian's Chromium; table on stdout,
//      bench/results/training-browser.json)
//      Steps 4 to 6 all run even if one fails; the exit status is then 1.
// Node builtins only: this runs before any dependency is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const LOCK = path.join(BENCH, 'package-lock.json');
const STAMP = path.join(BENCH, 'node_modules', '.nnplay-lock.sha256');

function run(cmd, args, opts = {}) {
  console.error(`$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.error) fail(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

// The presets of CMakePresets.json, as npm test builds them (scripts/lib/build-steps.mjs).
function buildNative() {
  run('cmake', ['--preset', 'native']);
  run('cmake', ['--build', '--preset', 'native', '--target', 'nnplay_bench_kernels', 'nnplay_bench_training']);
}

function buildWasm() {
  for (const preset of ['wasm-simd', 'wasm-scalar']) {
    run('cmake', ['--preset', preset]);
    run('cmake', ['--build', '--preset', preset, '--target', `nnplay_${preset.slice(5)}`]);
  }
}

function lockHash() {
  return createHash('sha256').update(fs.readFileSync(LOCK)).digest('hex');
}

function installBenchDeps() {
  if (!fs.existsSync(LOCK)) fail('bench/package-lock.json is missing');
  const want = lockHash();
  const have = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8').trim() : null;
  if (have === want) return;
  console.error(have ? 'bench/node_modules is stale' : 'bench/node_modules is missing');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['ci', '--prefix', 'bench', '--no-audit', '--no-fund']);
  fs.writeFileSync(STAMP, want + '\n');
}

const BENCHES = ['kernels', 'training', 'training-browser'];
const SHARED = ['--reps', '--warmup'];

function parseArgs(argv) {
  const o = { build: true, only: null, pass: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') o.build = false;
    else if (argv[i] === '--only') {
      o.only = argv[++i];
      if (!BENCHES.includes(o.only)) fail(`--only takes ${BENCHES.join(', ')}, got ${o.only}`);
    } else o.pass.push(argv[i]);
  }
  if (!o.only) {
    for (let i = 0; i < o.pass.length; i += 2) {
      if (!SHARED.includes(o.pass[i])) fail(`${o.pass[i]}: only ${SHARED.join(', ')} go to every benchmark; add --only ${BENCHES.join('|')}`);
    }
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
if (opts.build) {
  buildNative();
  buildWasm();
}
installBenchDeps();
let failed = false;
for (const name of opts.only ? [opts.only] : BENCHES) {
  const args = [path.join(BENCH, `${name}.mjs`), ...opts.pass];
  console.error(`$ ${[process.execPath, ...args].join(' ')}`);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench: ${name} benchmark exited with ${r.status ?? r.signal}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
