// The public activation API: names, parameter validation, known values,
// derivatives against finite differences, symmetries, saturation, NaN, and the
// kernel contract (any length, in place, nothing touched past the end).
#include "nnplay/activation.hpp"

#include <cfloat>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "kernels/kernels.hpp"
#include "oracle.hpp"

namespace nnplay {
namespace {

using Vec = std::vector<float>;

Activation all(int i) { return static_cast<Activation>(i); }

float f1(Activation a, float x, ActivationParams p) {
  Vec y(1);
  REQUIRE(activation_forward(a, p, Vec{x}, y).ok());
  return y[0];
}
float d1(Activation a, float x, ActivationParams p) {
  Vec y(1);
  REQUIRE(activation_derivative(a, p, Vec{x}, y).ok());
  return y[0];
}
float f1(Activation a, float x) { return f1(a, x, default_params(a)); }
float d1(Activation a, float x) { return d1(a, x, default_params(a)); }

TEST_CASE("names parse, and unknown names list the valid ones") {
  for (int i = 0; i < kActivationCount; ++i) {
    Activation a;
    REQUIRE(parse_activation(activation_name(all(i)), &a).ok());
    CHECK(a == all(i));
  }
  Activation a;
  const Status s = parse_activation("relu6", &a);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("\"relu6\"") != std::string::npos);
  CHECK(s.message().find("leaky_relu") != std::string::npos);
}

TEST_CASE("parameters are validated with the name and the value") {
  ActivationParams p = default_params(Activation::kLeakyRelu);
  Vec y(1);
  p.alpha = std::numeric_limits<float>::quiet_NaN();
  Status s = activation_forward(Activation::kLeakyRelu, p, Vec{1}, y);
  CHECK(s.message() == "leaky_relu: alpha must be in [0, 1], got NaN");
  p.alpha = 7;
  s = activation_derivative(Activation::kLeakyRelu, p, Vec{1}, y);
  CHECK(s.message() == "leaky_relu: alpha must be in [0, 1], got 7");
  ActivationParams r = default_params(Activation::kRrelu);
  r.lower = 0.5f;
  r.upper = 0.25f;
  CHECK(activation_forward(Activation::kRrelu, r, Vec{1}, y).message().find("lower must not exceed upper") !=
        std::string::npos);
  s = activation_forward(Activation::kSigmoid, default_params(Activation::kSigmoid), Vec{1, 2}, y);
  CHECK(s.message() == "forward: output has 1 elements but x has 2");
  CHECK(activation_alpha_derivative(Activation::kRelu, {}, Vec{1}, y).message().find("only prelu") !=
        std::string::npos);
  // Parameters an activation does not read are not checked.
  ActivationParams q = default_params(Activation::kSigmoid);
  q.alpha = -100;
  CHECK(activation_forward(Activation::kSigmoid, q, Vec{1}, y).ok());
}

TEST_CASE("known values") {
  // Closed forms evaluated by hand; tolerance 2 ulp of the value.
  const auto near = [](float got, double want) { return std::fabs(got - want) <= 2 * FLT_EPSILON * std::fabs(want) + 1e-30; };
  CHECK(near(f1(Activation::kSigmoid, 0), 0.5));
  CHECK(near(f1(Activation::kSigmoid, 2), 1 / (1 + std::exp(-2.0))));
  CHECK(near(d1(Activation::kSigmoid, 0), 0.25));
  CHECK(f1(Activation::kTanh, 0) == 0.0f);
  CHECK(near(d1(Activation::kTanh, 0), 1.0));
  CHECK(f1(Activation::kRelu, -1) == 0.0f);
  CHECK(d1(Activation::kRelu, 0) == 0.0f);  // the documented convention f'(0) = 0
  ActivationParams leaky = default_params(Activation::kLeakyRelu);
  leaky.alpha = 0.2f;
  CHECK(near(f1(Activation::kLeakyRelu, -2, leaky), -0.4));
  ActivationParams elu = default_params(Activation::kElu);
  elu.alpha = 2.0f;
  CHECK(near(f1(Activation::kElu, -1, elu), 2.0 * (std::exp(-1.0) - 1.0)));
  CHECK(near(f1(Activation::kSelu, 1), 1.0507009873554805));
  CHECK(near(f1(Activation::kGelu, 1), 0.8413447460685429));  // Φ(1)
  CHECK(near(f1(Activation::kSoftplus, 0), std::log(2.0)));
  CHECK(near(f1(Activation::kSwish, 1), 1 / (1 + std::exp(-1.0))));
  CHECK(near(f1(Activation::kMish, 1), std::tanh(std::log1p(std::exp(1.0)))));
  CHECK(near(d1(Activation::kMish, 0), 0.6));  // tanh(ln 2) = 3/5
  CHECK(near(f1(Activation::kGeluTanh, 1), 0.5 * (1 + std::tanh(0.7978845608028654 * 1.044715))));
}

TEST_CASE("derivatives agree with central finite differences of f") {
  // Step h = 1e-4 on the double oracle: truncation O(h² f''') ≈ 1e-8, below the
  // 1e-6 tolerance that also absorbs the float kernel's error (< 1e-6 for |f'| <= 2).
  const double h = 1e-4;
  for (int i = 0; i < kActivationCount; ++i) {
    const Activation a = all(i);
    const ActivationParams p = default_params(a);
    const std::string name = activation_name(a);
    CAPTURE(name);
    for (double x = -8.0; x <= 8.0; x += 0.0625 + 1.0 / 1024) {  // avoids x = 0 exactly
      if (std::fabs(x) < 2 * h) continue;  // the kinks of the ReLU family sit at 0
      CAPTURE(x);
      const double fd = (oracle::forward(a, p, x + h) - oracle::forward(a, p, x - h)) / (2 * h);
      CHECK(std::fabs(oracle::derivative(a, p, x) - fd) <= 1e-6);
      CHECK(std::fabs(d1(a, static_cast<float>(x), p) - fd) <= 1e-6 + 1e-7 * std::fabs(x));
    }
  }
}

TEST_CASE("symmetries") {
  for (float x : {0.1f, 0.7f, 1.5f, 3.0f, 6.0f}) {
    CAPTURE(x);
    const float tol = 4 * FLT_EPSILON * (1 + x);
    CHECK(std::fabs(f1(Activation::kSigmoid, -x) - (1 - f1(Activation::kSigmoid, x))) <= tol);
    CHECK(f1(Activation::kTanh, -x) == -f1(Activation::kTanh, x));
    CHECK(d1(Activation::kTanh, -x) == d1(Activation::kTanh, x));
    CHECK(d1(Activation::kSigmoid, -x) == d1(Activation::kSigmoid, x));
    // x·g(x) - (-x)·g(-x) = x when g(x) + g(-x) = 1 (gelu, swish); softplus likewise.
    for (Activation a : {Activation::kGelu, Activation::kGeluTanh, Activation::kSwish, Activation::kSoftplus}) {
      const std::string name = activation_name(a);
    CAPTURE(name);
      CHECK(std::fabs(f1(a, x) - f1(a, -x) - x) <= tol);
    }
  }
}

TEST_CASE("saturation and NaN") {
  for (int i = 0; i < kActivationCount; ++i) {
    const Activation a = all(i);
    const std::string name = activation_name(a);
    CAPTURE(name);
    CHECK(std::isnan(f1(a, NAN)));
    CHECK(std::isnan(d1(a, NAN)));
    CHECK_FALSE(std::isnan(f1(a, INFINITY)));
    CHECK_FALSE(std::isnan(f1(a, -INFINITY)));
    CHECK_FALSE(std::isnan(d1(a, INFINITY)));
    CHECK_FALSE(std::isnan(d1(a, -INFINITY)));
  }
  CHECK(f1(Activation::kSigmoid, 200) == 1.0f);
  CHECK(f1(Activation::kSigmoid, -INFINITY) <= FLT_MIN);
  CHECK(f1(Activation::kTanh, 30) == 1.0f);
  CHECK(f1(Activation::kTanh, -INFINITY) == -1.0f);
  CHECK(f1(Activation::kElu, -INFINITY) == -1.0f);
  CHECK(f1(Activation::kSoftplus, INFINITY) == INFINITY);
  CHECK(d1(Activation::kSigmoid, 120) <= FLT_MIN);
  CHECK(d1(Activation::kGelu, -30) == 0.0f);
}

TEST_CASE("kernels: every length 0..17, in place, nothing past the end") {
  for (int i = 0; i < kActivationCount; ++i) {
    const Activation a = all(i);
    const kernels::KernelSet& k = kernels::kernels_for(a);
    kernels::KernelArgs args;
    args.alpha = default_params(a).alpha;
    const std::string name = activation_name(a);
    CAPTURE(name);
    for (kernels::UnaryKernel f : {k.forward_scalar, k.forward_simd, k.derivative_scalar, k.derivative_simd}) {
      if (f == nullptr) continue;
      for (std::size_t n = 0; n <= 17; ++n) {
        CAPTURE(n);
        Vec x(n + 8, 12345.0f), y(n + 8, -777.0f);
        for (std::size_t j = 0; j < n; ++j) x[j] = -3.0f + 0.37f * float(j);
        f(n, x.data(), y.data(), args);
        for (std::size_t j = n; j < n + 8; ++j) CHECK(y[j] == -777.0f);  // canaries intact
        Vec inplace(x);
        f(n, inplace.data(), inplace.data(), args);
        for (std::size_t j = 0; j < n; ++j) CHECK(inplace[j] == y[j]);
        for (std::size_t j = n; j < n + 8; ++j) CHECK(inplace[j] == 12345.0f);
      }
    }
  }
}

TEST_CASE("rrelu draws seeded slopes in training and uses their mean in evaluation") {
  ActivationParams p = default_params(Activation::kRrelu);
  const Vec x(1000, -1.0f);
  Vec y(1000), y2(1000), dy(1000);
  p.training = true;
  p.seed = 42;
  REQUIRE(activation_forward(Activation::kRrelu, p, x, y).ok());
  REQUIRE(activation_forward(Activation::kRrelu, p, x, y2).ok());
  REQUIRE(activation_derivative(Activation::kRrelu, p, x, dy).ok());
  double mean = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    CHECK(-y[i] >= p.lower);
    CHECK(-y[i] < p.upper);
    CHECK(y[i] == y2[i]);       // same seed, same draws
    CHECK(dy[i] == -y[i]);      // the derivative is the slope that was drawn
    mean += -y[i] / x.size();
  }
  // 1000 uniform draws: the mean's standard error is (u-l)/sqrt(12·1000) ≈ 0.0019; allow 5σ.
  CHECK(std::fabs(mean - 0.5 * (p.lower + p.upper)) <= 0.01);
  p.seed = 43;
  REQUIRE(activation_forward(Activation::kRrelu, p, x, y2).ok());
  CHECK(y2 != y);
  p.training = false;
  CHECK(f1(Activation::kRrelu, -1.0f, p) == -0.5f * (p.lower + p.upper));
  CHECK(f1(Activation::kRrelu, 3.0f, p) == 3.0f);
}

TEST_CASE("prelu's derivative with respect to alpha matches finite differences") {
  ActivationParams p = default_params(Activation::kPrelu);
  const Vec x = {-2.0f, -0.5f, 0.5f, 3.0f};
  Vec g(4);
  REQUIRE(activation_alpha_derivative(Activation::kPrelu, p, x, g).ok());
  for (std::size_t i = 0; i < x.size(); ++i) {
    ActivationParams lo = p, hi = p;
    lo.alpha -= 0.01f;
    hi.alpha += 0.01f;
    const double fd = (double(f1(Activation::kPrelu, x[i], hi)) - f1(Activation::kPrelu, x[i], lo)) /
                      (double(hi.alpha) - lo.alpha);
    CHECK(std::fabs(g[i] - fd) <= 1e-5);
  }
}

}  // namespace
}  // namespace nnplay
