// The per-step passes over parameters and gradients, in four lanes: a single
// running sum or maximum makes every element wait for the one before (the
// add latency), which showed up at ~17 % of a small network's step.
//   grad_stats_f32:  Σ v² in double (lanes i mod 4 summed apart, then
//                    (s0 + s1) + (s2 + s3)) and max |v| (a NaN is skipped,
//                    as by fmax)
//   sgd_update_f32:  w -= lr·g; returns max |w| before the update (NaN
//                    skipped) and whether a new w is inf or NaN
//   sgd_update_stats_f32: g's statistics and the update in one pass, w's
//                    old values kept in `old` (no max |w|: grad_stats_f32
//                    of `old` gives it when a report needs it)
// The SIMD variants give the same results as the scalar ones: the same
// operations per element, the same four partial sums in the same order.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "nnplay/simd.hpp"

namespace nnplay::kernels {

struct ParamStats {
  double squares = 0.0;
  float largest = 0.0f;
};

// The larger of two maxima, which are never NaN (NaN elements were skipped):
// a compare, where std::fmax is a libm call natively.
inline float larger(float a, float b) { return a < b ? b : a; }

inline std::uint32_t not_finite_bit(float v) {  // inf and NaN: every exponent bit set
  std::uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return (bits & 0x7f800000u) == 0x7f800000u;
}

inline void grad_stats_f32(std::size_t n, const float* v, ParamStats* s) {
  double sum[4] = {0.0, 0.0, 0.0, 0.0};
  float big[4] = {s->largest, 0.0f, 0.0f, 0.0f};
  std::size_t i = 0;
#if NNPLAY_SIMD
  v128_t lo = wasm_f64x2_splat(0.0), hi = wasm_f64x2_splat(0.0);
  v128_t b4 = wasm_f32x4_make(big[0], 0.0f, 0.0f, 0.0f);
  for (; i + 4 <= n; i += 4) {
    const v128_t x = wasm_v128_load(v + i);
    const v128_t dl = wasm_f64x2_promote_low_f32x4(x);
    const v128_t dh = wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(x, x, 2, 3, 0, 1));
    lo = wasm_f64x2_add(lo, wasm_f64x2_mul(dl, dl));
    hi = wasm_f64x2_add(hi, wasm_f64x2_mul(dh, dh));
    b4 = wasm_f32x4_pmax(b4, wasm_f32x4_abs(x));  // big < |x| ? |x| : big
  }
  sum[0] = wasm_f64x2_extract_lane(lo, 0), sum[1] = wasm_f64x2_extract_lane(lo, 1);
  sum[2] = wasm_f64x2_extract_lane(hi, 0), sum[3] = wasm_f64x2_extract_lane(hi, 1);
  big[0] = wasm_f32x4_extract_lane(b4, 0), big[1] = wasm_f32x4_extract_lane(b4, 1);
  big[2] = wasm_f32x4_extract_lane(b4, 2), big[3] = wasm_f32x4_extract_lane(b4, 3);
#endif
  const auto take = [&](std::size_t lane, float x) {
    sum[lane] += double(x) * x;
    const float a = std::fabs(x);
    big[lane] = big[lane] < a ? a : big[lane];
  };
  for (; i + 4 <= n; i += 4)
    for (std::size_t lane = 0; lane < 4; ++lane) take(lane, v[i + lane]);
  for (; i < n; ++i) take(0, v[i]);
  s->squares += (sum[0] + sum[1]) + (sum[2] + sum[3]);
  s->largest = larger(larger(big[0], big[1]), larger(big[2], big[3]));
}

// Returns true when every updated value is finite.
inline bool sgd_update_f32(std::size_t n, float* w, const float* g, float lr, float* largest) {
  float big[4] = {*largest, 0.0f, 0.0f, 0.0f};
  std::uint32_t bad = 0;
  std::size_t i = 0;
#if NNPLAY_SIMD
  const v128_t vlr = wasm_f32x4_splat(lr), exponent = wasm_i32x4_splat(0x7f800000);
  v128_t b4 = wasm_f32x4_make(big[0], 0.0f, 0.0f, 0.0f), bad4 = wasm_i32x4_splat(0);
  for (; i + 4 <= n; i += 4) {
    const v128_t x = wasm_v128_load(w + i);
    b4 = wasm_f32x4_pmax(b4, wasm_f32x4_abs(x));
    const v128_t y = wasm_f32x4_sub(x, wasm_f32x4_mul(vlr, wasm_v128_load(g + i)));
    wasm_v128_store(w + i, y);
    bad4 = wasm_v128_or(bad4, wasm_i32x4_eq(wasm_v128_and(y, exponent), exponent));
  }
  bad = wasm_v128_any_true(bad4) ? 1u : 0u;
  big[0] = wasm_f32x4_extract_lane(b4, 0), big[1] = wasm_f32x4_extract_lane(b4, 1);
  big[2] = wasm_f32x4_extract_lane(b4, 2), big[3] = wasm_f32x4_extract_lane(b4, 3);
#endif
  const auto one = [&](std::size_t lane, std::size_t k) {
    const float a = std::fabs(w[k]);
    big[lane] = big[lane] < a ? a : big[lane];
    w[k] = w[k] - lr * g[k];
    bad |= not_finite_bit(w[k]);
  };
  for (; i + 4 <= n; i += 4)
    for (std::size_t lane = 0; lane < 4; ++lane) one(lane, i + lane);
  for (; i < n; ++i) one(0, i);
  *largest = larger(larger(big[0], big[1]), larger(big[2], big[3]));
  return bad == 0;
}

// grad_stats_f32(n, g, gs) and the update of sgd_update_f32 in one pass, with
// the same results (the same lanes, sums and maxima), and w as it was before
// the update copied to old[0..n) so that an update whose gradient turns out
// not finite can be undone exactly. max |w| is not taken: only a divergence
// report needs it, and grad_stats_f32 of `old` gives it then.
inline bool sgd_update_stats_f32(std::size_t n, float* w, const float* g, float lr, float* old, ParamStats* gs) {
  double sum[4] = {0.0, 0.0, 0.0, 0.0};
  float gbig = gs->largest;
  std::uint32_t bad = 0;
  std::size_t i = 0;
#if NNPLAY_SIMD
  const v128_t vlr = wasm_f32x4_splat(lr), exponent = wasm_i32x4_splat(0x7f800000);
  v128_t lo = wasm_f64x2_splat(0.0), hi = wasm_f64x2_splat(0.0), bad4 = wasm_i32x4_splat(0);
  v128_t g4 = wasm_f32x4_splat(gbig);  // gbig in every lane: the maximum is the same
  for (; i + 4 <= n; i += 4) {
    const v128_t x = wasm_v128_load(w + i), d = wasm_v128_load(g + i);
    wasm_v128_store(old + i, x);
    const v128_t dl = wasm_f64x2_promote_low_f32x4(d);
    const v128_t dh = wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(d, d, 2, 3, 0, 1));
    lo = wasm_f64x2_add(lo, wasm_f64x2_mul(dl, dl));
    hi = wasm_f64x2_add(hi, wasm_f64x2_mul(dh, dh));
    g4 = wasm_f32x4_pmax(g4, wasm_f32x4_abs(d));
    const v128_t y = wasm_f32x4_sub(x, wasm_f32x4_mul(vlr, d));
    wasm_v128_store(w + i, y);
    bad4 = wasm_v128_or(bad4, wasm_i32x4_eq(wasm_v128_and(y, exponent), exponent));
  }
  bad = wasm_v128_any_true(bad4) ? 1u : 0u;
  sum[0] = wasm_f64x2_extract_lane(lo, 0), sum[1] = wasm_f64x2_extract_lane(lo, 1);
  sum[2] = wasm_f64x2_extract_lane(hi, 0), sum[3] = wasm_f64x2_extract_lane(hi, 1);
  // The lanes' maximum in the vector: scalar compares of extracted lanes
  // compile to branches (a fifth of the pass on a small network).
  g4 = wasm_f32x4_pmax(g4, wasm_i32x4_shuffle(g4, g4, 2, 3, 0, 1));
  gbig = wasm_f32x4_extract_lane(wasm_f32x4_pmax(g4, wasm_i32x4_shuffle(g4, g4, 1, 0, 3, 2)), 0);
#endif
  const auto one = [&](float& big, std::size_t lane, std::size_t k) {
    const float x = w[k], d = g[k];
    old[k] = x;
    sum[lane] += double(d) * d;
    const float a = std::fabs(d);
    big = big < a ? a : big;
    w[k] = x - lr * d;
    bad |= not_finite_bit(w[k]);
  };
#if !NNPLAY_SIMD
  float lanes[4] = {gbig, 0.0f, 0.0f, 0.0f};
  for (; i + 4 <= n; i += 4)
    for (std::size_t lane = 0; lane < 4; ++lane) one(lanes[lane], lane, i + lane);
  gbig = larger(larger(lanes[0], lanes[1]), larger(lanes[2], lanes[3]));
#endif
  for (; i < n; ++i) one(gbig, 0, i);  // the tail in lane 0, as grad_stats_f32 takes it
  gs->squares += (sum[0] + sum[1]) + (sum[2] + sum[3]);
  gs->largest = gbig;
  return bad == 0;
}

}  // namespace nnplay::kernels
