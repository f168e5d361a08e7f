// The raw Embind module, for the tests of the bindings contract itself (the
// .d.ts and the benchmark helper). Everything else goes through engine.ts.
import createSimd, { type NnplayModule } from 'nnplay-wasm/simd';
import createScalar from 'nnplay-wasm/scalar';
import { type BuildName, wasmBytes } from './load';

export function rawModule(build: BuildName): Promise<NnplayModule> {
  const create = build === 'simd' ? createSimd : createScalar;
  return create({ wasmBinary: wasmBytes(build) });
}
