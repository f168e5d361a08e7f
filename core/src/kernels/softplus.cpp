// softplus: f(x) = log(1 + e^x); derivative with respect to the input x,
// f'(x) = σ(x) = 1 / (1 + e^-x).
//
// Both from z = e^-|x| in (0, 1], which never overflows:
//   f(x)  = max(x, 0) + log1p(z)      (log(1 + e^x) overflows for x > 88.7)
//   f'(x) = 1 / (1 + z) for x >= 0,  z / (1 + z) for x < 0
// log1p, not log(1 + z): for x < -17 (z < 2^-24) 1 + z rounds to 1 and the
// whole result would be lost. For x < -87.3, z and f are subnormal together.
// The vector log1p (vmath.hpp, on [-0.25, 1]) never forms 1 + z: f = z or
// (z - 1)/2 (exact), log(1 + f) by the fdlibm s = f/(2+f) form with a degree-3
// polynomial in s² (coefficients by scripts/fit_log1p.py), plus k·ln 2.
//
// Saturation: none needed; log1p(z) is z or 0 to float once x < -17 or
// x > 17. -|x| is clamped at -150 for the exp. ±inf: f(+inf) = +inf,
// f(-inf) = 0; f'(+inf) = 1, f'(-inf) = 0. NaN gives NaN for f and f'
// (max(NaN, 0) is NaN through pmax with x first; the scalar fmax is 0, but
// log1p(e^NaN) is NaN).
//
// softplus_f32_wasmsimd_rr2_p6_log1p: z by exp_split_nc_f32x4_rr2_p6 and
// exp_f32x4, then log1p_f32x4 (one division).
// softplus_deriv_f32_wasmsimd_rr2_p6_div: σ as in sigmoid.cpp, one division.
// Measured (tests/activation_accuracy_test.cpp sweep, native and wasm alike):
// forward scalar 1.41 ulp, simd 1.57 ulp; derivative (ulp where the error is
// above 2^-24) 1.48, both variants. Every 65th float: forward scalar 1.47,
// simd 1.63 ulp; derivative 2.25 ulp, both variants.
#include <cmath>

#include "kernels.hpp"
#include "map.hpp"
#include "vmath.hpp"

namespace nnplay::kernels {
namespace {

void softplus_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i)
    y[i] = std::fmax(x[i], 0.0f) + std::log1p(std::exp(-std::fabs(x[i])));
}

void softplus_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) {
    const float z = std::exp(-std::fabs(x[i]));
    y[i] = (x[i] < 0.0f ? z : 1.0f) / (1.0f + z);
  }
}

#if NNPLAY_SIMD
void softplus_f32_wasmsimd_rr2_p6_log1p(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, [](v128_t v) {
    const v128_t t = wasm_f32x4_pmax(wasm_v128_or(v, wasm_f32x4_splat(-0.0f)), wasm_f32x4_splat(-150.0f));
    const v128_t z = exp_f32x4(exp_split_nc_f32x4_rr2_p6(t));  // e^-|x|
    return wasm_f32x4_add(wasm_f32x4_pmax(v, wasm_f32x4_splat(0.0f)), log1p_f32x4(z));
  });
}

void softplus_deriv_f32_wasmsimd_rr2_p6_div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, [](v128_t v) {
    const v128_t t = wasm_f32x4_pmax(wasm_v128_or(v, wasm_f32x4_splat(-0.0f)), wasm_f32x4_splat(-150.0f));
    const v128_t z = exp_f32x4(exp_split_nc_f32x4_rr2_p6(t));  // e^-|x|
    const v128_t num = wasm_v128_bitselect(z, wasm_f32x4_splat(1.0f), wasm_f32x4_lt(v, wasm_f32x4_splat(0.0f)));
    return wasm_f32x4_div(num, wasm_f32x4_add(wasm_f32x4_splat(1.0f), z));
  });
}
#endif

}  // namespace

const KernelSet kSoftplusKernels = {
    softplus_f32_scalar, softplus_deriv_f32_scalar,
    NNPLAY_SIMD_KERNEL(softplus_f32_wasmsimd_rr2_p6_log1p),
    NNPLAY_SIMD_KERNEL(softplus_deriv_f32_wasmsimd_rr2_p6_div), "softplus_f32_wasmsimd_rr2_p6_log1p",
    "softplus_deriv_f32_wasmsimd_rr2_p6_div"};

}  // namespace nnplay::kernels
