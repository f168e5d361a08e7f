// gelu_tanh: y = x/2·(1 + tanh(u)), u = √(2/π)·(x + 0.044715·x³), and its
// derivative with respect to x.
//
// Stable form: 1 + tanh(u) = 2σ(2u), so with v = 2u = x·(A + B·x²), A = 2√(2/π),
// B = 0.044715·A, and z = e^{-|v|} ∈ (0, 1] (v has the sign of x):
//   y  = x·σ(v) = x·z/(1 + z) for x < 0, x/(1 + z) for x >= 0   (no cancellation)
//   y' = σ(v) + x·v'·σ(v)σ(-v) = σ(v)·(1 + x·v'·σ(-v)),  v' = A + 3B·x²
//      = z·(1 + z + x·v')/(1 + z)² for x < 0,  (1 + z + x·v'·z)/(1 + z)² for x >= 0
// y' has a root at x = -0.75 and, near x = -1.2, 1 + z + x·v' cancels about
// twofold, which float rounding turns into ~9 ulp (measured); the algebra
// after the exp is therefore done in double (f64x2 lanes in SIMD).
//
// The exp argument: y is a normal float down to x = -10.1, where v = -90.5, and
// rounding v to float costs 2^-24·|v| relative (~90 ulp there). The scalar code
// evaluates v in double (x² is exact) and calls the double exp. The SIMD
// forward evaluates v in f64x2 lanes and hands it to exp_split_f32x4_rr2_p6 as
// two floats hi + lo (lanes_f64.hpp, vmath.hpp); for x < 0 it forms x·z with
// mul_exp_f32x4, rounded once, so x·z stays accurate where z alone is
// subnormal (v < -87.3). The SIMD derivative rounds v to float: it needs only
// absolute accuracy where z is small, and the cancellation above does not
// amplify the error of z.
//
// No fitted coefficients: the only approximation is the exp (scripts/fit_exp.py).
//
// Saturation: x is clamped to ±12 before v is formed (|v(12)| = 142 and e^-142
// is 0): y = x for x >= 12, -0 for x <= -12; y' = 1 and 0. +inf -> +inf, -inf
// -> -0 (y' 1, 0); NaN -> NaN (comparisons and pmin/pmax with x first keep NaN).
//
// Measured (tests/activation_accuracy_test.cpp, identical native and wasm):
//   forward     scalar 0.50 ulp, SIMD 2.32 ulp (2.94 over every float with 0.001 <= |x| <= 15)
//   derivative  scalar 0.00 ulp, SIMD 0.73 ulp where the error exceeds 2^-24
//               (max absolute error 6.0e-8 and 8.7e-8; the bound is 8 ulp or 2^-24)
//
// gelu_tanh_f32_wasmsimd_rr2_p6_div: v in f64x2, exp with a two-part argument,
// one float division. The derivative: float exp, then one f64 division per two
// lanes.
#include <cmath>

#include "kernels.hpp"
#include "lanes_f64.hpp"
#include "map.hpp"
#include "vmath.hpp"

namespace nnplay::kernels {
namespace {

struct GeluTanh {
  static constexpr double kA = 0x1.9884533D43651p+0;  // 2√(2/π)
  static constexpr double kB = 0x1.2444F2A4D8B4Bp-4;  // 0.044715·2√(2/π)
  static constexpr double kB3 = 3.0 * kB;
  static constexpr float kCut = 12.0f;
};

inline float clamp_cut(float x) {  // NaN passes through
  using C = GeluTanh;
  return x < -C::kCut ? -C::kCut : (x > C::kCut ? C::kCut : x);
}

// v = 2u = x·(A + B·x²).
inline double twice_u(double x) { return x * (GeluTanh::kA + GeluTanh::kB * (x * x)); }

void gelu_tanh_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) {
    const double xc = clamp_cut(x[i]);
    const double z = std::exp(-std::fabs(twice_u(xc)));
    y[i] = static_cast<float>((x[i] < 0.0f ? xc * z : x[i]) / (1.0 + z));
  }
}

void gelu_tanh_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  using C = GeluTanh;
  for (std::size_t i = 0; i < n; ++i) {
    const double xc = clamp_cut(x[i]);
    const double z = std::exp(-std::fabs(twice_u(xc)));
    const double p = 1.0 + z;
    const double dv = xc * (C::kA + C::kB3 * (xc * xc));  // x·v'
    y[i] = static_cast<float>((x[i] < 0.0f ? z * (p + dv) : p + dv * z) / (p * p));
  }
}

#if NNPLAY_SIMD
inline v128_t twice_u_f64x2(v128_t d) {
  using C = GeluTanh;
  const v128_t b_sq = wasm_f64x2_mul(wasm_f64x2_splat(C::kB), wasm_f64x2_mul(d, d));
  return wasm_f64x2_mul(d, wasm_f64x2_add(wasm_f64x2_splat(C::kA), b_sq));
}

// -|v| for x in two f64x2 (v is odd in x), as the float pair for the exp.
inline FloatPair minus_abs_v(v128_t x0, v128_t x1) {
  return split_f32x4(twice_u_f64x2(wasm_f64x2_neg(wasm_f64x2_abs(x0))),
                     twice_u_f64x2(wasm_f64x2_neg(wasm_f64x2_abs(x1))));
}

void gelu_tanh_f32_wasmsimd_rr2_p6_div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  using C = GeluTanh;
  map_f32x4(n, x, y, [](v128_t v) {
    const v128_t xc = wasm_f32x4_pmax(v, wasm_f32x4_splat(-C::kCut));  // y = x beyond +kCut
    const v128_t xcc = wasm_f32x4_pmin(xc, wasm_f32x4_splat(C::kCut));
    const FloatPair w = minus_abs_v(promote_lo_f64x2(xcc), promote_hi_f64x2(xcc));
    const ExpSplit z = exp_split_f32x4_rr2_p6(w.hi, w.lo);
    const v128_t neg = wasm_f32x4_lt(v, wasm_f32x4_splat(0.0f));
    const v128_t num = wasm_v128_bitselect(mul_exp_f32x4(xc, z), xc, neg);  // x·z rounded once
    return wasm_f32x4_div(num, wasm_f32x4_add(wasm_f32x4_splat(1.0f), exp_f32x4(z)));
  });
}

// y' = s·(p + x·v'·t)/p² in two f64 lanes, with (s, t) = (z, 1) for x < 0 and
// (1, z) for x >= 0 (selected in float lanes), p = 1 + z = s + t.
inline v128_t gelu_tanh_deriv_f64x2(v128_t x, v128_t s, v128_t t) {
  using C = GeluTanh;
  const v128_t p = wasm_f64x2_add(s, t);
  const v128_t b3_sq = wasm_f64x2_mul(wasm_f64x2_splat(C::kB3), wasm_f64x2_mul(x, x));
  const v128_t dv = wasm_f64x2_mul(x, wasm_f64x2_add(wasm_f64x2_splat(C::kA), b3_sq));  // x·v'
  const v128_t bracket = wasm_f64x2_add(p, wasm_f64x2_mul(dv, t));
  return wasm_f64x2_div(wasm_f64x2_mul(s, bracket), wasm_f64x2_mul(p, p));
}

void gelu_tanh_deriv_f32_wasmsimd_rr2_p6_div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  using C = GeluTanh;
  map_f32x4(n, x, y, [](v128_t v) {
    const v128_t xc = clamp_f32x4(v, -C::kCut, C::kCut);
    // z to float accuracy (argument rounded) suffices here: the cancellation
    // near x = -1.2 amplifies the error of x·v', not that of z.
    const v128_t sq = wasm_f32x4_mul(xc, xc);
    const v128_t b_sq = wasm_f32x4_mul(wasm_f32x4_splat(static_cast<float>(C::kB)), sq);
    const v128_t w = wasm_f32x4_mul(xc, wasm_f32x4_add(wasm_f32x4_splat(static_cast<float>(C::kA)), b_sq));
    const v128_t z = exp_f32x4_rr2_p6(wasm_f32x4_neg(wasm_f32x4_abs(w)));
    const v128_t one = wasm_f32x4_splat(1.0f);
    const v128_t neg = wasm_f32x4_lt(v, wasm_f32x4_splat(0.0f));
    const v128_t s = wasm_v128_bitselect(z, one, neg);
    const v128_t t = wasm_v128_bitselect(one, z, neg);
    return demote_join_f32x4(
        gelu_tanh_deriv_f64x2(promote_lo_f64x2(xc), promote_lo_f64x2(s), promote_lo_f64x2(t)),
        gelu_tanh_deriv_f64x2(promote_hi_f64x2(xc), promote_hi_f64x2(s), promote_hi_f64x2(t)));
  });
}
#endif

}  // namespace

const KernelSet kGeluTanhKernels = {
    gelu_tanh_f32_scalar, gelu_tanh_deriv_f32_scalar,
    NNPLAY_SIMD_KERNEL(gelu_tanh_f32_wasmsimd_rr2_p6_div),
    NNPLAY_SIMD_KERNEL(gelu_tanh_deriv_f32_wasmsimd_rr2_p6_div), "gelu_tanh_f32_wasmsimd_rr2_p6_div",
    "gelu_tanh_deriv_f32_wasmsimd_rr2_p6_div"};

}  // namespace nnplay::kernels
