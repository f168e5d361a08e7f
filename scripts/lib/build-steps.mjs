// The build steps shared by start, test and bench. CMake and Vite are
// incremental, so running a step twice redoes nothing that is up to date.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from './run.mjs';
import { buildSingleFile } from './single-file.mjs';
import { assemblePackage } from './package-build.mjs';

const jobs = ['-j', '2'];

function configure(dir, args, { emscripten = false } = {}) {
  if (existsSync(join(root, dir, 'CMakeCache.txt'))) return;
  const cmake = ['cmake', '-S', '.', '-B', dir, ...args];
  // emcmake would pass node a flag node 20 rejects; name the emulator ourselves.
  if (emscripten) run('emcmake', [...cmake, '-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node']);
  else run(cmake[0], cmake.slice(1));
}

export function buildNative() {
  configure('build/native', ['-DCMAKE_BUILD_TYPE=Release']);
  run('cmake', ['--build', 'build/native', ...jobs]);
}

export function buildNativeSanitized() {
  configure('build/native-asan', ['-DCMAKE_BUILD_TYPE=RelWithDebInfo', '-DNNPLAY_SANITIZE=ON']);
  run('cmake', ['--build', 'build/native-asan', ...jobs, '--target', 'nnplay_tests']);
}

// The two wasm modules (into web/src/wasm/) and, unless modulesOnly, the
// doctest suite compiled to wasm.
export function buildWasm({ modulesOnly = false } = {}) {
  configure('build/wasm', ['-DCMAKE_BUILD_TYPE=Release'], { emscripten: true });
  const targets = modulesOnly ? ['--target', 'nnplay_simd', 'nnplay_scalar'] : [];
  run('cmake', ['--build', 'build/wasm', ...jobs, ...targets]);
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
