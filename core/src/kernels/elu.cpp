// elu: f(x) = x for x > 0, α·(e^x - 1) otherwise; derivative with respect to
// the input x, f'(x) = 1 for x > 0, α·e^x otherwise (so f'(0) = α, the
// convention of the oracle). α = args.alpha (ELU's scale, default 1).
//
// e^x - 1 comes from expm1, never from exp(x) - 1, which cancels near 0.
// α·e^x in the SIMD derivative is formed by mul_exp_f32x4 (vmath.hpp), which
// rounds into the subnormal range only once, at the end: α·e^x stays accurate
// where e^x alone is subnormal (x just below -87.3 with α > 1).
//
// The SIMD forward is max(x, 0) + α·expm1(min(x, 0)): one of the two terms is
// exactly 0, so there is no select, and expm1 only ever sees x <= 0.
//
// Saturation: none needed. The vector expm1 clamps its argument at -18, where
// e^x - 1 is -1 to float; the derivative clamps x at -150, where e^x is 0
// (lanes with x > 89 overflow the unclamped exp, and the select drops them).
// ±inf: f(+inf) = +inf, f(-inf) = -α; f'(+inf) = 1, f'(-inf) = 0. NaN gives NaN
// for f and f' (x > 0 is false, and expm1/exp of NaN is NaN).
//
// elu_f32_wasmsimd_expm1: expm1_neg_f32x4_rr1_p6 (vmath.hpp: x <= 0, one-
// constant range reduction, degree-6 polynomial), no select, no division.
// elu_deriv_f32_wasmsimd_rr2_p6: α·e^x by exp_split_nc_f32x4_rr2_p6 and
// mul_exp_f32x4, and a select.
// Measured (tests/activation_accuracy_test.cpp sweep, α = 1 and 2, native and
// wasm alike): forward scalar 0.75 ulp, simd 1.06 ulp; derivative (ulp where
// the error is above 2^-24) scalar 0.50, simd 0.83. Every 65th float, α up to
// 5: forward scalar 1.44, simd 1.69 ulp; derivative scalar 2.50 (a subnormal
// e^x times 5, x = -88.9), simd 1.28 ulp.
// Flops per element: forward 24, derivative 23.
//   f: pmin, expm1_neg (20, see tanh.cpp), α·, pmax, add.
//   f': pmax, exp_split_nc 18, mul_exp ((m + m·q)·s1·s2) 4.
#include <cmath>

#include "kernels.hpp"
#include "map.hpp"
#include "vmath.hpp"

namespace nnplay::kernels {
namespace {

void elu_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs& a) {
  for (std::size_t i = 0; i < n; ++i) y[i] = x[i] > 0.0f ? x[i] : a.alpha * std::expm1(x[i]);
}

void elu_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs& a) {
  for (std::size_t i = 0; i < n; ++i) y[i] = x[i] > 0.0f ? 1.0f : a.alpha * std::exp(x[i]);
}

#if NNPLAY_SIMD
void elu_f32_wasmsimd_expm1(std::size_t n, const float* x, float* y, const KernelArgs& a) {
  const v128_t alpha = wasm_f32x4_splat(a.alpha);
  map_f32x4(n, x, y, [alpha](v128_t v) {
    // max(x, 0) + α·expm1(min(x, 0)): one side is exactly 0, so no select.
    const v128_t zero = wasm_f32x4_splat(0.0f);
    const v128_t neg = wasm_f32x4_mul(alpha, expm1_neg_f32x4_rr1_p6(wasm_f32x4_pmin(v, zero)));
    return wasm_f32x4_add(wasm_f32x4_pmax(v, zero), neg);
  });
}

void elu_deriv_f32_wasmsimd_rr2_p6(std::size_t n, const float* x, float* y, const KernelArgs& a) {
  const v128_t alpha = wasm_f32x4_splat(a.alpha);
  map_f32x4(n, x, y, [alpha](v128_t v) {
    // Lanes with x > 89 get garbage from the unclamped split; the select drops them.
    const v128_t t = wasm_f32x4_pmax(v, wasm_f32x4_splat(-150.0f));
    const v128_t neg = mul_exp_f32x4(alpha, exp_split_nc_f32x4_rr2_p6(t));
    return wasm_v128_bitselect(wasm_f32x4_splat(1.0f), neg, wasm_f32x4_gt(v, wasm_f32x4_splat(0.0f)));
  });
}
#endif

}  // namespace

const KernelSet kEluKernels = {
    elu_f32_scalar, elu_deriv_f32_scalar, NNPLAY_SIMD_KERNEL(elu_f32_wasmsimd_expm1),
    NNPLAY_SIMD_KERNEL(elu_deriv_f32_wasmsimd_rr2_p6), "elu_f32_wasmsimd_expm1",
    "elu_deriv_f32_wasmsimd_rr2_p6"};

}  // namespace nnplay::kernels
