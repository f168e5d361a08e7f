// npm run fuzz [-- --seconds N] [--seed S] [--target NAME]: builds fuzz/ (libFuzzer with
// ASan + UBSan, clang-14) and runs each target for N seconds (default 300),
// one after another, then prints executions, coverage and crashes per target.
// npm test runs it with --seconds 20 --seed 1. Every run first replays the seed corpus
// in fuzz/corpus/<target>/; what a run discovers goes to build/fuzz/corpus/,
// crashes to build/fuzz/crashes/ (copy a fixed crash into fuzz/corpus/ so it
// is replayed from then on).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSystemPackages } from './lib/system-deps.mjs';
import { root, run } from './lib/run.mjs';

export const TARGETS = ['json', 'config', 'model', 'csv', 'trainer'];
const BUILD_DIR = 'build/fuzz';

export function buildFuzz() {
  if (!existsSync(join(root, BUILD_DIR, 'CMakeCache.txt'))) {
    run('cmake', ['-S', 'fuzz', '-B', BUILD_DIR, '-DCMAKE_CXX_COMPILER=clang++-14']);
  }
  run('cmake', ['--build', BUILD_DIR, '-j', '2']);
}

function parseArgs(argv) {
  const options = { seconds: 300, targets: TARGETS, seed: 0 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--seconds' && /^[1-9][0-9]{0,5}$/.test(value ?? '')) {
      options.seconds = Number(value);
      i++;
    } else if (flag === '--seed' && /^[1-9][0-9]{0,8}$/.test(value ?? '')) {
      options.seed = Number(value);
      i++;
    } else if (flag === '--target' && TARGETS.includes(value)) {
      options.targets = [value];
      i++;
    } else {
      console.error(`fuzz: unknown or bad argument ${JSON.stringify(flag)}${value === undefined ? '' : ` ${JSON.stringify(value)}`}`);
      console.error(`usage: npm run fuzz -- [--seconds 1..999999] [--seed 1..999999999] [--target ${TARGETS.join('|')}]`);
      process.exit(1);
    }
  }
  return options;
}

// The last status line ("#123 DONE cov: 456 ft: 789 corp: 12/3kb ...") and the final stats.
function summarize(log) {
  const lines = log.split('\n');
  const status = lines.filter((l) => /^#\d+\s/.test(l)).at(-1) ?? '';
  const field = (name) => status.match(new RegExp(`${name}: (\\S+)`))?.[1] ?? '?';
  const execs = log.match(/stat::number_of_executed_units: (\d+)/)?.[1] ?? status.match(/^#(\d+)/)?.[1] ?? '?';
  return { execs, cov: field('cov'), ft: field('ft'), corpus: field('corp') };
}

function fuzzTarget(name, seconds, seed) {
  const seeds = join('fuzz/corpus', name);
  const work = join(BUILD_DIR, 'corpus', name);
  const crashes = join(BUILD_DIR, 'crashes');
  mkdirSync(join(root, work), { recursive: true });
  mkdirSync(join(root, crashes), { recursive: true });
  const binary = join(BUILD_DIR, `fuzz_${name}`);
  const env = { ...process.env, UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1', ASAN_OPTIONS: 'detect_leaks=1' };
  // 1. The seed corpus, each input once: a regression test for fixed crashes.
  const replay = spawnSync(binary, ['-runs=0', seeds], { cwd: root, env, encoding: 'utf8' });
  const seedCount = readdirSync(join(root, seeds)).length;
  if (replay.status !== 0) {
    process.stderr.write(replay.stderr);
    return { name, seeds: seedCount, replay: false, crashed: true, execs: '?', cov: '?', ft: '?', corpus: '?' };
  }
  // 2. Fuzzing for `seconds`, new inputs into the working corpus.
  console.log(`\n$ ${binary} (${seconds} s)`);
  const args = [
    `-max_total_time=${seconds}`, '-dict=fuzz/nnplay.dict', '-max_len=8192', '-timeout=20', '-rss_limit_mb=2048',
    `-artifact_prefix=${crashes}/${name}-`, '-print_final_stats=1', work, seeds,
  ];
  // A fixed seed makes a run explore the same inputs again (up to how many fit in the time): npm test uses one.
  if (seed > 0) args.unshift(`-seed=${seed}`);
  const r = spawnSync(binary, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 256 << 20 });
  writeFileSync(join(root, BUILD_DIR, `${name}.log`), r.stderr ?? '');
  const crashed = r.status !== 0;
  if (crashed) process.stderr.write(r.stderr.split('\n').slice(-80).join('\n'));
  return { name, seeds: seedCount, replay: true, crashed, ...summarize(r.stderr ?? '') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { seconds, targets, seed } = parseArgs(process.argv.slice(2));
  ensureSystemPackages({ browser: false });
  buildFuzz();
  const results = targets.map((t) => fuzzTarget(t, seconds, seed));
  console.log(`\nnnplay fuzz summary (${seconds} s per target, ASan + UBSan):`);
  console.log('  target    seeds  replay  executions  cov     ft      corpus       result');
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(8)}  ${String(r.seeds).padStart(5)}  ${(r.replay ? 'ok' : 'FAIL').padEnd(6)}  ` +
        `${String(r.execs).padStart(10)}  ${String(r.cov).padEnd(6)}  ${String(r.ft).padEnd(6)}  ` +
        `${String(r.corpus).padEnd(11)}  ${r.crashed ? `CRASH (see ${BUILD_DIR}/crashes/)` : 'ok'}`,
    );
  }
  process.exit(results.some((r) => r.crashed) ? 1 : 0);
}
