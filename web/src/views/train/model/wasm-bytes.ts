// The .wasm bytes to hand the training worker, where it cannot fetch them
// itself. On a served site it can (undefined here: the worker's glue fetches
// the module, from the HTTP cache). The single-file build replaces this module
// (vite.single.config.mjs) with one that returns the inlined bytes, so that the
// file holds them once.
export function wasmBytes(build: 'simd' | 'scalar'): Uint8Array | undefined {
  void build;
  return undefined;
}
