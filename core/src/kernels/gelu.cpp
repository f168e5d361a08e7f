// gelu (exact): y = x·Φ(x) = x/2·erfc(-x/√2), y' = Φ(x) + x·φ(x), with Φ the
// standard normal CDF and φ(x) = e^{-x²/2}/√(2π) its density.
//
// Stable form: with u = |x| and h(u) = e^{u²/2}·Φ(-u) (= erfcx(u/√2)/2, smooth,
// h(0) = 1/2, h(u) ~ 1/(u√(2π))), Φ(-u) = e^{-u²/2}·h(u), so
//   y  = x·e^{-u²/2}·h(u) for x < 0,  x·(1 - e^{-u²/2}·h(u)) for x >= 0
//   y' = e^{-u²/2}·(h(u) - u/√(2π)) for x < 0,  1 - that for x >= 0
// Neither cancels: the subtracted terms are <= 1/2 (y' near its root at
// x = -0.75 is held to the absolute bound).
//
// h(u) = (c1 + ... + c5 u⁴) / (1 + c6 u + ... + c10 u⁵) on [0, 13.5] (GELU is a
// normal float down to x = -13.15), c1 = 1/2 exactly (Φ(0) = 1/2); fitted by
// scripts/fit_normal_tail.py to relative error 0.09·2^-24. h and the products
// around it are evaluated in double (f64x2 lanes in SIMD): evaluated in float,
// the rational alone costs ~3 of the 4 ulp (measured 4.7 ulp for the forward).
//
// e^{-u²/2}: its argument must be exact to ~2^-30, since rounding u² costs
// 2^-24·u²/2 relative (~86 ulp at u = 13). The scalar code squares u in double
// (exact) and calls the double exp. The SIMD code uses the float exp with a
// two-part argument: u² = sq + sq_lo exactly, with uh = u's top 12 bits (uh² is
// exact), ul = u - uh, sq_lo = (uh² - sq) + ul·(u + uh) (rounded below
// 2^-32·u²), then exp_neg_half_f32x4(sq, sq_lo) = e^{-(sq + sq_lo)/2}: the
// operations of exp_neg_f32x4_rr2_p6(-sq/2, -sq_lo/2) (vmath.hpp) with the -1/2
// folded into its constants, bit for bit the same result (one power of two, 0
// where e^{-u²/2} < FLT_MIN·0.72, i.e. u > 13.24; y = u·h(u)·e^{-u²/2} <
// 0.42·e^{-u²/2} is then below FLT_MIN too, and held to that absolute bound,
// while wherever y is normal e^{-u²/2} is normal). The SIMD derivative needs
// only absolute accuracy where e^{-u²/2} is small, so it rounds u² and skips
// the split.
//
// Saturation: |x| is clamped to 14.5 (e^{-14.5²/2} < 2^-150 is 0) by the scalar
// code and the SIMD derivative, to 13.25 by the SIMD forward (e^{-u²/2} is
// already 0 there, see kSimdCut): y = x above, ±0 below (-0 from the scalar code,
// +0 from SIMD); y' = 1 and 0. +inf -> +inf, -inf -> ±0 (y' 1, 0); NaN -> NaN
// (comparisons, and pmin/pmax with x first, keep NaN).
//
// Measured (tests/gelu_accuracy_test.cpp asserts the SIMD bounds,
// tests/activation_accuracy_test.cpp prints all; identical native and wasm):
//   forward     scalar 0.58 ulp; SIMD 1.61 ulp on the sweep (1.62 at stride 2^12 + 1), 1.82 on every 61st
//               float with 2^-30 <= |x| <= 15, 2.01 over every float there
//   derivative  scalar 0.50 ulp, SIMD 0.60 ulp (sweep; 0.62 dense) where the error
//               exceeds 2^-24 (max absolute error 6.0e-8 and 7.1e-8 (7.4e-8 dense);
//               the bound is 8 ulp or 2^-24)
//
// Flops per element: forward 52, derivative 53 (f64x2 lanes count as flops).
//   f (f32 part): pmax, pmin (|x| by a bit mask, not counted), u², u - uh, the
//   split square's low part 5, exp_neg_half 22 (n 3, t 5, Estrin in t 11 with
//   r = -t/2 1, (1 + q)·2^n 2); f64 part: the normal tail (degree-4 Horner 8,
//   monic degree-5 Horner 9, one division) 18, e·tail, u·g; in float again,
//   x⁺ - u·g.   f': clamp 2, x², ·(-½), exp_f32x4_rr2_p6 23; f64: abs, c·u,
//   tail 18, sub, e·, ½ + ½s, s·m, sub.
//
// gelu_f32_wasmsimd_rr2_p6_rat: exp_neg_half_f32x4 (two-part argument) times the
// rational h in f64x2 lanes (one f64 division per two lanes); u·Φ(-u) is
// rounded to float and subtracted there (x⁺ stays in float: two conversions
// and a shuffle fewer per vector, and at most half an ulp more). It maps two
// vectors at a time, twice per loop iteration (map_f32x4<2, 2>): in wasm under
// V8 a pair is the most that fits the registers (3 or 4 vectors at a time
// spill: 1.3× and 1.5× slower; 1 leaves too little independent work: 1.15×
// slower), and a second pair after the first one's stores halves the loop
// overhead (about 1 % faster).
#include <cmath>

#include "kernels.hpp"
#include "lanes_f64.hpp"
#include "map.hpp"
#include "vmath.hpp"

namespace nnplay::kernels {
namespace {

struct NormalTail {
  static constexpr float kCut = 14.5f;  // e^{-kCut²/2} < 2^-150
  static constexpr double kInvSqrt2Pi = 0x1.9884533D43651p-2;  // 1/√(2π)
  // h(u) = (c1 + c2 u + c3 u² + c4 u³ + c5 u⁴) / (1 + c6 u + c7 u² + c8 u³ + c9 u⁴ + c10 u⁵)
  static constexpr double c1 = 0x1p-1;
  static constexpr double c2 = 0x1.BDED9D81AF535p-2;
  static constexpr double c3 = 0x1.72F1F86A835ECp-3;
  static constexpr double c4 = 0x1.46FD0F1BE319Cp-5;
  static constexpr double c5 = 0x1.06A76D7C01671p-8;
  static constexpr double c6 = 0x1.AB38FC7325DB6p+0;
  static constexpr double c7 = 0x1.319C17DDF336Ap+0;
  static constexpr double c8 = 0x1.DB076321C3A27p-2;
  static constexpr double c9 = 0x1.99D9722A13757p-4;
  static constexpr double c10 = 0x1.492EEFC04C5E1p-7;
};

// h(u) = e^{u²/2}·Φ(-u) for 0 <= u <= kCut.
inline double normal_tail_scaled(double u) {
  using C = NormalTail;
  const double p = C::c1 + u * (C::c2 + u * (C::c3 + u * (C::c4 + u * C::c5)));
  const double q = 1.0 + u * (C::c6 + u * (C::c7 + u * (C::c8 + u * (C::c9 + u * C::c10))));
  return p / q;
}

// Clamps to [-kCut, kCut]; NaN passes through (both comparisons are false).
inline float clamp_cut(float x) {
  using C = NormalTail;
  return x < -C::kCut ? -C::kCut : (x > C::kCut ? C::kCut : x);
}

void gelu_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) {
    const double u = std::fabs(clamp_cut(x[i]));
    const double g = std::exp(-0.5 * u * u) * normal_tail_scaled(u);  // Φ(-u); u² exact
    y[i] = static_cast<float>(x[i] < 0.0f ? -u * g : x[i] * (1.0 - g));
  }
}

void gelu_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  using C = NormalTail;
  for (std::size_t i = 0; i < n; ++i) {
    const double u = std::fabs(clamp_cut(x[i]));
    const double m = std::exp(-0.5 * u * u) * (normal_tail_scaled(u) - C::kInvSqrt2Pi * u);
    y[i] = static_cast<float>(x[i] < 0.0f ? m : 1.0 - m);
  }
}

#if NNPLAY_SIMD
// The SIMD forward clamps |x| here: e^{-u²/2} is 0 in float from u = 13.243
// on (exp_neg's cut, below), and kSimdCut² / 2 = 87.78 keeps the exponent
// n >= -127 without exp_neg's clamp.
constexpr float kSimdCut = 13.25f;

// The rounding constant of exp_neg_half_f32x4: 1.5·2^23 + 127 instead of
// vmath's 1.5·2^23. Adding it still rounds |t| < 2^22 to an integer (its ulp
// is 1), n = nb - it is exact, and nb's bits are those of 1.5·2^23 (which end
// in 23 zero bits) plus 127 + n, so nb << 23 is 2^n: one integer operation
// and one constant fewer than exp_scale_one_f32x4's subtract-then-shift. The
// constant is odd where vmath's is even, so a tie (t exactly halfway between
// integers) rounds to the other neighbour; the reduction is exact either way.
constexpr float kRoundBias127 = 0x1.8p23f + 127.0f;

// e^{-(sq + sq_lo)/2} for 0 <= sq <= kSimdCut² and |sq_lo| <= 2^-23·sq: the
// operations of exp_neg_f32x4_rr2_p6(-sq/2, -sq_lo/2) (vmath.hpp) with -1/2
// folded into the constants. The reduction is carried as t = -2r and the
// polynomial's coefficients are scaled by powers of two to match, so every
// rounding sees the same value times a power of two: the result is the same
// bit for bit but for the ties above, for one multiplication, the clamp and an
// integer operation fewer (checked over all 2^32 float inputs against the
// version with exp_neg_f32x4_rr2_p6 and the non-monic tail: the forward
// differs at 6 of them, by one ulp at five (x = -4.16, -9.60, -10.63, -11.57,
// -12.49; all within 0.7 ulp of GELU either way) and at x = -13.2398, where
// y = -3.1e-39 becomes +0, as it is for every x below -13.24).
inline v128_t exp_neg_half_f32x4(v128_t sq, v128_t sq_lo) {
  using C = ExpConstants;
  const auto mul = [](v128_t a, float c) { return wasm_f32x4_mul(a, wasm_f32x4_splat(c)); };
  const auto add = [](v128_t a, float c) { return wasm_f32x4_add(a, wasm_f32x4_splat(c)); };
  const v128_t nb = add(mul(sq, -0.5f * C::kLog2e), kRoundBias127);
  const v128_t n = wasm_f32x4_sub(nb, wasm_f32x4_splat(kRoundBias127));
  v128_t t = wasm_f32x4_add(sq, mul(n, 2.0f * C::kLn2Hi));  // exact, as x - n·ln2_hi is
  t = wasm_f32x4_add(t, sq_lo);
  t = wasm_f32x4_add(t, mul(n, 2.0f * C::kLn2Lo));
  // Estrin as expm1_reduced_estrin_f32x4: t2 = 4r², lo = (c2 + c3 r)/4,
  // hi = (c4 + c5 r + c6 r²)/16, q = lo + t2·hi = (c2 + ... + c6 r⁴)/4.
  const v128_t t2 = wasm_f32x4_mul(t, t);
  const v128_t lo = add(mul(t, -C::c3 / 8), C::c2 / 4);
  const v128_t hi = wasm_f32x4_add(add(mul(t, -C::c5 / 32), C::c4 / 16), mul(t2, C::c6 / 64));
  const v128_t q = wasm_f32x4_add(lo, wasm_f32x4_mul(t2, hi));
  const v128_t p = wasm_f32x4_add(mul(t, -0.5f), wasm_f32x4_mul(t2, q));  // r + r²·(c2 + ...)
  return wasm_f32x4_mul(wasm_f32x4_add(wasm_f32x4_splat(1.0f), p), wasm_i32x4_shl(nb, 23));  // (1 + p)·2^n
}

// h(u) as p̃(u)/q̃(u) with both divided by c10, so that q̃ is monic (one
// multiplication fewer; the quotient differs from p/q by a few 2^-53).
struct MonicTail {
  using C = NormalTail;
  static constexpr double p0 = C::c1 / C::c10, p1 = C::c2 / C::c10, p2 = C::c3 / C::c10;
  static constexpr double p3 = C::c4 / C::c10, p4 = C::c5 / C::c10;
  static constexpr double q0 = 1.0 / C::c10, q1 = C::c6 / C::c10, q2 = C::c7 / C::c10;
  static constexpr double q3 = C::c8 / C::c10, q4 = C::c9 / C::c10;
};

inline v128_t normal_tail_scaled_f64x2(v128_t u) {
  using M = MonicTail;
  const auto step = [&u](double c, v128_t acc) {
    return wasm_f64x2_add(wasm_f64x2_splat(c), wasm_f64x2_mul(u, acc));
  };
  const v128_t p = step(M::p0, step(M::p1, step(M::p2, step(M::p3, wasm_f64x2_splat(M::p4)))));
  const v128_t q = step(M::q0, step(M::q1, step(M::q2, step(M::q3, wasm_f64x2_add(u, wasm_f64x2_splat(M::q4))))));
  return wasm_f64x2_div(p, q);
}

// u·Φ(-u) in two f64 lanes from u = |x| (clamped) and e = e^{-u²/2}.
inline v128_t u_tail_f64x2(v128_t u, v128_t e) {
  return wasm_f64x2_mul(u, wasm_f64x2_mul(e, normal_tail_scaled_f64x2(u)));
}

void gelu_f32_wasmsimd_rr2_p6_rat(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4<2, 2>(n, x, y, [](v128_t v) {
    const v128_t x_pos = wasm_f32x4_pmax(v, wasm_f32x4_splat(0.0f));  // NaN and +inf stay
    // |x| by its bits (one instruction where f32x4.abs takes three), then the
    // clamp; pmin keeps NaN.
    const v128_t u = wasm_f32x4_pmin(wasm_v128_and(v, wasm_i32x4_splat(0x7FFFFFFF)), wasm_f32x4_splat(kSimdCut));
    const v128_t sq = wasm_f32x4_mul(u, u);
    const v128_t uh = wasm_v128_and(u, wasm_i32x4_splat(~0xFFF));
    const v128_t ul = wasm_f32x4_sub(u, uh);
    const v128_t sq_lo = wasm_f32x4_add(wasm_f32x4_sub(wasm_f32x4_mul(uh, uh), sq),
                                        wasm_f32x4_mul(ul, wasm_f32x4_add(u, uh)));
    const v128_t e = exp_neg_half_f32x4(sq, sq_lo);
    // x·Φ(-u) for x < 0 and x - x·Φ(-u) for x >= 0 are both max(x, 0) - u·Φ(-u),
    // which needs no select; the subtraction is in float (u·Φ(-u) <= max(x, 0)/2
    // for x >= 0, so its rounding to float costs at most half an ulp of y).
    const v128_t ug = demote_join_f32x4(u_tail_f64x2(promote_lo_f64x2(u), promote_lo_f64x2(e)),
                                        u_tail_f64x2(promote_hi_f64x2(u), promote_hi_f64x2(e)));
    return wasm_f32x4_sub(x_pos, ug);
  });
}

// Φ(x) + x·φ(x) in two f64 lanes from x (clamped) and e = e^{-u²/2}: with
// m = e·(h(u) - u/√(2π)), y' = m for x < 0 and 1 - m for x >= 0, that is
// (1 + s)/2 - s·m with s = ±1 the sign of x (cheaper than a select on x < 0).
inline v128_t gelu_deriv_f64x2(v128_t xd, v128_t e) {
  const v128_t u = wasm_f64x2_abs(xd);
  const v128_t cu = wasm_f64x2_mul(wasm_f64x2_splat(NormalTail::kInvSqrt2Pi), u);
  const v128_t m = wasm_f64x2_mul(e, wasm_f64x2_sub(normal_tail_scaled_f64x2(u), cu));
  const v128_t half = wasm_f64x2_splat(0.5);
  const v128_t s = wasm_v128_or(wasm_v128_and(xd, wasm_f64x2_splat(-0.0)), wasm_f64x2_splat(1.0));
  return wasm_f64x2_sub(wasm_f64x2_add(half, wasm_f64x2_mul(half, s)), wasm_f64x2_mul(s, m));
}

void gelu_deriv_f32_wasmsimd_rr2_p6_rat(std::size_t n, const float* x, float* y, const KernelArgs&) {
  using C = NormalTail;
  map_f32x4<2>(n, x, y, [](v128_t v) {
    const v128_t xc = clamp_f32x4(v, -C::kCut, C::kCut);
    const v128_t e = exp_f32x4_rr2_p6(wasm_f32x4_mul(wasm_f32x4_mul(xc, xc), wasm_f32x4_splat(-0.5f)));
    return demote_join_f32x4(gelu_deriv_f64x2(promote_lo_f64x2(xc), promote_lo_f64x2(e)),
                             gelu_deriv_f64x2(promote_hi_f64x2(xc), promote_hi_f64x2(e)));
  });
}
#endif

}  // namespace

const KernelSet kGeluKernels = {
    gelu_f32_scalar, gelu_deriv_f32_scalar, NNPLAY_SIMD_KERNEL(gelu_f32_wasmsimd_rr2_p6_rat),
    NNPLAY_SIMD_KERNEL(gelu_deriv_f32_wasmsimd_rr2_p6_rat), "gelu_f32_wasmsimd_rr2_p6_rat",
    "gelu_deriv_f32_wasmsimd_rr2_p6_rat"};

}  // namespace nnplay::kernels
