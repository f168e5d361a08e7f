// npm test: install what is missing, build everything, run every suite.
//   native doctest (g++, SIMD kernels through SIMDe), the same suite under
//   ASan+UBSan, the same suite compiled to wasm under Node (real wasm SIMD),
//   the CMake install tree used by a separate project, TypeScript type check,
//   Vitest on both wasm builds (and the collector test under --expose-gc), the
//   libFuzzer targets briefly, the npm package from its tarball, and the page
//   end to end in headless Chromium (Playwright).
import { ensureSystemPackages } from './lib/system-deps.mjs';
import { ensureNpmPackages } from './lib/npm-deps.mjs';
import { buildNative, buildNativeSanitized, buildPackage, buildPage, buildWasm } from './lib/build-steps.mjs';
import { root, runSuite } from './lib/run.mjs';

const started = Date.now();
ensureSystemPackages({ browser: true });
ensureNpmPackages(root);
buildNative();
buildNativeSanitized();
buildWasm();
buildPage();
buildPackage();

const node = process.execPath;
const suites = [
  // The doctest binaries run directly so their per-kernel ulp tables are printed.
  ['native doctest', 'build/native/nnplay_tests', []],
  // ASan+UBSan: the sweep uses a 4x coarser stride to keep the run short.
  ['native doctest (ASan+UBSan)', 'build/native-asan/nnplay_tests', [],
    { env: { ...process.env, NNPLAY_SWEEP_LOG2: '12', UBSAN_OPTIONS: 'print_stacktrace=1' } }],
  ['wasm doctest (Node, real wasm SIMD)', node, ['build/wasm-simd/nnplay_tests.cjs']],
  ['CMake: install tree, find_package consumer, ctest', node, ['--test', 'tests/cmake/']],
  ['typescript', node, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']],
  ['vitest (engine on both wasm builds)', node, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.config.mjs']],
  ['vitest --expose-gc (dropped handles are freed)', node,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/wasm/vitest.gc.config.mjs']],
  // Builds fuzz/ with clang-14, replays each seed corpus, then 20 s per target (~2 min in all), with a
  // fixed seed so a test run is repeatable; `npm run fuzz` explores with a fresh seed each time.
  ['fuzzing (libFuzzer + ASan + UBSan)', node, ['scripts/fuzz.mjs', '--seconds', '20', '--seed', '1']],
  ['npm package (pack, install, Node, Vite app, static page)', node, ['--test', 'tests/package/']],
  // Playwright (tests/e2e/*.spec.mjs, playwright.config.mjs).
  ['end to end (Chromium, Playwright)', node, ['node_modules/@playwright/test/cli.js', 'test']],
];

const results = suites.map(([name, cmd, args, options]) => [name, runSuite(cmd, args, options) === 0]);
const failed = results.filter(([, ok]) => !ok);
console.log('\nnnplay test summary:');
for (const [name, ok] of results) console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${name}`);
console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(`suites: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
