// sigmoid: σ(x) = 1 / (1 + e^-x), σ'(x) = σ(x)·σ(-x).
//
// Both are evaluated from z = e^-|x| ∈ (0, 1], which never overflows and
// never cancels:
//   σ(x)  = 1 / (1 + z)   for x >= 0,     z / (1 + z) for x < 0
//   σ'(x) = z / (1 + z)²                  (σ(1-σ) would cancel for large x)
// Saturation: for |x| > 104, z = 0 and σ is exactly 0 or 1, σ' is 0 (the true
// σ' is below 2^-150 there). ±inf give 0/1 and σ' = 0; NaN gives NaN.
//
// sigmoid_f32_wasmsimd_rr2_p6_div (f), sigmoid_deriv_f32_wasmsimd_rr2_p6_div
// (f'): z by exp_neg_f32x4_rr2_p6 (vmath.hpp: one power of two, clamped at
// -87.5, where σ and z are below FLT_MIN and the bound is FLT_MIN absolute),
// one division. Measured error in tests/activation_accuracy_test.cpp.
// Flops per element: forward 23, derivative 24.
//   exp_neg: pmax 1, n (mul, add, sub) 3, r (two mul + sub) 4, Estrin
//   polynomial 11, (1 + q)·2^n 2 = 21 (-|x| is an or, not counted);
//   f: + 1 + z, div; f': + 1 + z, d·d, div.
#include <cmath>

#include "act_f32x4.hpp"
#include "kernels.hpp"
#include "map.hpp"
#include "vmath.hpp"

namespace nnplay::kernels {
namespace {

void sigmoid_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) {
    const float z = std::exp(-std::fabs(x[i]));
    y[i] = (x[i] < 0.0f ? z : 1.0f) / (1.0f + z);
  }
}

void sigmoid_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) {
    const float z = std::exp(-std::fabs(x[i]));
    const float d = 1.0f + z;
    y[i] = z / (d * d);
  }
}

#if NNPLAY_SIMD
void sigmoid_f32_wasmsimd_rr2_p6_div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, sigmoid_f32x4);
}

void sigmoid_deriv_f32_wasmsimd_rr2_p6_div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, [](v128_t v) {
    const v128_t z = exp_neg_f32x4_rr2_p6(wasm_v128_or(v, wasm_f32x4_splat(-0.0f)));  // e^{-|x|}
    const v128_t d = wasm_f32x4_add(wasm_f32x4_splat(1.0f), z);
    return wasm_f32x4_div(z, wasm_f32x4_mul(d, d));
  });
}
#endif

}  // namespace

const KernelSet kSigmoidKernels = {
    sigmoid_f32_scalar, sigmoid_deriv_f32_scalar,
    NNPLAY_SIMD_KERNEL(sigmoid_f32_wasmsimd_rr2_p6_div),
    NNPLAY_SIMD_KERNEL(sigmoid_deriv_f32_wasmsimd_rr2_p6_div), "sigmoid_f32_wasmsimd_rr2_p6_div",
    "sigmoid_deriv_f32_wasmsimd_rr2_p6_div"};

}  // namespace nnplay::kernels
