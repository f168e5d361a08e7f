// The four-lane forward functions of the activations that the fused dense
// layer (dense_small.hpp) applies in registers. Each activation's kernel
// file maps the same function over an array, so a fused layer and the
// elementwise kernel give bit-identical outputs. The error analysis and the
// flop counts live in tanh.cpp and sigmoid.cpp.
#pragma once
#include "nnplay/simd.hpp"
#include "vmath.hpp"

#if NNPLAY_SIMD
namespace nnplay::kernels {

// tanh|x| = em / (-2 - em), em = e^{-2|x|} - 1, then x's sign (tanh.cpp).
inline v128_t tanh_f32x4(v128_t v) {
  const v128_t sign = wasm_f32x4_splat(-0.0f);
  const v128_t u = wasm_v128_or(v, sign);  // -|x|
  const v128_t em = expm1_neg_f32x4_rr1_p6(wasm_f32x4_add(u, u));
  // em/(-2 - em) = tanh|x| >= 0, but -0 for em = +0 (x = ±0): the sign bit is
  // cleared, then set from x.
  const v128_t t = wasm_f32x4_div(em, wasm_f32x4_sub(wasm_f32x4_splat(-2.0f), em));
  return wasm_v128_or(wasm_v128_andnot(t, sign), wasm_v128_and(v, sign));
}

// σ(x) = 1 / (1 + e^-x) with e^-x = 2^n·(1 + p), as 2^-n / (2^-n + (1 + p)):
// no select, and 2^-n comes from the bits of the reduction (sigmoid.cpp).
inline v128_t sigmoid_f32x4(v128_t v) {
  using C = ExpConstants;
  const ExpReduced e = exp_reduced_f32x4_rr2_p6<true>(clamp_f32x4(v, -87.5f, 87.5f));
  // 2^-n: (127 - n) << 23, n = bits of nb - bias bits.
  const v128_t inv = wasm_i32x4_shl(wasm_i32x4_sub(wasm_i32x4_splat(C::kRoundBiasBits + 127), e.nb), 23);
  return wasm_f32x4_div(inv, wasm_f32x4_add(inv, wasm_f32x4_add(wasm_f32x4_splat(1.0f), e.p)));
}

// max(0, x), NaN kept: x where x > 0 or x != x, else 0 (relu.cpp).
inline v128_t relu_f32x4(v128_t v) {
  const v128_t keep = wasm_v128_or(wasm_f32x4_gt(v, wasm_f32x4_splat(0.0f)), wasm_f32x4_ne(v, v));
  return wasm_v128_and(v, keep);
}

// relu'(x): 1 for x > 0, NaN for NaN, else 0 (relu.cpp).
inline v128_t relu_deriv_f32x4(v128_t v) {
  const v128_t one = wasm_v128_and(wasm_f32x4_gt(v, wasm_f32x4_splat(0.0f)), wasm_f32x4_splat(1.0f));
  return wasm_v128_bitselect(v, one, wasm_f32x4_ne(v, v));
}

}  // namespace nnplay::kernels
#endif  // NNPLAY_SIMD
