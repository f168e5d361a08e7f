// Vector building blocks shared by the SIMD activation kernels: exp, expm1 and
// log1p on four float lanes. Only included where NNPLAY_SIMD is 1.
// tests/vmath_test.cpp sweeps each against a double reference, prints the
// measured maximum error and asserts the bound stated here.
//
// exp_f32x4_rr2_p6(x) = e^x
//   Range reduction (rr2): n = nearest(x·log2 e), r = x - n·ln2_hi - n·ln2_lo,
//   |r| <= ln2/2. ln2_hi has 15 significant bits, so n·ln2_hi is exact for
//   |n| <= 255 and x - n·ln2_hi is exact; ln2_lo carries the rest of ln 2.
//   n is rounded by adding and subtracting 1.5·2^23 (round to nearest even, the
//   same as f32x4.nearest), and the integer n is read from the bits of that
//   sum, which is cheaper in wasm than nearest + trunc_sat.
//   Polynomial (p6): e^r = 1 + r + r²·(c2 + c3 r + c4 r² + c5 r³ + c6 r⁴), a
//   Chebyshev fit of (e^r - 1 - r)/r² by scripts/fit_exp.py; fitted relative
//   error 9.7e-9 (0.16 ulp of 1) with the float coefficients.
//   Reconstruction: 2^n as two normal powers of two 2^(n>>1)·2^(n-(n>>1)), so
//   subnormal results and results near FLT_MAX come out right without a branch.
//   Inputs are clamped to [-150, 89]: below -104, e^x < 2^-150 rounds to 0;
//   above 88.73 the result overflows to +inf. NaN propagates (the clamps use
//   pmin/pmax with x first, which keep NaN).
//   Measured: <= 1.05 ulp over every float in [-150, 89] (0.98 on the test
//   sweep); below FLT_MIN <= 1 subnormal ulp.
//
// exp_f32x4_rr2_p6(hi, lo) = e^(hi + lo) for |lo| <= 2^-12·|hi| + tiny:
//   the same, with lo added after the exact step of the range reduction, so
//   that an argument known to more than float precision (such as -x²/2 split
//   into two floats) keeps its extra bits. lo is clamped to ±2^-5, which no
//   in-contract lo reaches where the result is neither 0 nor inf.
//   Measured: <= 1.5 ulp (hi = x, lo = x·2^-13 for finite x).
//
// exp_split_f32x4_rr2_p6(x), (hi, lo) = {q, s1, s2}: e^x = ((1 + q)·s1)·s2,
//   |q| <= 0.42, with the clamps above; exp_split_nc_f32x4_rr2_p6(x) is the same
//   without any clamp, for x in [-150, 89] or NaN (callers that clamp more
//   cheaply themselves: one side only, or once for several uses), and with the
//   polynomial by Estrin's scheme (fewer dependent steps: the kernels are bound
//   by latency as much as by throughput; 1.05 ulp as well).
// exp_f32x4(split) = e^x from a split (what exp_f32x4_rr2_p6 returns)
// mul_exp_f32x4(m, split) = m·e^x, formed as ((m + m·q)·s1)·s2
//   The same exp, stopped before 1 + q and the scaling: m + m·q rounds once
//   (m·(1 + q) would round twice), and m·e^x is rounded into the subnormal range
//   once, at the end, so it stays accurate where e^x alone is subnormal but
//   m·e^x is not (x·e^x near x = -90 in swish). Needs |m| <= 2^100; for
//   x = -150 and |m| <= 2^30 the product is ±0.
//   Measured: <= 1.46 ulp for normal results (m = x: every float in [-150, 0];
//   m = 5: test sweep 1.23).
//
// exp_neg_f32x4_rr2_p6(x) = e^x for x <= 0 where e^x is a normal float, else 0
//   The same reduction and polynomial (Estrin's scheme, as exp_split_nc), but
//   one power of two, 2^n built from n + 127 in the exponent bits: the argument
//   is clamped below at -88, so n >= -127, and n = -127 (x below -87.68, where
//   e^x < 0.72·FLT_MIN) gives exponent bits 0, i.e. 2^n = +0 and the result
//   +0, within FLT_MIN of the true value; -inf gives 0. (1 + q)·2^n needs no
//   second scale and no upper clamp. NaN propagates (pmax keeps it). For
//   callers whose result is ≤ 1 and is judged in ulps only where it is normal
//   (sigmoid', softmax): 3 operations fewer than exp_f32x4_rr2_p6, and one
//   side of the clamp.
//   Measured: <= 1.05 ulp over every float in [-87.3, 0] (bound asserted: 1.1).
//   exp_neg_f32x4_rr2_p6(hi, lo) = e^(hi + lo), hi <= 0, |lo| <= 2^-5, the low
//   part as in exp_f32x4_rr2_p6(hi, lo); the same clamp (of hi) and 0 below it.
//   Measured: <= 1.09 ulp on the test sweep of [-87.2, 0] (bound asserted: 1.5).
//   Its reduction, exp_reduced_f32x4_rr2_p6<kNegate>(x) = {p, nb}: e^t = 2^n·(1 + p)
//   for t = x, or t = -x with kNegate, |t| <= 88, n in the bits of nb; the
//   negation is folded into the constants and rounds exactly as the reduction
//   of -x would (sigmoid takes 2^-n from nb: 1 / (1 + e^-x) needs no select).
//
// expm1_f32x4_rr2_p6(x) = e^x - 1 for x <= 88 (the activations only pass x <= 0):
//   with s = 2^n and p = e^r - 1 = r + r²·q(r): e^x - 1 = s·p + (s - 1); for n = 0
//   this is p itself, so small |x| keeps full relative accuracy. Below x = -17.4
//   the result is -1 to within half an ulp (inputs are clamped to [-18, 88]).
//   NaN propagates.
//   Measured: <= 1.76 ulp over every float in [-20, 88] (bound asserted: 2).
//
// expm1_neg_f32x4_rr1_p6(x) = e^x - 1 for x <= 0 (tanh, elu, selu)
//   As expm1_f32x4_rr2_p6 with one-constant range reduction (rr1): r = x - n·ln2_f.
//   n is in [-26, 0]; n·ln2_f rounds by at most 2^-23 (n = -3..-5), and e^x =
//   2^n·e^r scales that error down to below a quarter ulp of e^x - 1, which is
//   <= -0.29 once n <= -1 (for n = -1, -2, n·ln2_f is exact). x - n·ln2_f is
//   exact (Sterbenz). Clamped below at -18 only: x > 0 is outside the contract.
//   Polynomial by Estrin's scheme (see exp_split_nc).
//   Measured: <= 1.21 ulp over every float in [-20, 0] (bound asserted: 2).
//
// log1p_f32x4(u) = log(1 + u) for u in [-0.25, 1] (softplus passes u = e^-|x|)
//   Range reduction without forming 1 + u (whose rounding would need a
//   correction term and a second division): 1 + u = 2^k·(1 + f) with f = u
//   (k = 0, u < 1/2) or f = (u - 1)/2 (k = 1), both exact, f in [-0.25, 0.5).
//   log(1+f) = f - (f²/2 - s·(f²/2 + R)), s = f/(2+f), R = z·(c1 + c2 z + c3 z²),
//   z = s², |s| <= 0.2: the fdlibm form, in which f is exact and s only scales
//   a small term. R(z)/z is a Chebyshev fit of (2 atanh(s)/s - 2)/s² on
//   z in [0, 0.04] by scripts/fit_log1p.py (relative error of 2 atanh(s)
//   9e-9 = 0.15 ulp with the float coefficients). Then + k·ln2 (hi + lo).
//   Tiny u gives u exactly (subnormal too). One division. NaN propagates.
//   Measured: <= 0.98 ulp over every float in [-0.25, 1] (bound asserted: 1).
#pragma once
#include "nnplay/simd.hpp"

#if NNPLAY_SIMD
namespace nnplay::kernels {

struct ExpConstants {
  static constexpr float kLog2e = 0x1.715476p+0f;
  static constexpr float kLn2Hi = 0x1.62E400p-1f;
  static constexpr float kLn2Lo = 0x1.7F7D1Cp-20f;
  static constexpr float kLn2 = 0x1.62E430p-1f;   // ln 2 to float, for rr1
  static constexpr float kRoundBias = 0x1.8p23f;  // adding it rounds |t| < 2^22 to an integer
  static constexpr int kRoundBiasBits = 0x4B400000;
  static constexpr float c2 = 0x1p-1f;
  static constexpr float c3 = 0x1.5554DEp-3f;
  static constexpr float c4 = 0x1.55551Ap-5f;
  static constexpr float c5 = 0x1.120B62p-7f;
  static constexpr float c6 = 0x1.6D10FCp-10f;
};

// Clamp to [lo, hi] keeping NaN: pmax/pmin return their first operand when
// either is NaN, and compile to one instruction (f32x4.min/max need several).
inline v128_t clamp_f32x4(v128_t x, float lo, float hi) {
  return wasm_f32x4_pmin(wasm_f32x4_pmax(x, wasm_f32x4_splat(lo)), wasm_f32x4_splat(hi));
}

// r + r²·q(r) = e^r - 1 on |r| <= ln2/2.
inline v128_t expm1_reduced_f32x4(v128_t r) {
  using C = ExpConstants;
  v128_t q = wasm_f32x4_add(wasm_f32x4_splat(C::c5), wasm_f32x4_mul(r, wasm_f32x4_splat(C::c6)));
  q = wasm_f32x4_add(wasm_f32x4_splat(C::c4), wasm_f32x4_mul(r, q));
  q = wasm_f32x4_add(wasm_f32x4_splat(C::c3), wasm_f32x4_mul(r, q));
  q = wasm_f32x4_add(wasm_f32x4_splat(C::c2), wasm_f32x4_mul(r, q));
  return wasm_f32x4_add(r, wasm_f32x4_mul(wasm_f32x4_mul(r, r), q));
}

// The same polynomial by Estrin's scheme: fewer dependent steps (the kernels
// are bound by latency as much as by throughput), rounding slightly differently.
// kNegate: given rn = -r, the same e^r - 1 bit for bit (the odd coefficients
// change sign and r + r²q becomes r²q - rn: every rounding sees the same magnitudes).
template <bool kNegate = false>
inline v128_t expm1_reduced_estrin_f32x4(v128_t r) {
  using C = ExpConstants;
  constexpr float kOdd = kNegate ? -1.0f : 1.0f;
  const v128_t r2 = wasm_f32x4_mul(r, r);
  const v128_t lo = wasm_f32x4_add(wasm_f32x4_splat(C::c2), wasm_f32x4_mul(r, wasm_f32x4_splat(kOdd * C::c3)));
  v128_t hi = wasm_f32x4_add(wasm_f32x4_splat(C::c4), wasm_f32x4_mul(r, wasm_f32x4_splat(kOdd * C::c5)));
  hi = wasm_f32x4_add(hi, wasm_f32x4_mul(r2, wasm_f32x4_splat(C::c6)));
  const v128_t q = wasm_f32x4_add(lo, wasm_f32x4_mul(r2, hi));
  return kNegate ? wasm_f32x4_sub(wasm_f32x4_mul(r2, q), r) : wasm_f32x4_add(r, wasm_f32x4_mul(r2, q));
}

// 2^n for integer n in [-126, 127].
inline v128_t exp2i_f32x4(v128_t n_int) {
  return wasm_i32x4_shl(wasm_i32x4_add(n_int, wasm_i32x4_splat(127)), 23);
}

struct ExpSplit {
  v128_t q, s1, s2;  // e^x = ((1 + q)·s1)·s2, q = e^r - 1 before the 1 + rounds it
};

// The range reduction and polynomial without clamping: x in [-150, 89] or NaN.
// The one-argument form skips the add of lo.
template <bool kHasLo, bool kEstrin = false>
inline ExpSplit exp_split_f32x4_impl(v128_t hi, v128_t lo) {
  using C = ExpConstants;
  const v128_t bias = wasm_f32x4_splat(C::kRoundBias);
  const v128_t nb = wasm_f32x4_add(wasm_f32x4_mul(hi, wasm_f32x4_splat(C::kLog2e)), bias);
  const v128_t n = wasm_f32x4_sub(nb, bias);
  v128_t r = wasm_f32x4_sub(hi, wasm_f32x4_mul(n, wasm_f32x4_splat(C::kLn2Hi)));
  if constexpr (kHasLo) r = wasm_f32x4_add(r, lo);
  r = wasm_f32x4_sub(r, wasm_f32x4_mul(n, wasm_f32x4_splat(C::kLn2Lo)));
  const v128_t ni = wasm_i32x4_sub(nb, wasm_i32x4_splat(C::kRoundBiasBits));
  const v128_t n1 = wasm_i32x4_shr(ni, 1);
  const v128_t q = kEstrin ? expm1_reduced_estrin_f32x4(r) : expm1_reduced_f32x4(r);
  return {q, exp2i_f32x4(n1), exp2i_f32x4(wasm_i32x4_sub(ni, n1))};
}

// No clamp: x must be in [-150, 89] (or NaN). For callers that clamp more
// cheaply themselves (one side only, or shared with other work).
inline ExpSplit exp_split_nc_f32x4_rr2_p6(v128_t x) { return exp_split_f32x4_impl<false, true>(x, x); }

inline ExpSplit exp_split_f32x4_rr2_p6(v128_t x) {
  return exp_split_f32x4_impl<false>(clamp_f32x4(x, -150.0f, 89.0f), x);
}

inline ExpSplit exp_split_f32x4_rr2_p6(v128_t hi, v128_t lo) {
  // In contract |lo| <= 2^-12·128 where the result is neither 0 nor inf; the
  // clamp only keeps a huge lo paired with a clamped hi out of the polynomial.
  return exp_split_f32x4_impl<true>(clamp_f32x4(hi, -150.0f, 89.0f), clamp_f32x4(lo, -0x1p-5f, 0x1p-5f));
}

// m + m·q rounds once where m·(1 + q) would round twice.
inline v128_t mul_exp_f32x4(v128_t m, const ExpSplit& e) {
  const v128_t mp = wasm_f32x4_add(m, wasm_f32x4_mul(m, e.q));
  return wasm_f32x4_mul(wasm_f32x4_mul(mp, e.s1), e.s2);
}

inline v128_t exp_f32x4(const ExpSplit& e) {
  const v128_t p = wasm_f32x4_add(wasm_f32x4_splat(1.0f), e.q);
  return wasm_f32x4_mul(wasm_f32x4_mul(p, e.s1), e.s2);
}

inline v128_t exp_f32x4_rr2_p6(v128_t hi, v128_t lo) {
  return exp_f32x4(exp_split_f32x4_rr2_p6(hi, lo));
}

inline v128_t exp_f32x4_rr2_p6(v128_t x) { return exp_f32x4(exp_split_f32x4_rr2_p6(x)); }

// The one-scale reduction of exp_neg and exp_minus: for t = x, or t = -x with
// kNegate (folded into the constants, so -x costs nothing), n = nearest(t·log2 e)
// and p = e^r - 1, r = t - n·ln2 (hi + lo), by Estrin's scheme; nb holds n in
// its bits. |t| <= 88 keeps n in [-127, 127]. Either sign rounds alike.
struct ExpReduced {
  v128_t p, nb;
};

// kHasLo: e^(x + lo), lo added after the exact step as in exp_split_f32x4_impl.
template <bool kNegate, bool kHasLo = false>
inline ExpReduced exp_reduced_f32x4_rr2_p6(v128_t x, v128_t lo = wasm_f32x4_splat(0.0f)) {
  static_assert(!(kNegate && kHasLo), "a low part is only taken unnegated");
  using C = ExpConstants;
  const v128_t bias = wasm_f32x4_splat(C::kRoundBias);
  const v128_t nb = wasm_f32x4_add(wasm_f32x4_mul(x, wasm_f32x4_splat(kNegate ? -C::kLog2e : C::kLog2e)), bias);
  const v128_t n = wasm_f32x4_sub(nb, bias);
  // rs = r (or -r): x - n·ln2_hi (x + n·ln2_hi) is exact, then the low part.
  v128_t rs = kNegate ? wasm_f32x4_add(x, wasm_f32x4_mul(n, wasm_f32x4_splat(C::kLn2Hi)))
                      : wasm_f32x4_sub(x, wasm_f32x4_mul(n, wasm_f32x4_splat(C::kLn2Hi)));
  if constexpr (kHasLo) rs = wasm_f32x4_add(rs, lo);
  rs = kNegate ? wasm_f32x4_add(rs, wasm_f32x4_mul(n, wasm_f32x4_splat(C::kLn2Lo)))
               : wasm_f32x4_sub(rs, wasm_f32x4_mul(n, wasm_f32x4_splat(C::kLn2Lo)));
  return {expm1_reduced_estrin_f32x4<kNegate>(rs), nb};
}

// (1 + p)·2^n, 2^n from the bits of nb: (bits - bias bits + 127) << 23, the
// two constants folded into one.
inline v128_t exp_scale_one_f32x4(const ExpReduced& e) {
  using C = ExpConstants;
  const v128_t s = wasm_i32x4_shl(wasm_i32x4_sub(e.nb, wasm_i32x4_splat(C::kRoundBiasBits - 127)), 23);
  return wasm_f32x4_mul(wasm_f32x4_add(wasm_f32x4_splat(1.0f), e.p), s);
}

inline v128_t exp_neg_f32x4_rr2_p6(v128_t x) {
  return exp_scale_one_f32x4(exp_reduced_f32x4_rr2_p6<false>(wasm_f32x4_pmax(x, wasm_f32x4_splat(-88.0f))));
}

inline v128_t exp_neg_f32x4_rr2_p6(v128_t hi, v128_t lo) {
  return exp_scale_one_f32x4(exp_reduced_f32x4_rr2_p6<false, true>(wasm_f32x4_pmax(hi, wasm_f32x4_splat(-88.0f)), lo));
}

inline v128_t expm1_f32x4_rr2_p6(v128_t x) {
  using C = ExpConstants;
  // Below -18, e^x - 1 rounds to -1; clamping keeps 2^n normal.
  x = clamp_f32x4(x, -18.0f, 88.0f);
  const v128_t bias = wasm_f32x4_splat(C::kRoundBias);
  const v128_t nb = wasm_f32x4_add(wasm_f32x4_mul(x, wasm_f32x4_splat(C::kLog2e)), bias);
  const v128_t n = wasm_f32x4_sub(nb, bias);
  v128_t r = wasm_f32x4_sub(x, wasm_f32x4_mul(n, wasm_f32x4_splat(C::kLn2Hi)));
  r = wasm_f32x4_sub(r, wasm_f32x4_mul(n, wasm_f32x4_splat(C::kLn2Lo)));
  const v128_t p = expm1_reduced_f32x4(r);
  const v128_t s = exp2i_f32x4(wasm_i32x4_sub(nb, wasm_i32x4_splat(C::kRoundBiasBits)));
  return wasm_f32x4_add(wasm_f32x4_mul(s, p), wasm_f32x4_sub(s, wasm_f32x4_splat(1.0f)));
}

inline v128_t expm1_neg_f32x4_rr1_p6(v128_t x) {
  using C = ExpConstants;
  x = wasm_f32x4_pmax(x, wasm_f32x4_splat(-18.0f));  // e^x - 1 is -1 below; keeps 2^n normal
  const v128_t bias = wasm_f32x4_splat(C::kRoundBias);
  const v128_t nb = wasm_f32x4_add(wasm_f32x4_mul(x, wasm_f32x4_splat(C::kLog2e)), bias);
  const v128_t n = wasm_f32x4_sub(nb, bias);
  const v128_t r = wasm_f32x4_sub(x, wasm_f32x4_mul(n, wasm_f32x4_splat(C::kLn2)));
  const v128_t p = expm1_reduced_estrin_f32x4(r);
  const v128_t s = exp2i_f32x4(wasm_i32x4_sub(nb, wasm_i32x4_splat(C::kRoundBiasBits)));
  return wasm_f32x4_add(wasm_f32x4_mul(s, p), wasm_f32x4_sub(s, wasm_f32x4_splat(1.0f)));
}

struct Log1pConstants {
  static constexpr float c1 = 0x1.555566p-1f;
  static constexpr float c2 = 0x1.996298p-2f;
  static constexpr float c3 = 0x1.32BED2p-2f;
};

inline v128_t log1p_f32x4(v128_t u) {
  using C = Log1pConstants;
  const v128_t one = wasm_f32x4_splat(1.0f), half = wasm_f32x4_splat(0.5f);
  const v128_t k1 = wasm_f32x4_ge(u, half);  // 1 + u = 2·(1 + f), f = (u - 1)/2
  const v128_t f = wasm_v128_bitselect(wasm_f32x4_mul(wasm_f32x4_sub(u, one), half), u, k1);
  const v128_t kf = wasm_v128_and(k1, one);
  const v128_t s = wasm_f32x4_div(f, wasm_f32x4_add(wasm_f32x4_splat(2.0f), f));
  const v128_t z = wasm_f32x4_mul(s, s);
  v128_t r = wasm_f32x4_add(wasm_f32x4_splat(C::c2), wasm_f32x4_mul(z, wasm_f32x4_splat(C::c3)));
  r = wasm_f32x4_mul(z, wasm_f32x4_add(wasm_f32x4_splat(C::c1), wasm_f32x4_mul(z, r)));
  const v128_t hfsq = wasm_f32x4_mul(half, wasm_f32x4_mul(f, f));
  v128_t t = wasm_f32x4_mul(kf, wasm_f32x4_splat(ExpConstants::kLn2Lo));
  t = wasm_f32x4_add(wasm_f32x4_mul(s, wasm_f32x4_add(hfsq, r)), t);
  t = wasm_f32x4_sub(f, wasm_f32x4_sub(hfsq, t));
  return wasm_f32x4_add(wasm_f32x4_mul(kf, wasm_f32x4_splat(ExpConstants::kLn2Hi)), t);
}

}  // namespace nnplay::kernels
#endif  // NNPLAY_SIMD
