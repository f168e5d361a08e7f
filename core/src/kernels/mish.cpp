// mish: f(x) = x·tanh(softplus(x)); derivative with respect to the input x,
// f'(x) = tanh(sp) + x·σ(x)·sech²(sp), sp = softplus(x) = log(1 + e^x).
//
// Closed forms, so that no log, tanh or composition error piles up. With
// e = e^x: tanh(log(1 + e)) = n/(n + 2), n = e(e + 2) = (1 + e)² - 1, and
// sech²(sp) = 4(n + 1)/(n + 2)², which give
//   f  = x·n / (n + 2),   f' = e·N / (n + 2)²,
//   N  = 4(1 + x) + e·(6 + 4x) + 4e² + e³,   (n + 2)² = 4 + 8e + 8e² + 4e³ + e⁴.
// Scalar reference (float), from z = e^-|x|:
//   x <= 0 (e = z):  f  = xe - xe·c,  c = e(1+e)/((1+e)² + 1)  (tanh(sp) = e(1 - c))
//                    f' = e·N / (n + 2)², N and (n + 2)² by Horner in e
//   x >  0 (w = z):  f  = x - x·c,    c = 2w²/D, D = 1 + 2w(1 + w)  (tanh(sp) = 1 - c)
//                    f' = 1 - c·(1 - 2x(1 + w)/D)
// The forms "x minus a correction" keep the roundings of c small by c's own
// size; f' has a root at x = -1.1924 (f's minimum), where 4(1 + x) and 6 + 4x
// are exact (Sterbenz, x in [-2, -0.75]) so the cancellation costs ~2e-8
// absolute. x·e and e·N are formed as (m·h)·h, h = e^{x/2}, below x = -87
// (e subnormal while f, f' are still normal down to x = -91.8).
// SIMD variant: e^x from exp_split_f32x4_rr2_p6 (vmath.hpp), then the e-forms
// above in f64x2, where e^x for x in [-150, 89] neither underflows nor
// overflows, the cancellation at the root is harmless and one rounding to float
// ends the computation: error ~ the exp's own. Costs about as much as the
// select-heavy float version, and no per-lane branch.
//
// Saturation: x is clamped to >= -150 (f, f' are 0 to float beyond; the clamp
// keeps inf·0 out), and where it multiplies a power of e^-x, to <= 150; the
// vector exp clamps its argument to [-150, 89] (for x > 89, f = x and f' = 1
// to float). ±inf: f(+inf) = +inf, f(-inf) = -0; f'(+inf) = 1, f'(-inf) = -0.
// NaN gives NaN for f and f'.
//
// mish_f32_wasmsimd_rr2_p6_f64div, mish_deriv_f32_wasmsimd_rr2_p6_f64div: f32x4
// exp split, two f64x2 halves, one f64 division each.
// Measured (tests/activation_accuracy_test.cpp sweep, native and wasm alike):
// forward scalar 2.62 ulp, simd 1.05 ulp; derivative (ulp where the error is
// above 2^-24) scalar 4.99, simd 0.52. Every 65th float: forward scalar 2.81,
// simd 1.08 ulp; derivative scalar 5.14, simd 0.94 ulp where |f'| >= 1/16,
// and 1.6e-8 (scalar), 4.7e-9 (simd) absolute below (around the root).
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

void mish_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) {
    const float z = std::exp(-std::fabs(x[i]));
    const float b = 1.0f + z;
    if (x[i] > 0.0f) {
      const float c = 2.0f * z * z / (1.0f + 2.0f * z * b);
      y[i] = x[i] - std::fmin(x[i], 150.0f) * c;
    } else {
      const float c = z * b / (b * b + 1.0f);
      const float xe = mul_exp(std::fmax(x[i], -150.0f), x[i], z);
      y[i] = xe - xe * c;
    }
  }
}

void mish_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) {
    const float z = std::exp(-std::fabs(x[i]));
    if (x[i] > 0.0f) {
      const float b = 1.0f + z;
      const float d = 1.0f + 2.0f * z * b;
      const float c = 2.0f * z * z / d;
      y[i] = 1.0f - c * (1.0f - 2.0f * std::fmin(x[i], 150.0f) * b / d);
    } else {
      const float x4 = 4.0f * std::fmax(x[i], -150.0f);
      const float big_n = (4.0f + x4) + z * ((6.0f + x4) + z * (4.0f + z));
      const float d2 = 4.0f + z * (8.0f + z * (8.0f + z * (4.0f + z)));
      y[i] = mul_exp(big_n, x[i], z) / d2;
    }
  }
}

#if NNPLAY_SIMD
// Lanes 0-1 and 2-3 of a f32x4 as f64x2, and two f64x2 back into one f32x4.
v128_t f64_lo(v128_t v) { return wasm_f64x2_promote_low_f32x4(v); }
v128_t f64_hi(v128_t v) { return wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(v, v, 2, 3, 2, 3)); }
v128_t f32_join(v128_t lo, v128_t hi) {
  return wasm_i32x4_shuffle(wasm_f32x4_demote_f64x2_zero(lo), wasm_f32x4_demote_f64x2_zero(hi), 0, 1, 4, 5);
}
// e^x in double from the f32 split: (1 + q)·s1·s2 is exact in double.
v128_t exp_f64(v128_t q, v128_t s1, v128_t s2) {
  return wasm_f64x2_mul(wasm_f64x2_mul(wasm_f64x2_add(wasm_f64x2_splat(1.0), q), s1), s2);
}

// x·n/(n + 2), n = e(e + 2), on two lanes.
v128_t mish_f64x2(v128_t x, v128_t e) {
  const v128_t two = wasm_f64x2_splat(2.0);
  const v128_t n = wasm_f64x2_mul(e, wasm_f64x2_add(e, two));
  return wasm_f64x2_div(wasm_f64x2_mul(x, n), wasm_f64x2_add(n, two));
}

// e·N / (n + 2)², on two lanes.
v128_t mish_deriv_f64x2(v128_t x, v128_t e) {
  const v128_t four = wasm_f64x2_splat(4.0), eight = wasm_f64x2_splat(8.0);
  const v128_t x4 = wasm_f64x2_mul(four, x);
  v128_t big_n = wasm_f64x2_mul(e, wasm_f64x2_add(four, e));
  big_n = wasm_f64x2_mul(e, wasm_f64x2_add(wasm_f64x2_add(wasm_f64x2_splat(6.0), x4), big_n));
  big_n = wasm_f64x2_add(wasm_f64x2_add(four, x4), big_n);
  v128_t d2 = wasm_f64x2_mul(e, wasm_f64x2_add(four, e));
  d2 = wasm_f64x2_mul(e, wasm_f64x2_add(eight, d2));
  d2 = wasm_f64x2_mul(e, wasm_f64x2_add(eight, d2));
  d2 = wasm_f64x2_add(four, d2);
  return wasm_f64x2_div(wasm_f64x2_mul(e, big_n), d2);
}

template <class F64Op>
v128_t via_f64(v128_t xc, F64Op op) {
  const ExpSplit e = exp_split_f32x4_rr2_p6(xc);
  const v128_t lo = op(f64_lo(xc), exp_f64(f64_lo(e.q), f64_lo(e.s1), f64_lo(e.s2)));
  const v128_t hi = op(f64_hi(xc), exp_f64(f64_hi(e.q), f64_hi(e.s1), f64_hi(e.s2)));
  return f32_join(lo, hi);
}

void mish_f32_wasmsimd_rr2_p6_f64div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, [](v128_t v) {
    return via_f64(wasm_f32x4_pmax(v, wasm_f32x4_splat(-150.0f)), mish_f64x2);
  });
}

void mish_deriv_f32_wasmsimd_rr2_p6_f64div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, [](v128_t v) { return via_f64(clamp_f32x4(v, -150.0f, 150.0f), mish_deriv_f64x2); });
}
#endif

}  // namespace

const KernelSet kMishKernels = {
    mish_f32_scalar, mish_deriv_f32_scalar, NNPLAY_SIMD_KERNEL(mish_f32_wasmsimd_rr2_p6_f64div),
    NNPLAY_SIMD_KERNEL(mish_deriv_f32_wasmsimd_rr2_p6_f64div), "mish_f32_wasmsimd_rr2_p6_f64div",
    "mish_deriv_f32_wasmsimd_rr2_p6_f64div"};

}  // namespace nnplay::kernels
