// Elementwise activation kernels: for every activation a scalar reference that
// reads like the formula, and a SIMD variant written with WebAssembly SIMD
// intrinsics (see simd.hpp). Both share one contract:
//   - n == 0 is legal and in-place (y == x) is legal;
//   - nothing past x[n-1] or y[n-1] is read or written;
//   - args are already validated: kernels only compute.
// Names follow <op>_f32_<isa>[_<algo>]; the algorithm tag is explained where
// the kernel is defined. Derivatives are with respect to the input x.
#pragma once
#include <cstddef>

#include "nnplay/activation.hpp"
#include "nnplay/simd.hpp"

namespace nnplay::kernels {

struct KernelArgs {
  float alpha = 0.0f;  // leaky_relu / prelu slope, elu scale
};

using UnaryKernel = void (*)(std::size_t n, const float* x, float* y, const KernelArgs& args);

struct KernelSet {
  UnaryKernel forward_scalar;
  UnaryKernel derivative_scalar;
  UnaryKernel forward_simd;     // nullptr when NNPLAY_SIMD is 0
  UnaryKernel derivative_simd;  // nullptr when NNPLAY_SIMD is 0
  const char* forward_simd_name;
  const char* derivative_simd_name;
};

#if NNPLAY_SIMD
#define NNPLAY_SIMD_KERNEL(fn) fn
#else
#define NNPLAY_SIMD_KERNEL(fn) nullptr
#endif

// One per activation, each defined in the file named after it; the list in
// nnplay/activations.def names them. rrelu's set is its evaluation mode (leaky
// with the mean slope, alpha = (lower+upper)/2): leaky_relu, rrelu and prelu
// share kLeakyReluKernels (a repeated extern declaration is legal).
#define NNPLAY_ACTIVATION(id, name, kernels, ...) extern const KernelSet kernels;
#include "nnplay/activations.def"
#undef NNPLAY_ACTIVATION

const KernelSet& kernels_for(Activation a);

// RReLU in training: y = x for x > 0, slope[i]·x otherwise (slopes drawn by the caller).
void rrelu_train_f32_scalar(std::size_t n, const float* x, const float* slope, float* y);
// d/dalpha of prelu: x for x <= 0, 0 otherwise.
void prelu_alpha_grad_f32_scalar(std::size_t n, const float* x, float* grad_alpha);

}  // namespace nnplay::kernels
