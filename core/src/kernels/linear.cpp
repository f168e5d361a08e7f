// linear: f(x) = x, f'(x) = 1 (NaN for NaN). The identity is a kernel too so the dispatch
// table has no special cases.
#include <cstring>

#include "kernels.hpp"
#include "map.hpp"

namespace nnplay::kernels {
namespace {

void linear_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  if (x != y && n != 0) std::memmove(y, x, n * sizeof(float));
}

// NaN in gives NaN out, as for every other derivative.
void linear_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) y[i] = x[i] == x[i] ? 1.0f : x[i];
}

}  // namespace

// The scalar kernels are already memory-bound copies; SIMD adds nothing.
const KernelSet kLinearKernels = {linear_f32_scalar, linear_deriv_f32_scalar,
                                  NNPLAY_SIMD_KERNEL(linear_f32_scalar),
                                  NNPLAY_SIMD_KERNEL(linear_deriv_f32_scalar),
                                  "linear_f32_scalar", "linear_deriv_f32_scalar"};

}  // namespace nnplay::kernels
