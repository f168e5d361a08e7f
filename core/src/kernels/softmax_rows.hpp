// Softmax of four rows at once, one row per SIMD lane. A row of ten logits
// (the digits head) fills two and a half vectors, so the per-row kernel spends
// most of its time on the tail and the horizontal sum; across rows every lane
// is busy and the sum is a plain vector add.
#pragma once
#include <cstddef>

namespace nnplay::kernels {

// Rows longer than this take the per-row kernel (the transposed block lives on the stack).
constexpr std::size_t kSoftmaxRows4MaxCols = 64;

// Groups of four rows per call (the passes of the flat kernel run over the block).
constexpr std::size_t kSoftmaxRows4Block = 8;

// For g < groups (1 <= groups <= kSoftmaxRows4Block), the four rows starting at
// z + 4·g·cols: p[r][j] = exp(z[r][j] - max_r) / Σ_j exp(z[r][j] - max_r)
// (row stride cols, 1 <= cols <= kSoftmaxRows4MaxCols). The exponentials come
// from exp_neg_f32x4_rr2_p6 (<= 1.05 ulp; 0 below -87.68) for even widths, read
// flat without a transpose, and from exp_f32x4_rr2_p6 (<= 1 ulp) for odd ones.
// Returns a bitmask of the groups it left unfinished because a row's maximum
// is not finite (a NaN, +inf, or all -inf): the caller's per-row path gives
// those their IEEE limits. Such a group's p holds unscaled exponentials where
// p and z do not overlap, and is untouched where they do; z is never written.
unsigned softmax_rows4_f32_wasmsimd_rr2_p6(std::size_t cols, std::size_t groups, const float* z, float* p);

}  // namespace nnplay::kernels
