// Softmax over rows of up to kSoftmaxRows4MaxCols columns, four rows at a time
// (transposed so that a lane is a row).
// Flops per element: forward 27: max, x - m, exp_f32x4_rr2_p6 23 (clamp 2,
// split 18 by Horner, exp 3), the sum, ·(1/sum); the per-row m - m and the
// division (2 per row of 10) round to 0.
#include "softmax_rows.hpp"

#include <cmath>

#include "vmath.hpp"

namespace nnplay::kernels {

#if NNPLAY_SIMD
namespace {

// In-register 4×4 transpose: rows (a, b, c, d) become columns.
void transpose4(v128_t& a, v128_t& b, v128_t& c, v128_t& d) {
  const v128_t t0 = wasm_i32x4_shuffle(a, b, 0, 4, 1, 5);
  const v128_t t1 = wasm_i32x4_shuffle(a, b, 2, 6, 3, 7);
  const v128_t t2 = wasm_i32x4_shuffle(c, d, 0, 4, 1, 5);
  const v128_t t3 = wasm_i32x4_shuffle(c, d, 2, 6, 3, 7);
  a = wasm_i32x4_shuffle(t0, t2, 0, 1, 4, 5);
  b = wasm_i32x4_shuffle(t0, t2, 2, 3, 6, 7);
  c = wasm_i32x4_shuffle(t1, t3, 0, 1, 4, 5);
  d = wasm_i32x4_shuffle(t1, t3, 2, 3, 6, 7);
}

}  // namespace

bool softmax_rows4_f32_wasmsimd_rr2_p6(std::size_t cols, const float* z, float* p) {
  // Transpose into block[j] = (z[0][j], z[1][j], z[2][j], z[3][j]): four
  // columns at a time in registers, the last cols % 4 one by one.
  alignas(16) float block[kSoftmaxRows4MaxCols * 4];
  const std::size_t full = cols & ~std::size_t{3};
  for (std::size_t j = 0; j < full; j += 4) {
    v128_t a = wasm_v128_load(z + j), b = wasm_v128_load(z + cols + j);
    v128_t c = wasm_v128_load(z + 2 * cols + j), d = wasm_v128_load(z + 3 * cols + j);
    transpose4(a, b, c, d);
    wasm_v128_store(block + 4 * j, a);
    wasm_v128_store(block + 4 * j + 4, b);
    wasm_v128_store(block + 4 * j + 8, c);
    wasm_v128_store(block + 4 * j + 12, d);
  }
  for (std::size_t j = full; j < cols; ++j) {
    for (std::size_t r = 0; r < 4; ++r) block[4 * j + r] = z[r * cols + j];
  }
  // f32x4.max propagates NaN, so a NaN row shows up as a NaN maximum.
  v128_t m = wasm_f32x4_splat(-INFINITY);
  for (std::size_t j = 0; j < cols; ++j) m = wasm_f32x4_max(m, wasm_v128_load(block + 4 * j));
  // m - m is 0 exactly when m is finite (inf - inf and NaN give NaN).
  if (!wasm_i32x4_all_true(wasm_f32x4_eq(wasm_f32x4_sub(m, m), wasm_f32x4_splat(0.0f)))) return false;
  v128_t sum = wasm_f32x4_splat(0.0f);
  for (std::size_t j = 0; j < cols; ++j) {
    const v128_t e = exp_f32x4_rr2_p6(wasm_f32x4_sub(wasm_v128_load(block + 4 * j), m));
    wasm_v128_store(block + 4 * j, e);
    sum = wasm_f32x4_add(sum, e);
  }
  // sum >= 1 in every lane: the largest term is exp(0).
  const v128_t inv = wasm_f32x4_div(wasm_f32x4_splat(1.0f), sum);
  // Scale and transpose back, four columns at a time.
  for (std::size_t j = 0; j < full; j += 4) {
    v128_t a = wasm_f32x4_mul(wasm_v128_load(block + 4 * j), inv);
    v128_t b = wasm_f32x4_mul(wasm_v128_load(block + 4 * j + 4), inv);
    v128_t c = wasm_f32x4_mul(wasm_v128_load(block + 4 * j + 8), inv);
    v128_t d = wasm_f32x4_mul(wasm_v128_load(block + 4 * j + 12), inv);
    transpose4(a, b, c, d);
    wasm_v128_store(p + j, a);
    wasm_v128_store(p + cols + j, b);
    wasm_v128_store(p + 2 * cols + j, c);
    wasm_v128_store(p + 3 * cols + j, d);
  }
  for (std::size_t j = full; j < cols; ++j) {
    wasm_v128_store(block + 4 * j, wasm_f32x4_mul(wasm_v128_load(block + 4 * j), inv));
    for (std::size_t r = 0; r < 4; ++r) p[r * cols + j] = block[4 * j + r];
  }
  return true;
}
#endif

}  // namespace nnplay::kernels
