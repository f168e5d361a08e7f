// Checks the Debian packages the build and the tests need, by a file each
// package provides, and installs the missing ones when running as root.
import { existsSync } from 'node:fs';
import { run } from './run.mjs';

const BUILD = [
  ['cmake', '/usr/bin/cmake'],
  ['g++', '/usr/bin/g++'],
  ['emscripten', '/usr/bin/emcc'],
  ['libeigen3-dev', '/usr/include/eigen3/Eigen/Core'],
  ['libsimde-dev', '/usr/include/simde/wasm/simd128.h'],
  ['doctest-dev', '/usr/include/doctest/doctest.h'],
  // libFuzzer targets (fuzz/): clang and its fuzzer runtime.
  ['clang-14', '/usr/bin/clang++-14'],
  ['libclang-rt-14-dev', '/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a'],
];
const BROWSER = [['chromium', '/usr/bin/chromium']];

export function ensureSystemPackages({ browser }) {
  const wanted = browser ? [...BUILD, ...BROWSER] : BUILD;
  const missing = wanted.filter(([, file]) => !existsSync(file)).map(([pkg]) => pkg);
  if (missing.length === 0) return;
  const line = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`nnplay needs these Debian packages: ${missing.join(', ')}.\nInstall them as root:\n  apt-get update && ${line}`);
    process.exit(1);
  }
  console.log(`Installing Debian packages: ${missing.join(', ')} (a few minutes on a fresh machine)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', line.split(' ').slice(1), { env });
}
