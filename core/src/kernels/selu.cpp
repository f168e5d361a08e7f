// selu: f(x) = λ·x for x > 0, λα·(e^x - 1) otherwise; derivative with respect
// to the input x, f'(x) = λ for x > 0, λα·e^x otherwise (f'(0) = λα). λ and α
// are SELU's fixed constants (Klambauer et al. 2017):
//   λ = 1.0507009873554805, α = 1.6732632423543772.
//
// λα is one float constant, 0x1.c212ccp+0 (relative error 1.3e-8 = 0.22·2^-24),
// so the negative side is one rounding of the expm1 result (λ·(α·...) in two
// steps would add a second rounding). λ rounds to 0x1.0cfabep+0 (0.56·2^-24).
// e^x - 1 comes from expm1, never exp(x) - 1. λα·e^x in the SIMD derivative is
// formed by mul_exp_f32x4 (vmath.hpp), rounded into the subnormal range once.
//
// The SIMD forward is λ·max(x, 0) + λα·expm1(min(x, 0)): one of the two terms
// is exactly 0, so there is no select, and expm1 only ever sees x <= 0.
//
// Saturation: none needed (the vector expm1 clamps at -18, where e^x - 1 is -1
// to float; the derivative clamps x at -150, where e^x is 0, and lanes with
// x > 89 overflow the unclamped exp and are dropped by the select).
// ±inf: f(+inf) = +inf, f(-inf) = -λα; f'(+inf) = λ, f'(-inf) = 0. NaN gives
// NaN for f and f'.
//
// selu_f32_wasmsimd_expm1: expm1_neg_f32x4_rr1_p6 (vmath.hpp), no select, no
// division. selu_deriv_f32_wasmsimd_rr2_p6: λα·e^x by exp_split_nc_f32x4_rr2_p6
// and mul_exp_f32x4, and a select.
// Measured (tests/activation_accuracy_test.cpp sweep, native and wasm alike):
// forward scalar 1.72 ulp, simd 1.74 ulp; derivative (ulp where the error is
// above 2^-24) scalar 1.53, simd 1.04. Every 65th float: forward scalar 1.79,
// simd 1.82 ulp; derivative scalar 1.59, simd 1.26 ulp.
#include <cmath>

#include "kernels.hpp"
#include "map.hpp"
#include "vmath.hpp"

namespace nnplay::kernels {
namespace {

constexpr float kLambda = 0x1.0cfabep+0f;        // 1.0507009873554805
constexpr float kLambdaAlpha = 0x1.c212ccp+0f;   // 1.0507009873554805 · 1.6732632423543772

void selu_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i)
    y[i] = x[i] > 0.0f ? kLambda * x[i] : kLambdaAlpha * std::expm1(x[i]);
}

void selu_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i)
    y[i] = x[i] > 0.0f ? kLambda : kLambdaAlpha * std::exp(x[i]);
}

#if NNPLAY_SIMD
void selu_f32_wasmsimd_expm1(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, [](v128_t v) {
    // λ·max(x, 0) + λα·expm1(min(x, 0)): one side is exactly 0, so no select.
    const v128_t zero = wasm_f32x4_splat(0.0f);
    const v128_t pos = wasm_f32x4_mul(wasm_f32x4_splat(kLambda), wasm_f32x4_pmax(v, zero));
    const v128_t em = expm1_neg_f32x4_rr1_p6(wasm_f32x4_pmin(v, zero));
    return wasm_f32x4_add(pos, wasm_f32x4_mul(wasm_f32x4_splat(kLambdaAlpha), em));
  });
}

void selu_deriv_f32_wasmsimd_rr2_p6(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, [](v128_t v) {
    // Lanes with x > 89 get garbage from the unclamped split; the select drops them.
    const v128_t t = wasm_f32x4_pmax(v, wasm_f32x4_splat(-150.0f));
    const v128_t neg = mul_exp_f32x4(wasm_f32x4_splat(kLambdaAlpha), exp_split_nc_f32x4_rr2_p6(t));
    return wasm_v128_bitselect(wasm_f32x4_splat(kLambda), neg, wasm_f32x4_gt(v, wasm_f32x4_splat(0.0f)));
  });
}
#endif

}  // namespace

const KernelSet kSeluKernels = {
    selu_f32_scalar, selu_deriv_f32_scalar, NNPLAY_SIMD_KERNEL(selu_f32_wasmsimd_expm1),
    NNPLAY_SIMD_KERNEL(selu_deriv_f32_wasmsimd_rr2_p6), "selu_f32_wasmsimd_expm1",
    "selu_deriv_f32_wasmsimd_rr2_p6"};

}  // namespace nnplay::kernels
