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
// around the exp is therefore done in double.
//
// The exp argument: y is a normal float down to x = -10.1, where v = -90.5, and
// rounding v to float costs 2^-24·|v| relative (~90 ulp there). v is evaluated in
// double (x² is exact in double) and passed to the exp unrounded: the scalar
// code calls the double exp; the SIMD code evaluates v in f64x2 lanes and hands
// it to exp_f32x4_rr2_p6(hi, lo) as two floats (lanes_f64.hpp, vmath.hpp). For
// x < 0 the SIMD forward forms x·z with mul_exp_f32x4, rounded once, so it stays
// accurate where z alone is subnormal (v < -87.3).
//
// No fitted coefficients: the only approximation is the exp (scripts/fit_exp.py).
//
// Saturation: x is clamped to ±12 before v is formed (|v(12)| = 142 and e^-142
// is 0): y = x for x >= 12, -0 for x <= -12; y' = 1 and 0. +inf -> +inf, -inf
// -> -0 (y' 1, 0); NaN -> NaN (comparisons and pmin/pmax with x first keep NaN).
//
// Measured (tests/activation_accuracy_test.cpp, identical native and wasm):
//   forward     scalar 0.50 ulp, SIMD 2.32 ulp (2.79 over every 5th float in [-15, 15])
//   derivative  scalar 0.00 ulp, SIMD 0.54 ulp where the error exceeds 2^-24
//               (max absolute error 6.0e-8 and 6.5e-8; the bound is 8 ulp or 2^-24)
//
// gelu_tanh_f32_wasmsimd_rr2_p6_div: v in f64x2, exp_f32x4_rr2_p6 with a
// two-part argument, one float division (the derivative: one f64 division per
// two lanes).
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

// y' in two f64 lanes from x and z = e^{-|v|}.
inline v128_t gelu_tanh_deriv_f64x2(v128_t x, v128_t z) {
  using C = GeluTanh;
  const v128_t one = wasm_f64x2_splat(1.0);
  const v128_t p = wasm_f64x2_add(one, z);
  const v128_t neg = wasm_f64x2_lt(x, wasm_f64x2_splat(0.0));
  const v128_t b3_sq = wasm_f64x2_mul(wasm_f64x2_splat(C::kB3), wasm_f64x2_mul(x, x));
  const v128_t dv = wasm_f64x2_mul(x, wasm_f64x2_add(wasm_f64x2_splat(C::kA), b3_sq));  // x·v'
  const v128_t bracket = wasm_f64x2_add(p, wasm_f64x2_mul(dv, wasm_v128_bitselect(one, z, neg)));
  return wasm_f64x2_div(wasm_f64x2_mul(wasm_v128_bitselect(z, one, neg), bracket), wasm_f64x2_mul(p, p));
}

void gelu_tanh_deriv_f32_wasmsimd_rr2_p6_div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  using C = GeluTanh;
  map_f32x4(n, x, y, [](v128_t v) {
    const v128_t xc = clamp_f32x4(v, -C::kCut, C::kCut);
    const v128_t x0 = promote_lo_f64x2(xc);
    const v128_t x1 = promote_hi_f64x2(xc);
    const FloatPair w = minus_abs_v(x0, x1);
    const v128_t z = exp_f32x4_rr2_p6(w.hi, w.lo);
    return demote_join_f32x4(gelu_tanh_deriv_f64x2(x0, promote_lo_f64x2(z)),
                             gelu_tanh_deriv_f64x2(x1, promote_hi_f64x2(z)));
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
