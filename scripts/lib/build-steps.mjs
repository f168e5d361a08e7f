// The build steps shared by start, test and bench. CMake and Vite are
// incremental, so running a step twice redoes nothing that is up to date.
import { join } from 'node:path';
import { root, run } from './run.mjs';
import { buildSingleFile } from './single-file.mjs';
import { assemblePackage } from './package-build.mjs';

// Every configuration is a preset in CMakePresets.json (flags, toolchain,
// build folder). Configure always runs: on an existing tree it takes about a
// second and re-applies the preset, so a changed flag reaches the build.
function configure(preset) {
  run('cmake', ['--preset', preset]);
}

function build(preset, targets = []) {
  run('cmake', ['--build', '--preset', preset, ...(targets.length ? ['--target', ...targets] : [])]);
}

export function buildNative() {
  configure('native');
  build('native');
}

export function buildNativeSanitized() {
  configure('native-asan');
  build('native-asan');
}

// The two wasm modules (into web/src/engine/wasm/) and, unless modulesOnly, the
// doctest suite compiled to wasm (build/wasm-simd/nnplay_tests.cjs).
export function buildWasm({ modulesOnly = false } = {}) {
  configure('wasm-simd');
  build('wasm-simd', modulesOnly ? ['nnplay_simd'] : []);
  configure('wasm-scalar');
  build('wasm-scalar');
}

// The static site, and beside it the single-file page nnplay.html (about a
// second more). outDir defaults to dist/; NNPLAY_DIST or an argument moves it.
export function buildPage(outDir = process.env.NNPLAY_DIST ?? join(root, 'dist')) {
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.config.mjs', '--outDir', outDir, '--logLevel', 'warn']);
  // <nn-playground> as one script, dist/nn-playground.js, plus the example course page (vite.element.config.mjs).
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.element.config.mjs', '--outDir', outDir, '--logLevel', 'warn']);
  buildSingleFile(outDir);
}

// The npm package packages/nnplay/ (scripts/lib/package-build.mjs) from the
// wasm modules and a page build in siteDir (buildPage's output, for the element).
export function buildPackage(siteDir = process.env.NNPLAY_DIST ?? join(root, 'dist')) {
  assemblePackage(siteDir);
}
