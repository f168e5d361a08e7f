// Double-precision oracles for every activation and its derivative with
// respect to the input. They are written independently of the kernels, in the
// form that is stable in double (no 1 - tanh², no σ(1-σ) at large |x|), and
// take the activation's float parameters.
#pragma once
#include <cmath>

#include "nnplay/activation.hpp"

namespace nnplay::oracle {

inline double sigmoid(double x) {
  return x >= 0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x));
}
inline double sigmoid_deriv(double x) {
  const double z = std::exp(-std::fabs(x));
  return z / ((1.0 + z) * (1.0 + z));
}
inline double tanh_deriv(double x) {
  const double z = std::exp(-2.0 * std::fabs(x));
  return 4.0 * z / ((1.0 + z) * (1.0 + z));
}
inline double softplus(double x) { return std::fmax(x, 0.0) + std::log1p(std::exp(-std::fabs(x))); }
inline double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }
inline double normal_pdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2.0 * M_PI); }

constexpr double kSeluLambda = 1.0507009873554805;
constexpr double kSeluAlpha = 1.6732632423543772;
constexpr double kGeluC = 0.7978845608028654;  // sqrt(2/pi)
constexpr double kGeluK = 0.044715;

inline double forward(Activation a, const ActivationParams& p, double x) {
  const double alpha = p.alpha;
  switch (a) {
    case Activation::kLinear: return x;
    case Activation::kSigmoid: return sigmoid(x);
    case Activation::kTanh: return std::tanh(x);
    case Activation::kRelu: return std::isnan(x) ? x : (x > 0 ? x : 0.0);
    case Activation::kLeakyRelu:
    case Activation::kPrelu: return x > 0 ? x : alpha * x;
    case Activation::kRrelu: return x > 0 ? x : 0.5 * (double(p.lower) + double(p.upper)) * x;
    case Activation::kElu: return x > 0 ? x : alpha * std::expm1(x);
    case Activation::kSelu: return kSeluLambda * (x > 0 ? x : kSeluAlpha * std::expm1(x));
    case Activation::kGelu: return x * normal_cdf(x);
    case Activation::kGeluTanh: {
      const double u = kGeluC * (x + kGeluK * x * x * x);
      return x * sigmoid(2.0 * u);  // = x (1 + tanh u) / 2, without cancellation
    }
    case Activation::kSwish: return x * sigmoid(x);
    case Activation::kSoftplus: return softplus(x);
    case Activation::kMish: return x * std::tanh(softplus(x));
  }
  return NAN;
}

inline double derivative(Activation a, const ActivationParams& p, double x) {
  const double alpha = p.alpha;
  if (std::isnan(x)) return x;
  switch (a) {
    case Activation::kLinear: return 1.0;
    case Activation::kSigmoid: return sigmoid_deriv(x);
    case Activation::kTanh: return tanh_deriv(x);
    case Activation::kRelu: return x > 0 ? 1.0 : 0.0;
    case Activation::kLeakyRelu:
    case Activation::kPrelu: return x > 0 ? 1.0 : alpha;
    case Activation::kRrelu: return x > 0 ? 1.0 : 0.5 * (double(p.lower) + double(p.upper));
    case Activation::kElu: return x > 0 ? 1.0 : alpha * std::exp(x);
    case Activation::kSelu: return kSeluLambda * (x > 0 ? 1.0 : kSeluAlpha * std::exp(x));
    case Activation::kGelu: return normal_cdf(x) + x * normal_pdf(x);
    case Activation::kGeluTanh: {
      const double u = kGeluC * (x + kGeluK * x * x * x);
      const double du = kGeluC * (1.0 + 3.0 * kGeluK * x * x);
      const double s = sigmoid(2.0 * u);
      // d/dx [x σ(2u)] = σ(2u) + 2 x σ(2u) σ(-2u) u'; the product is 0 when
      // x is infinite and σ(2u)σ(-2u) underflows, so guard inf·0.
      const double tail = 2.0 * sigmoid_deriv(2.0 * u);
      return s + (tail == 0.0 ? 0.0 : x * tail * du);
    }
    case Activation::kSwish: {
      const double s = sigmoid(x);
      return s + (std::isinf(x) ? 0.0 : x * s * sigmoid(-x));
    }
    case Activation::kSoftplus: return sigmoid(x);
    case Activation::kMish: {
      const double sp = softplus(x);
      const double sech = 1.0 / std::cosh(sp);
      const double tail = sigmoid(x) * sech * sech;
      return std::tanh(sp) + (tail == 0.0 ? 0.0 : x * tail);
    }
  }
  return NAN;
}

}  // namespace nnplay::oracle
