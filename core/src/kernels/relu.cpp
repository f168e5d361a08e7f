// relu: f(x) = max(0, x); f'(x) = 1 for x > 0, else 0, so f'(0) = 0 by
// convention (the subgradient at the kink). NaN in gives NaN out for f and f'.
#include <cmath>

#include "act_f32x4.hpp"
#include "kernels.hpp"
#include "map.hpp"

namespace nnplay::kernels {
namespace {

void relu_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) y[i] = x[i] > 0.0f ? x[i] : (std::isnan(x[i]) ? x[i] : 0.0f);
}

void relu_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) y[i] = x[i] > 0.0f ? 1.0f : (std::isnan(x[i]) ? x[i] : 0.0f);
}

#if NNPLAY_SIMD
// x where x > 0 or x is NaN (x != x), else 0: one compare and one select (act_f32x4.hpp).
void relu_f32_wasmsimd(std::size_t n, const float* x, float* y, const KernelArgs&) { map_f32x4(n, x, y, relu_f32x4); }

void relu_deriv_f32_wasmsimd(std::size_t n, const float* x, float* y, const KernelArgs&) { map_f32x4(n, x, y, relu_deriv_f32x4); }
#endif

}  // namespace

const KernelSet kReluKernels = {relu_f32_scalar, relu_deriv_f32_scalar,
                                NNPLAY_SIMD_KERNEL(relu_f32_wasmsimd),
                                NNPLAY_SIMD_KERNEL(relu_deriv_f32_wasmsimd), "relu_f32_wasmsimd",
                                "relu_deriv_f32_wasmsimd"};

}  // namespace nnplay::kernels
