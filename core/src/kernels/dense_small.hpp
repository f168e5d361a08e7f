// A narrow dense layer (4 or 8 units) in one pass per row, for the small
// networks of the playground, where a step is dominated by call and loop
// overhead rather than arithmetic (2-8-8-1: a row of 8 outputs is two f32x4).
//   forward:  z = x·W + b, a = f(z), d = f'(z) for each row; the row's z
//             stays in registers from the product through f and f'.
//   backward: G_W = Xᵀ·G_Z, g_b = Σ_rows G_Z and, for a layer whose input
//             came from a fused layer, G_Zprev = (G_Z·Wᵀ) ∘ d_prev (the
//             product and the derivative's product in one pass).
// Only activations with a four-lane function in act_f32x4.hpp and a
// derivative that is cheap from (z, a) are fused: linear, relu, tanh
// (f' = 1 - a²) and sigmoid (f' = a(1 - a)), the same derivative forms the
// unfused path uses in training. The scalar functions are the reference:
// gemm_small's scalar products, the activation's scalar kernel, then f'.
// The SIMD ones compute every z and every G_W, G_Zprev element as the same
// sum in the same order as the reference products, so a fused SIMD layer
// equals the unfused SIMD path bit for bit; g_b's row sums run in the same
// order as the reference (tests/dense_small_test.cpp).
#pragma once
#include <cstddef>

#include "nnplay/activation.hpp"

namespace nnplay::kernels {

enum class FusedAct { kLinear, kRelu, kTanh, kSigmoid };

// The fused form of `a`, or false when it has none.
bool fused_activation(Activation a, FusedAct* out);
inline bool fused_width(int units) { return units == 4 || units == 8; }
// Whether dense_backward_f32 takes a layer of k inputs and n units (with_gx:
// also the gradient for a layer below).
inline bool fused_backward_fits(int k, int n, bool with_gx) {
  const bool k4 = k == 4 || k == 8;
  return (fused_width(n) || (n == 1 && k4)) && (!with_gx || k4);
}

// m rows, k inputs, n ∈ {4, 8} units. d may be null (evaluation: f' not needed).
void dense_act_f32_scalar(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w,
                          const float* b, FusedAct act, float* z, float* a, float* d);
void dense_act_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w, const float* b,
                   FusedAct act, float* z, float* a, float* d);

// An output layer of one unit: z[r] = b[0] + Σ_t x[r][t]·w[t], t ascending
// (the reference product's sum). The SIMD variant puts four rows in the
// lanes (a 4×4 transpose of x per four terms) instead of padding one column.
void dense_out1_f32_scalar(std::size_t m, std::size_t k, const float* x, const float* w, const float* b, float* z);
void dense_out1_f32(std::size_t m, std::size_t k, const float* x, const float* w, const float* b, float* z);

// (k, n) as fused_backward_fits allows. When gx is not null, gx = (gz·Wᵀ) ∘ d_prev (m × k).
void dense_backward_f32_scalar(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* gz,
                               const float* w, float* gw, float* gb, const float* d_prev, float* gx);
void dense_backward_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* gz, const float* w,
                        float* gw, float* gb, const float* d_prev, float* gx);

}  // namespace nnplay::kernels
