// The three matrix products of a dense layer, for the small row-major
// matrices of this playground (a batch of 10–64 rows, 1–64 units). Eigen is
// compiled without vectorisation in wasm and its general GEMM spends more on
// blocking and packing than on arithmetic at these sizes; these loops keep an
// output row in registers and add one scaled input row at a time.
//   forward:   Z = X·W + b           X m×k, W k×n, b 1×n, Z m×n
//   weights:   G_W = Xᵀ·G_Z          G_Z m×n, G_W k×n
//   inputs:    G_X = G_Z·Wᵀ          G_X m×k, computed from Wᵀ (n×k, the
//                                    caller transposes) so that it too adds
//                                    whole rows instead of taking dot products
//   gemm_nt also takes an optional d (m×k): G_X ∘ d, each output multiplied
//   as it is stored (the layer below's f'), null for none.
//   column_sums:  g_b = Σ_rows G_Z, rows in order;  transpose:  Wᵀ from W.
// The scalar functions are the reference. The _wasmsimd ones put four output
// columns in a vector (scalar for the last n % 4) and compute every output as
// the same sum in the same order as the reference.
#pragma once
#include <cstddef>

#include "nnplay/simd.hpp"

namespace nnplay::kernels {

void gemm_bias_f32_scalar(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w,
                          const float* b, float* z);
void gemm_tn_f32_scalar(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* g, float* gw);
void gemm_nt_f32_scalar(std::size_t m, std::size_t k, std::size_t n, const float* g, const float* wt, float* gx,
                        const float* d = nullptr);
void column_sums_f32_scalar(std::size_t m, std::size_t n, const float* g, float* out);
void transpose_f32_scalar(std::size_t k, std::size_t n, const float* w, float* wt);

void gemm_bias_f32_wasmsimd(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w,
                            const float* b, float* z);
void gemm_tn_f32_wasmsimd(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* g, float* gw);
void gemm_nt_f32_wasmsimd(std::size_t m, std::size_t k, std::size_t n, const float* g, const float* wt, float* gx,
                          const float* d = nullptr);
void column_sums_f32_wasmsimd(std::size_t m, std::size_t n, const float* g, float* out);
void transpose_f32_wasmsimd(std::size_t k, std::size_t n, const float* w, float* wt);

#if NNPLAY_SIMD
// The 4×4 block of W at w (rows n apart) into Wᵀ at wt (rows k apart).
inline void transpose_block4_f32(std::size_t k, std::size_t n, const float* w, float* wt) {
  const v128_t r0 = wasm_v128_load(w), r1 = wasm_v128_load(w + n);
  const v128_t r2 = wasm_v128_load(w + 2 * n), r3 = wasm_v128_load(w + 3 * n);
  const v128_t t0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7);
  const v128_t t2 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5), t3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
  wasm_v128_store(wt, wasm_i32x4_shuffle(t0, t2, 0, 1, 4, 5));
  wasm_v128_store(wt + k, wasm_i32x4_shuffle(t0, t2, 2, 3, 6, 7));
  wasm_v128_store(wt + 2 * k, wasm_i32x4_shuffle(t1, t3, 0, 1, 4, 5));
  wasm_v128_store(wt + 3 * k, wasm_i32x4_shuffle(t1, t3, 2, 3, 6, 7));
}
#endif

// The variants the build ships: SIMD when NNPLAY_SIMD, else the scalar reference.
void gemm_bias_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w, const float* b,
                   float* z);
void gemm_tn_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* g, float* gw);
void gemm_nt_f32(std::size_t m, std::size_t k, std::size_t n, const float* g, const float* wt, float* gx,
                 const float* d = nullptr);
void column_sums_f32(std::size_t m, std::size_t n, const float* g, float* out);
void transpose_f32(std::size_t k, std::size_t n, const float* w, float* wt);

}  // namespace nnplay::kernels
