// swish (SiLU): f(x) = x·σ(x); derivative with respect to the input x,
// f'(x) = σ(x) + x·σ(x)·σ(-x).
//
// Both from z = e^-|x| in (0, 1], which never overflows (as in sigmoid.cpp):
//   f(x)  = x / (1 + z)                 for x >= 0,   x·z / (1 + z)        for x < 0
//   f'(x) = (1 + z·(1 + x)) / (1 + z)²  for x >= 0,   z·((1 + x) + z) / (1 + z)²  for x < 0
// f' has a root at x = -1.2785 (f's minimum). σ(x)(1 + x·σ(-x)) cancels there
// to an absolute error near 2^-24; in z·((1 + x) + z), 1 + x is exact for x in
// [-2, -0.5] and z = 0.28 carries only its own rounding, so the cancellation
// stays far below 2^-24 absolute.
// x·z and z·(1 + x + z) are formed as m·e^x with one rounding into the
// subnormal range (mul_exp_f32x4 in vmath.hpp; scalar: (m·h)·h, h = e^{x/2}):
// between x = -87.3 and -91.8, z is subnormal while f and f' are still normal.
//
// The SIMD forward needs no select: with t = max(-|x|, -150), the numerator is
// max(x, t·z) (t·z <= 0 <= x for x >= 0, x·z > x for x < 0).
//
// Saturation: x is clamped to [-150, 150] wherever it multiplies z (x·z is 0
// to float beyond, and the clamp keeps inf·0 out), and so is the exp argument.
// ±inf: f(+inf) = +inf, f(-inf) = -0; f'(+inf) = 1, f'(-inf) = -0. NaN gives
// NaN for f and f'.
//
// swish_f32_wasmsimd_rr2_p6_div, swish_deriv_f32_wasmsimd_rr2_p6_div: z by
// exp_split_nc_f32x4_rr2_p6 (vmath.hpp), one division; the derivative selects
// between its two numerators.
// Measured (tests/activation_accuracy_test.cpp sweep, native and wasm alike):
// forward scalar 2.66 ulp, simd 2.13 ulp; derivative (ulp where the error is
// above 2^-24) scalar 3.28, simd 3.19. Every 65th float: forward scalar 2.87,
// simd 2.45 ulp; derivative scalar 4.43, simd 4.11 ulp where |f'| >= 1/16, and
// 1.7e-8 absolute below (around the root).
// Flops per element: forward 29, derivative 34.
//   f: pmax, exp_split_nc 18 (see tanh.cpp), mul_exp 4, pmax, exp 3, 1 + z, div.
//   f': clamp 2, exp_split_nc 18, exp 3, 1 + x, a + z and mul_exp 5, 1 + z·a 2,
//   1 + z, d·d, div.
#include <cmath>

#include "kernels.hpp"
#include "map.hpp"
#include "vmath.hpp"

namespace nnplay::kernels {
namespace {

// m·e^x for x <= 0, given z = e^x. Below x = -87 z is subnormal (or nearly),
// so m·e^x is formed as (m·h)·h with h = e^{x/2} instead. NaN x gives NaN.
float mul_exp(float m, float x, float z) {
  if (x >= -87.0f) return m * z;
  const float h = std::exp(0.5f * x);
  return (m * h) * h;
}

void swish_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) {
    const float z = std::exp(-std::fabs(x[i]));
    const float xz = mul_exp(std::fmax(x[i], -150.0f), x[i], z);
    y[i] = (x[i] >= 0.0f ? x[i] : xz) / (1.0f + z);
  }
}

void swish_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) {
    const float z = std::exp(-std::fabs(x[i]));
    const float d = 1.0f + z;
    const float a = 1.0f + std::fmin(std::fmax(x[i], -150.0f), 150.0f);  // 1 + x
    y[i] = (x[i] >= 0.0f ? 1.0f + z * a : mul_exp(a + z, x[i], z)) / (d * d);
  }
}

#if NNPLAY_SIMD
void swish_f32_wasmsimd_rr2_p6_div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, [](v128_t v) {
    // t = max(-|x|, -150) is x itself for x in [-150, 0].
    const v128_t t = wasm_f32x4_pmax(wasm_v128_or(v, wasm_f32x4_splat(-0.0f)), wasm_f32x4_splat(-150.0f));
    const ExpSplit e = exp_split_nc_f32x4_rr2_p6(t);  // z = e^t = e^-|x|
    // Numerator x for x >= 0, x·z for x < 0: t·z <= 0 <= x in the first case and
    // x·z > x in the second, so it is max(x, t·z) (x first: NaN stays NaN).
    const v128_t num = wasm_f32x4_pmax(v, mul_exp_f32x4(t, e));
    return wasm_f32x4_div(num, wasm_f32x4_add(wasm_f32x4_splat(1.0f), exp_f32x4(e)));
  });
}

void swish_deriv_f32_wasmsimd_rr2_p6_div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, [](v128_t v) {
    const v128_t one = wasm_f32x4_splat(1.0f);
    const v128_t xc = clamp_f32x4(v, -150.0f, 150.0f);
    const ExpSplit e = exp_split_nc_f32x4_rr2_p6(wasm_v128_or(xc, wasm_f32x4_splat(-0.0f)));  // e^-|x|
    const v128_t z = exp_f32x4(e);
    const v128_t a = wasm_f32x4_add(one, xc);  // 1 + x
    const v128_t neg = mul_exp_f32x4(wasm_f32x4_add(a, z), e);
    const v128_t pos = wasm_f32x4_add(one, wasm_f32x4_mul(z, a));
    const v128_t d = wasm_f32x4_add(one, z);
    const v128_t num = wasm_v128_bitselect(neg, pos, wasm_f32x4_lt(v, wasm_f32x4_splat(0.0f)));
    return wasm_f32x4_div(num, wasm_f32x4_mul(d, d));
  });
}
#endif

}  // namespace

const KernelSet kSwishKernels = {
    swish_f32_scalar, swish_deriv_f32_scalar, NNPLAY_SIMD_KERNEL(swish_f32_wasmsimd_rr2_p6_div),
    NNPLAY_SIMD_KERNEL(swish_deriv_f32_wasmsimd_rr2_p6_div), "swish_f32_wasmsimd_rr2_p6_div",
    "swish_deriv_f32_wasmsimd_rr2_p6_div"};

}  // namespace nnplay::kernels
