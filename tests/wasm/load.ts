// Loads both wasm builds in Node. The glue would fetch() its .wasm by path,
// which Node cannot do, so the bytes are read here and passed as wasmBinary
// (docs/TOOLCHAIN.md §1).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEngine, type Engine } from '../../web/src/engine/engine';

export type BuildName = 'simd' | 'scalar';
export const BUILDS: readonly BuildName[] = ['simd', 'scalar'];

export function wasmBytes(build: BuildName): Uint8Array {
  return readFileSync(fileURLToPath(new URL(`../../web/src/engine/wasm/nnplay_${build}.wasm`, import.meta.url)));
}

const cache = new Map<BuildName, Promise<Engine>>();

export function engineFor(build: BuildName): Promise<Engine> {
  let e = cache.get(build);
  if (!e) {
    e = loadEngine({ build, wasmBinary: wasmBytes(build) });
    cache.set(build, e);
  }
  return e;
}

export const f32 = (values: readonly number[]): Float32Array => Float32Array.from(values);

/** Max |a[i] - b[i]|; NaN where exactly one side is NaN. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) && Number.isNaN(b[i])) continue;
    if (a[i] === b[i]) continue; // also equal infinities
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= worst)) worst = d; // NaN sticks
  }
  return worst;
}
