// leaky_relu: f(x) = x for x > 0, alpha·x otherwise; f'(x) = 1 for x > 0,
// alpha otherwise (so f'(0) = alpha). The same kernels serve prelu (alpha
// learned) and rrelu in evaluation (alpha = (lower + upper) / 2). NaN in gives
// NaN out for f and f'.
#include <cmath>

#include "kernels.hpp"
#include "map.hpp"

namespace nnplay::kernels {
namespace {

void leaky_relu_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs& a) {
  for (std::size_t i = 0; i < n; ++i) y[i] = x[i] > 0.0f ? x[i] : a.alpha * x[i];
}

void leaky_relu_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs& a) {
  for (std::size_t i = 0; i < n; ++i) y[i] = x[i] > 0.0f ? 1.0f : (std::isnan(x[i]) ? x[i] : a.alpha);
}

#if NNPLAY_SIMD
void leaky_relu_f32_wasmsimd(std::size_t n, const float* x, float* y, const KernelArgs& a) {
  const v128_t alpha = wasm_f32x4_splat(a.alpha);
  map_f32x4(n, x, y, [alpha](v128_t v) {
    return wasm_v128_bitselect(v, wasm_f32x4_mul(v, alpha), wasm_f32x4_gt(v, wasm_f32x4_splat(0.0f)));
  });
}

void leaky_relu_deriv_f32_wasmsimd(std::size_t n, const float* x, float* y, const KernelArgs& a) {
  const v128_t alpha = wasm_f32x4_splat(a.alpha);
  map_f32x4(n, x, y, [alpha](v128_t v) {
    const v128_t d = wasm_v128_bitselect(wasm_f32x4_splat(1.0f), alpha, wasm_f32x4_gt(v, wasm_f32x4_splat(0.0f)));
    return wasm_v128_bitselect(v, d, wasm_f32x4_ne(v, v));
  });
}
#endif

}  // namespace

const KernelSet kLeakyReluKernels = {
    leaky_relu_f32_scalar, leaky_relu_deriv_f32_scalar,
    NNPLAY_SIMD_KERNEL(leaky_relu_f32_wasmsimd), NNPLAY_SIMD_KERNEL(leaky_relu_deriv_f32_wasmsimd),
    "leaky_relu_f32_wasmsimd", "leaky_relu_deriv_f32_wasmsimd"};

void rrelu_train_f32_scalar(std::size_t n, const float* x, const float* slope, float* y) {
  for (std::size_t i = 0; i < n; ++i) y[i] = x[i] > 0.0f ? x[i] : slope[i] * x[i];
}

void prelu_alpha_grad_f32_scalar(std::size_t n, const float* x, float* grad_alpha) {
  for (std::size_t i = 0; i < n; ++i) grad_alpha[i] = x[i] > 0.0f ? 0.0f : x[i];
}

}  // namespace nnplay::kernels
