#include "softmax_exp.hpp"

#include <cmath>
#include <cstring>

#include "vmath.hpp"

namespace nnplay::kernels {

float softmax_exp_f32_scalar(std::size_t n, const float* x, float shift, float* y) {
  float sum = 0.0f;
  for (std::size_t i = 0; i < n; ++i) {
    y[i] = std::exp(x[i] - shift);
    sum += y[i];
  }
  return sum;
}

#if NNPLAY_SIMD
float softmax_exp_f32_wasmsimd_rr2_p6(std::size_t n, const float* x, float shift, float* y) {
  const v128_t vshift = wasm_f32x4_splat(shift);
  v128_t acc = wasm_f32x4_splat(0.0f);
  for (; n >= 4; n -= 4, x += 4, y += 4) {
    const v128_t e = exp_f32x4_rr2_p6(wasm_f32x4_sub(wasm_v128_load(x), vshift));
    wasm_v128_store(y, e);
    acc = wasm_f32x4_add(acc, e);
  }
  float sum = (wasm_f32x4_extract_lane(acc, 0) + wasm_f32x4_extract_lane(acc, 1)) +
              (wasm_f32x4_extract_lane(acc, 2) + wasm_f32x4_extract_lane(acc, 3));
  if (n != 0) {
    // Pad with -inf: exp(-inf) = 0, so the padding adds nothing to the sum.
    float block[4] = {-INFINITY, -INFINITY, -INFINITY, -INFINITY};
    std::memcpy(block, x, n * sizeof(float));
    const v128_t e = exp_f32x4_rr2_p6(wasm_f32x4_sub(wasm_v128_load(block), vshift));
    wasm_v128_store(block, e);
    std::memcpy(y, block, n * sizeof(float));
    for (std::size_t i = 0; i < n; ++i) sum += block[i];
  }
  return sum;
}
#endif

float softmax_exp_f32(std::size_t n, const float* x, float shift, float* y) {
#if NNPLAY_SIMD
  return softmax_exp_f32_wasmsimd_rr2_p6(n, x, shift, y);
#else
  return softmax_exp_f32_scalar(n, x, shift, y);
#endif
}

}  // namespace nnplay::kernels
