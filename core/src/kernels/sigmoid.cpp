// sigmoid: σ(x) = 1 / (1 + e^-x), σ'(x) = σ(x)·σ(-x).
//
// Scalar, and the SIMD derivative, from z = e^-|x| ∈ (0, 1], which never
// overflows and never cancels:
//   σ(x)  = 1 / (1 + z)   for x >= 0,     z / (1 + z) for x < 0
//   σ'(x) = z / (1 + z)²                  (σ(1-σ) would cancel for large x)
// The SIMD forward needs no select: with x clamped to [-87.5, 87.5] and
// e^-x = 2^n·(1 + p) (exp_reduced_f32x4_rr2_p6<true>, vmath.hpp: -x folded into
// the constants), σ = 2^-n / (2^-n + (1 + p)), 2^-n in [2^-126, 2^126] from the
// bits of the reduction. That is 1 / (1 + e^-x) scaled by a power of two, so it
// rounds exactly as that quotient would; 1 + e^-x rounds once, relative to the
// larger term, so nothing cancels for either sign.
// Saturation: SIMD: beyond ±87.5 σ is that of ±87.5: 1, or 1.0e-38 (the true
// value is below FLT_MIN there: within the FLT_MIN absolute bound); σ' is 0
// below -87.68 (exp_neg's z is 0 there). Scalar: z = 0 for |x| > 104, σ is 0 or 1.
// ±inf give those limits; NaN gives NaN (the clamps keep it).
//
// sigmoid_f32_wasmsimd_rr2_p6_div (f): as above, one division.
// sigmoid_deriv_f32_wasmsimd_rr2_p6_div (f'): z by exp_neg_f32x4_rr2_p6
// (vmath.hpp: one power of two, 0 below -87.68), one division.
// Measured (tests/activation_accuracy_test.cpp sweep): forward scalar 2.14 ulp,
// simd 1.98 ulp (every 65th float: 2.25 and 2.42); derivative 0 ulp where the
// error is above 2^-24 (max absolute error 3.9e-8), both.
// Flops per element: forward 23, derivative 24.
//   reduction: n (mul, add, sub) 3, r (two mul + add) 4, Estrin polynomial 11
//   = 18.  f: clamp 2, reduction 18, 1 + p, 2^-n + that, div (2^-n is integer
//   ops).  f': pmax 1, reduction 18, (1 + p)·2^n 2 (-|x| is an or, not
//   counted), 1 + z, d·d, div.
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
