// tanh: f(x) = tanh x; derivative with respect to the input x, f'(x) = 1 - tanh² x.
//
// Forward, from em = e^{-2|x|} - 1 in [-1, 0], which neither overflows nor
// cancels:  tanh|x| = -em / (2 + em), and the sign of x is put back (so
// tanh(-0) = -0). (1 - z)/(1 + z) with z = e^{-2|x|} is the same quotient, but
// 1 - z loses the low bits of tanh near 0; expm1 keeps them.
// Derivative, from z = e^{-2|x|} in (0, 1]:  4z / (1 + z)². 1 - tanh² would
// cancel for large |x| (it is 0 from |x| = 9 on, while f' is still 6e-8).
//
// Saturation: for |x| >= 9, e^{-2|x|} < 2^-25 and tanh is ±1 to float; the
// vector expm1 clamps its argument at -18 (|x| = 9) and returns -1 there. f'
// needs no cut-off: 4z/(1+z)² follows z into the subnormal range and is 0 for
// |x| > 52 (the SIMD exp argument is clamped at -150). ±inf give ±1 and
// f' = 0; NaN gives NaN for f and f'.
//
// tanh_f32_wasmsimd_expm1_div: em by expm1_neg_f32x4_rr1_p6 (vmath.hpp: x <= 0,
// one-constant range reduction, degree-6 polynomial by Estrin's scheme), one
// division, the sign of x put back with three bitwise ops.
// tanh_deriv_f32_wasmsimd_rr2_p6_div: z by exp_split_nc_f32x4_rr2_p6 and
// exp_f32x4 (argument clamped at -150 here), one division.
// Measured (tests/activation_accuracy_test.cpp sweep, native and wasm alike):
// forward scalar 2.46 ulp, simd 2.46 ulp; derivative (ulp where the error is
// above 2^-24) scalar 3.07, simd 3.10. Every 65th float: forward 2.49 ulp,
// derivative 4.04 ulp, both variants.
// Flops per element: forward 23, derivative 27.
//   f: u + u 1, expm1_neg (pmax 1, n 3, r 2, Estrin 11, s·p + (s - 1) 3) 20,
//   -2 - em 1, div 1.   f': u + u, pmax, exp_split_nc (n 3, r 4, Estrin 11) 18,
//   exp (1 + q, two scales) 3, 1 + z, 4z, d·d, div.
#include <cmath>

#include "act_f32x4.hpp"
#include "kernels.hpp"
#include "map.hpp"
#include "vmath.hpp"

namespace nnplay::kernels {
namespace {

void tanh_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) {
    const float em = std::expm1(-2.0f * std::fabs(x[i]));
    y[i] = std::copysign(-em / (2.0f + em), x[i]);
  }
}

void tanh_deriv_f32_scalar(std::size_t n, const float* x, float* y, const KernelArgs&) {
  for (std::size_t i = 0; i < n; ++i) {
    const float z = std::exp(-2.0f * std::fabs(x[i]));
    const float d = 1.0f + z;
    y[i] = 4.0f * z / (d * d);
  }
}

#if NNPLAY_SIMD
void tanh_f32_wasmsimd_expm1_div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, tanh_f32x4);
}

void tanh_deriv_f32_wasmsimd_rr2_p6_div(std::size_t n, const float* x, float* y, const KernelArgs&) {
  map_f32x4(n, x, y, [](v128_t v) {
    const v128_t u = wasm_v128_or(v, wasm_f32x4_splat(-0.0f));  // -|x|
    const v128_t t = wasm_f32x4_pmax(wasm_f32x4_add(u, u), wasm_f32x4_splat(-150.0f));
    const v128_t z = exp_f32x4(exp_split_nc_f32x4_rr2_p6(t));
    const v128_t d = wasm_f32x4_add(wasm_f32x4_splat(1.0f), z);
    return wasm_f32x4_div(wasm_f32x4_mul(wasm_f32x4_splat(4.0f), z), wasm_f32x4_mul(d, d));
  });
}
#endif

}  // namespace

const KernelSet kTanhKernels = {
    tanh_f32_scalar, tanh_deriv_f32_scalar, NNPLAY_SIMD_KERNEL(tanh_f32_wasmsimd_expm1_div),
    NNPLAY_SIMD_KERNEL(tanh_deriv_f32_wasmsimd_rr2_p6_div), "tanh_f32_wasmsimd_expm1_div",
    "tanh_deriv_f32_wasmsimd_rr2_p6_div"};

}  // namespace nnplay::kernels
