// Activation functions: the public, validating entry points of the core.
// Kernels (core/src/kernels/) do the arithmetic; these functions check names,
// parameters and sizes, pick the SIMD or scalar kernel, and report a Status.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "nnplay/span.hpp"
#include "nnplay/status.hpp"

namespace nnplay {

// Generated from nnplay/activations.def, the one list of activations.
enum class Activation : int {
#define NNPLAY_ACTIVATION(id, name, kernels, ...) k##id,
#include "nnplay/activations.def"
#undef NNPLAY_ACTIVATION
};
inline constexpr Activation kAllActivations[] = {
#define NNPLAY_ACTIVATION(id, name, kernels, ...) Activation::k##id,
#include "nnplay/activations.def"
#undef NNPLAY_ACTIVATION
};
inline constexpr int kActivationCount = static_cast<int>(sizeof kAllActivations / sizeof kAllActivations[0]);

// Parameters of every activation; each function reads only its own.
//   alpha: negative slope of leaky_relu (0.01) and prelu (0.25), scale of elu (1.0)
//   lower, upper: the RReLU slope interval (1/8, 1/3)
//   training, seed: RReLU draws a slope per element from `seed` in training;
//                   in evaluation it uses (lower + upper) / 2.
struct ActivationParams {
  float alpha = 0.0f;
  float lower = 0.125f;
  float upper = 1.0f / 3.0f;
  bool training = false;
  std::uint32_t seed = 0;
};

// The snake_case name used everywhere outside C++ ("leaky_relu").
const char* activation_name(Activation a);
// "linear, sigmoid, …" for error messages and listings.
std::string activation_name_list();
// Unknown names get a message that lists the valid ones.
Status parse_activation(std::string_view name, Activation* out);

ActivationParams default_params(Activation a);
// Checks the parameters this activation reads: finite and within the ranges of
// activation_info(a).params.
Status validate_params(Activation a, const ActivationParams& p);

// y[i] = f(x[i]). x and y have equal sizes; y may alias x.
Status activation_forward(Activation a, const ActivationParams& p, Span<const float> x,
                          Span<float> y);
// dy[i] = f'(x[i]), the derivative with respect to the input x.
Status activation_derivative(Activation a, const ActivationParams& p, Span<const float> x,
                             Span<float> dy);
// d f(x[i]) / d alpha for prelu (x for x <= 0, else 0); an error for others.
Status activation_alpha_derivative(Activation a, const ActivationParams& p, Span<const float> x,
                                   Span<float> dalpha);

}  // namespace nnplay
