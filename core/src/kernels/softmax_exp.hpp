// The inner step of a numerically stable softmax: y[i] = exp(x[i] - shift),
// returning Σ y[i]. With shift = max x every exponent is <= 0, so nothing
// overflows and the largest term is exactly 1.
#pragma once
#include <cstddef>

namespace nnplay::kernels {

float softmax_exp_f32_scalar(std::size_t n, const float* x, float shift, float* y);
// Same contract; the exponentials come from exp_f32x4_rr2_p6 (vmath.hpp, <= 1 ulp).
float softmax_exp_f32_wasmsimd_rr2_p6(std::size_t n, const float* x, float shift, float* y);

// The variant the build ships: SIMD when NNPLAY_SIMD, else the scalar reference.
float softmax_exp_f32(std::size_t n, const float* x, float shift, float* y);

}  // namespace nnplay::kernels
