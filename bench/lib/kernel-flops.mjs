// Floating-point operations per element of nnplay's SIMD kernels, counted
// from their source (core/src/kernels/), so that a kernel's rate can be
// stated as a fraction of the machine's peak (bench/lib/peak.mjs). The same
// count is applied to every contender of a kernel: it is the work nnplay's
// kernel does, not what another library's algorithm needs.
export const FLOP_COUNTING =
  'flops_per_element counts the f32x4/f64x2 arithmetic lanes of nnplay\'s SIMD kernel per element (add, sub, mul, ' +
  'div, min, max, pmin, pmax, abs, neg; bitwise, integer, compare, select, shuffle and conversion ops not counted), ' +
  'from core/src/kernels/ (bench/lib/kernel-flops.mjs)';

// Building blocks of core/src/kernels/vmath.hpp:
//   exp_split (rr2_p6, with or without the clamp): log2e mul + bias add, n = sub,
//     two reductions r -= n·ln2 (mul + sub each), the degree-6 polynomial
//     (Horner or Estrin: 11), = 18; with a lo term +1
//   exp_f32x4(split) = (1 + q)·s1·s2: 3;   mul_exp_f32x4 = (m + m·q)·s1·s2: 4
//   clamp: pmax + pmin = 2;   exp_f32x4_rr2_p6(x) = 2 + 18 + 3 = 23
//   expm1_neg_f32x4_rr1_p6: pmax 1, n 3, r 2, polynomial 11, s·p + (s - 1) 3 = 20
// gelu's normal tail (gelu.cpp, f64x2): a degree-4 and a degree-5 polynomial by
//   Horner (8 + 10) and one division = 19 per element.
const EXP = 23;
const EXP_SPLIT = 18;
const EXPM1_NEG = 20;
const NORMAL_TAIL = 19;

export const FLOPS_PER_ELEMENT = {
  // σ: abs, neg, exp, 1 + z, div.   σ': abs, neg, exp, 1 + z, d·d, div.
  sigmoid: { forward: 2 + EXP + 2, derivative: 2 + EXP + 3 },
  // tanh: 2·(-|x|), expm1, -2 - em, div.   tanh': 2u, pmax, split, exp, 1 + z, 4z, d·d, div.
  tanh: { forward: 1 + EXPM1_NEG + 2, derivative: 2 + EXP_SPLIT + 3 + 4 },
  // elu: pmin, expm1, α·, pmax, add.   elu': pmax, split, mul_exp.
  elu: { forward: 1 + EXPM1_NEG + 3, derivative: 1 + EXP_SPLIT + 4 },
  // swish: pmax, split, mul_exp, pmax, exp, 1 + z, div.
  // swish': clamp, split, exp, 1 + x, a + z and mul_exp, 1 + z·a, 1 + z, d·d, div.
  swish: { forward: 1 + EXP_SPLIT + 4 + 1 + 3 + 2, derivative: 2 + EXP_SPLIT + 3 + 1 + 5 + 2 + 1 + 2 },
  // gelu (f32 part): pmax, clamp, abs, u², u - uh, the split square's low part (5), two ·(-½),
  //   exp with a lo term (two clamps + 19 + 3); f64 part: the tail (19), e·tail, u·g, x⁺ - u·g.
  // gelu': clamp, x², ·(-½), exp; f64: abs, c·u, tail, sub, e·, ½ + ½s, s·m, sub.
  gelu: { forward: 1 + 2 + 1 + 1 + 1 + 5 + 2 + (4 + 19 + 3) + NORMAL_TAIL + 3, derivative: 2 + 2 + EXP + 1 + 1 + NORMAL_TAIL + 6 },
  // softmax over rows of 10 (softmax_rows.cpp): max, x - m, exp, sum, ·(1/sum) per element;
  // the per-row m - m and division (2 per 10 elements) round to 0.
  softmax: { forward: 1 + 1 + EXP + 1 + 1 },
};
