// Softmax and its companions for the softmax lab and the output layer.
// All functions validate and return a Status; outputs have the input's size
// unless stated otherwise.
//
// IEEE behaviour (documented for the page):
//   - any NaN logit makes every output NaN;
//   - +inf logits share the probability equally (the limit), the rest get 0;
//   - if every logit is -inf the result is NaN (the limit does not exist);
//   - for any finite logits the result is finite, non-negative, and sums to 1.
#pragma once
#include "nnplay/span.hpp"
#include "nnplay/status.hpp"

namespace nnplay {

// Largest n for which softmax_jacobian builds the n×n matrix.
inline constexpr std::size_t kMaxJacobianSize = 64;

// p = exp((z - max z) / T) / Σ exp((z - max z) / T), with T > 0 and finite.
Status softmax(Span<const float> z, float temperature, Span<float> p);
// Row-wise softmax of a rows×cols matrix (row-major), T = 1. The training head
// and the benchmark use it.
Status softmax_rows(std::size_t rows, std::size_t cols, Span<const float> z, Span<float> p);
// log p computed as (z - m)/T - log Σ exp((z - m)/T): finite for finite z.
Status log_softmax(Span<const float> z, float temperature, Span<float> log_p);
// The textbook formula exp(z)/Σ exp(z), evaluated in float32 exactly as written
// and never guarded: [20, 300, 5000] gives [0, NaN, NaN]. It exists for the
// overflow lesson.
Status softmax_naive(Span<const float> z, Span<float> p);
// z / Σ z, the "plain percentages" the article compares softmax with. Defined
// only for Σ z > 0; otherwise an error that names the sum.
Status percentages(Span<const float> z, Span<float> out);
// J[i][j] = ∂p_i/∂z_j = (diag(p) - p pᵀ)/T with p = softmax(z, T): row-major
// n×n, n <= kMaxJacobianSize.
Status softmax_jacobian(Span<const float> z, float temperature, Span<float> jacobian);
// -log p[target] and its gradient with respect to z, p - onehot(target), at T = 1.
Status cross_entropy(Span<const float> z, int target, float* loss, Span<float> grad_z);

}  // namespace nnplay
