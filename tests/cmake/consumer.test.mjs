// The core as a CMake library (issue 13): the native build's install tree is
// used by a separate project (examples/cmake-consumer/) through
// find_package(nnplay CONFIG REQUIRED) and nnplay::core; and ctest sees every
// doctest case. Needs build/native (npm test builds it first; by hand:
// `cmake --preset native && cmake --build --preset native`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ARTICLE_SOFTMAX_2_3_5, ARTICLE_TOLERANCE } from '../article-numbers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const buildDir = join(root, 'build/native');
const scratch = mkdtempSync(join(tmpdir(), 'nnplay-cmake-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function sh(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const ARTICLE = ARTICLE_SOFTMAX_2_3_5;
const TOLERANCE = ARTICLE_TOLERANCE;

test('a separate project builds and runs against the installed core', () => {
  assert.ok(existsSync(join(buildDir, 'CMakeCache.txt')), 'configure and build the native preset first');
  const prefix = join(scratch, 'install');
  sh('cmake', ['--install', buildDir, '--prefix', prefix]);
  assert.ok(existsSync(join(prefix, 'include/nnplay/softmax.hpp')), 'headers under include/nnplay/');
  assert.ok(existsSync(join(prefix, 'lib/cmake/nnplay/nnplayConfig.cmake')), 'nnplayConfig.cmake installed');
  const consumer = join(scratch, 'consumer');
  // Only the install tree is on the search path: the consumer cannot see the sources.
  sh('cmake', ['-S', join(root, 'examples/cmake-consumer'), '-B', consumer, `-DCMAKE_PREFIX_PATH=${prefix}`, '-DCMAKE_BUILD_TYPE=Release']);
  const cache = readFileSync(join(consumer, 'CMakeCache.txt'), 'utf8');
  assert.match(cache, new RegExp(`nnplay_DIR:PATH=${prefix}/lib/cmake/nnplay`));
  sh('cmake', ['--build', consumer, '-j', '2']);
  const out = JSON.parse(sh(join(consumer, 'nnplay_consumer'), []));
  const { version } = JSON.parse(readFileSync(join(root, 'packages/nnplay/package.json'), 'utf8'));
  assert.equal(out.version, version);
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(out.softmax[i] - ARTICLE[i]) <= TOLERANCE, `softmax[${i}] = ${out.softmax[i]}`);
  assert.ok(out.testAccuracy >= 0.95, `XOR test accuracy ${out.testAccuracy}`);
});

// TEST_CASE("…") and TEST_CASE_TEMPLATE("…", …) lines in tests/*.cpp, counted from the sources.
function sourceCaseCount() {
  let n = 0;
  for (const f of readdirSync(join(root, 'tests')).filter((name) => name.endsWith('.cpp'))) {
    n += (readFileSync(join(root, 'tests', f), 'utf8').match(/^\s*TEST_CASE(_TEMPLATE)?\("/gm) ?? []).length;
  }
  return n;
}

test('ctest lists every doctest case and runs one by name', () => {
  const listed = sh('ctest', ['-N'], buildDir);
  const total = Number(/Total Tests: (\d+)/.exec(listed)?.[1]);
  assert.equal(total, sourceCaseCount(), 'one ctest test per TEST_CASE');
  assert.match(listed, /softmax reproduces the article's numbers/);
  const run = sh('ctest', ['-R', "softmax reproduces the article", '--output-on-failure'], buildDir);
  assert.match(run, /100% tests passed, 0 tests failed out of 1\b/);
});

// scripts/lib/build-steps.mjs runs `cmake --preset` before every build; this is
// what makes that enough: on a tree whose cache holds a stale flag, the preset
// puts its own value back (the old step skipped configure once a cache existed).
test('re-running a preset re-applies its flags to an existing tree', () => {
  const tree = join(scratch, 'preset-tree');
  const cacheValue = (name) => new RegExp(`^${name}:[A-Z]+=(.*)$`, 'm').exec(readFileSync(join(tree, 'CMakeCache.txt'), 'utf8'))?.[1];
  sh('cmake', ['--preset', 'native', '-B', tree]);
  assert.equal(cacheValue('NNPLAY_SANITIZE'), 'OFF');
  sh('cmake', ['-B', tree, '-DNNPLAY_SANITIZE=ON', '-DCMAKE_BUILD_TYPE=Debug']);
  assert.equal(cacheValue('NNPLAY_SANITIZE'), 'ON');
  sh('cmake', ['--preset', 'native', '-B', tree]);
  assert.equal(cacheValue('NNPLAY_SANITIZE'), 'OFF');
  assert.equal(cacheValue('CMAKE_BUILD_TYPE'), 'Release');
});
