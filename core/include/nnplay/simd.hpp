// The only file that includes a SIMD header. Kernels are written once against
// the WebAssembly SIMD intrinsics: real wasm SIMD under emcc -msimd128, and
// SIMDe's portable mapping (onto SSE/AVX) in the native build, so the native
// tests run the very code that ships. Without -msimd128 (the scalar wasm
// fallback build) NNPLAY_SIMD is 0 and only the scalar references exist.
#pragma once

#if defined(__EMSCRIPTEN__)
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define NNPLAY_SIMD 1
#else
#define NNPLAY_SIMD 0
#endif
#else
#define SIMDE_ENABLE_NATIVE_ALIASES
#include <simde/wasm/simd128.h>
#define NNPLAY_SIMD 1
#endif
