// Softmax of four rows at once, one row per SIMD lane. A row of ten logits
// (the digits head) fills two and a half vectors, so the per-row kernel spends
// most of its time on the tail and the horizontal sum; across rows every lane
// is busy and the sum is a plain vector add.
#pragma once
#include <cstddef>

namespace nnplay::kernels {

// Rows longer than this take the per-row kernel (the transposed block lives on the stack).
constexpr std::size_t kSoftmaxRows4MaxCols = 64;

// p[r][j] = exp(z[r][j] - max_r) / Σ_j exp(z[r][j] - max_r) for the four rows
// starting at z (row stride cols, 1 <= cols <= kSoftmaxRows4MaxCols). The
// exponentials come from exp_f32x4_rr2_p6 (<= 1 ulp), as in softmax_exp_f32.
// Returns false and writes nothing when a row's maximum is not finite (a NaN,
// +inf, or all -inf): the caller's per-row path gives those their IEEE limits.
bool softmax_rows4_f32_wasmsimd_rr2_p6(std::size_t cols, const float* z, float* p);

}  // namespace nnplay::kernels
