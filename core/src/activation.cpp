#include "nnplay/activation.hpp"

#include <cmath>
#include <vector>

#include "kernels/kernels.hpp"
#include "nnplay/activation_info.hpp"
#include "nnplay/rng.hpp"

namespace nnplay {
namespace {

constexpr const char* kNames[kActivationCount] = {
#define NNPLAY_ACTIVATION(id, name, kernels, ...) name,
#include "nnplay/activations.def"
#undef NNPLAY_ACTIVATION
};

Status check_sizes(const char* what, std::size_t in, std::size_t out) {
  if (in == out) return {};
  return Status::invalid(std::string(what) + ": output has " + std::to_string(out) +
                         " elements but x has " + std::to_string(in));
}

kernels::KernelArgs kernel_args(Activation a, const ActivationParams& p) {
  kernels::KernelArgs k;
  k.alpha = a == Activation::kRrelu ? 0.5f * (p.lower + p.upper) : p.alpha;
  return k;
}

}  // namespace

const char* activation_name(Activation a) { return kNames[static_cast<int>(a)]; }

std::string activation_name_list() {
  std::string s;
  for (int i = 0; i < kActivationCount; ++i) {
    if (i) s += ", ";
    s += kNames[i];
  }
  return s;
}

Status parse_activation(std::string_view name, Activation* out) {
  for (int i = 0; i < kActivationCount; ++i) {
    if (name == kNames[i]) {
      *out = static_cast<Activation>(i);
      return {};
    }
  }
  return Status::invalid("activation: unknown name \"" + std::string(name.substr(0, 64)) +
                         "\"; valid names are " + activation_name_list());
}

ActivationParams default_params(Activation a) {
  const ActivationInfo& info = activation_info(a);
  ActivationParams p;
  for (int i = 0; i < info.param_count; ++i) {
    const ParamInfo& pi = info.params[i];
    if (std::string_view(pi.name) == "alpha") p.alpha = pi.default_value;
    if (std::string_view(pi.name) == "lower") p.lower = pi.default_value;
    if (std::string_view(pi.name) == "upper") p.upper = pi.default_value;
  }
  return p;
}

Status validate_params(Activation a, const ActivationParams& p) {
  const ActivationInfo& info = activation_info(a);
  for (int i = 0; i < info.param_count; ++i) {
    const ParamInfo& pi = info.params[i];
    const std::string_view name(pi.name);
    const float v = name == "alpha" ? p.alpha : name == "lower" ? p.lower : p.upper;
    if (!(v >= pi.min && v <= pi.max)) {  // also rejects NaN
      return Status::out_of_range(std::string(info.name) + ": " + pi.name + " must be in [" +
                                  format_number(pi.min) + ", " + format_number(pi.max) +
                                  "], got " + format_number(v));
    }
  }
  if (a == Activation::kRrelu && !(p.lower <= p.upper)) {
    return Status::out_of_range("rrelu: lower must not exceed upper, got lower " +
                                format_number(p.lower) + " and upper " + format_number(p.upper));
  }
  return {};
}

// RReLU in training draws one slope per element, so it cannot be a plain
// elementwise kernel: the slopes come from a generator seeded by p.seed, and
// the derivative with the same seed returns exactly those slopes.
static std::vector<float> rrelu_slopes(const ActivationParams& p, std::size_t n) {
  Rng rng(p.seed);
  std::vector<float> slopes(n);
  for (float& s : slopes) s = rng.uniform(p.lower, p.upper);
  return slopes;
}

Status activation_forward(Activation a, const ActivationParams& p, Span<const float> x,
                          Span<float> y) {
  if (Status s = check_sizes("forward", x.size(), y.size()); !s.ok()) return s;
  if (Status s = validate_params(a, p); !s.ok()) return s;
  if (a == Activation::kRrelu && p.training) {
    const std::vector<float> slopes = rrelu_slopes(p, x.size());
    kernels::rrelu_train_f32_scalar(x.size(), x.data(), slopes.data(), y.data());
    return {};
  }
  const kernels::KernelSet& k = kernels::kernels_for(a);
  const kernels::UnaryKernel f = NNPLAY_SIMD ? k.forward_simd : k.forward_scalar;
  f(x.size(), x.data(), y.data(), kernel_args(a, p));
  return {};
}

Status activation_derivative(Activation a, const ActivationParams& p, Span<const float> x,
                             Span<float> dy) {
  if (Status s = check_sizes("derivative", x.size(), dy.size()); !s.ok()) return s;
  if (Status s = validate_params(a, p); !s.ok()) return s;
  if (a == Activation::kRrelu && p.training) {
    const std::vector<float> slopes = rrelu_slopes(p, x.size());
    for (std::size_t i = 0; i < x.size(); ++i) dy[i] = x[i] > 0.0f ? 1.0f : (std::isnan(x[i]) ? x[i] : slopes[i]);
    return {};
  }
  const kernels::KernelSet& k = kernels::kernels_for(a);
  const kernels::UnaryKernel f = NNPLAY_SIMD ? k.derivative_simd : k.derivative_scalar;
  f(x.size(), x.data(), dy.data(), kernel_args(a, p));
  return {};
}

Status activation_alpha_derivative(Activation a, const ActivationParams& p, Span<const float> x,
                                   Span<float> dalpha) {
  if (a != Activation::kPrelu) {
    return Status::invalid(std::string("alpha derivative: only prelu learns alpha, got ") +
                           activation_name(a));
  }
  if (Status s = check_sizes("alpha derivative", x.size(), dalpha.size()); !s.ok()) return s;
  if (Status s = validate_params(a, p); !s.ok()) return s;
  kernels::prelu_alpha_grad_f32_scalar(x.size(), x.data(), dalpha.data());
  return {};
}

}  // namespace nnplay
