// Float lanes <-> f64x2 pairs, for the kernels that carry part of their
// computation in double where float rounding would eat the error budget
// (gelu, gelu_tanh). Only included where NNPLAY_SIMD is 1.
#pragma once
#include "nnplay/simd.hpp"

#if NNPLAY_SIMD
namespace nnplay::kernels {

// Lanes 0-1 and lanes 2-3 of a float vector as f64x2 (exact). The shuffles move
// 64-bit halves, which engines map to one unpack instruction.
inline v128_t promote_lo_f64x2(v128_t v) { return wasm_f64x2_promote_low_f32x4(v); }
inline v128_t promote_hi_f64x2(v128_t v) {
  return wasm_f64x2_promote_low_f32x4(wasm_i64x2_shuffle(v, v, 1, 1));
}

// Two f64x2 (lanes 0-1, 2-3) rounded to float and joined.
inline v128_t demote_join_f32x4(v128_t lo, v128_t hi) {
  return wasm_i64x2_shuffle(wasm_f32x4_demote_f64x2_zero(lo), wasm_f32x4_demote_f64x2_zero(hi), 0, 2);
}

// A value held in two f64x2 as floats hi + lo: hi is the value rounded, lo the
// rest rounded (|lo| <= ulp(hi)/2), ~48 significant bits in all; the form
// exp_f32x4_rr2_p6(hi, lo) takes.
struct FloatPair {
  v128_t hi, lo;
};
inline FloatPair split_f32x4(v128_t d0, v128_t d1) {
  const v128_t h0 = wasm_f32x4_demote_f64x2_zero(d0);
  const v128_t h1 = wasm_f32x4_demote_f64x2_zero(d1);
  const v128_t l0 = wasm_f32x4_demote_f64x2_zero(wasm_f64x2_sub(d0, wasm_f64x2_promote_low_f32x4(h0)));
  const v128_t l1 = wasm_f32x4_demote_f64x2_zero(wasm_f64x2_sub(d1, wasm_f64x2_promote_low_f32x4(h1)));
  return {wasm_i64x2_shuffle(h0, h1, 0, 2), wasm_i64x2_shuffle(l0, l1, 0, 2)};
}

}  // namespace nnplay::kernels
#endif  // NNPLAY_SIMD
