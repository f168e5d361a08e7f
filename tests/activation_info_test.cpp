// The metadata the page shows must be true of the kernels: each property is
// recomputed here from the kernels on a dense grid.
#include "nnplay/activation_info.hpp"

#include <cmath>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace nnplay {
namespace {

struct Curve {
  std::vector<float> x, f, df;
};

Curve sample(Activation a, float lo, float hi, int n) {
  Curve c;
  for (int i = 0; i < n; ++i) c.x.push_back(lo + (hi - lo) * float(i) / float(n - 1));
  c.f.resize(n);
  c.df.resize(n);
  const ActivationParams p = default_params(a);
  REQUIRE(activation_forward(a, p, c.x, c.f).ok());
  REQUIRE(activation_derivative(a, p, c.x, c.df).ok());
  return c;
}

TEST_CASE("every documented property holds for the kernels") {
  for (int i = 0; i < kActivationCount; ++i) {
    const auto a = static_cast<Activation>(i);
    const ActivationInfo& info = activation_info(a);
    const std::string name = info.name;
    CAPTURE(name);
    CHECK(std::string(info.name) == activation_name(a));
    // The grid has step 1/2000: extrema of smooth f are found to O(step²) ≈ 1e-7.
    const Curve c = sample(a, -40.0f, 40.0f, 160001);
    float fmin = INFINITY, fmax = -INFINITY, dmax = -INFINITY;
    bool monotonic = true, odd = true;
    for (std::size_t j = 0; j < c.x.size(); ++j) {
      fmin = std::fmin(fmin, c.f[j]);
      fmax = std::fmax(fmax, c.f[j]);
      dmax = std::fmax(dmax, c.df[j]);
      monotonic &= c.df[j] >= 0.0f;
      odd &= std::fabs(c.f[j] + c.f[c.x.size() - 1 - j]) <= 1e-6f * (1 + std::fabs(c.f[j]));
    }
    // An unbounded side is still moving at the grid's edge.
    const std::size_t inner = c.x.size() / 8;
    if (std::isfinite(info.range_min)) CHECK(std::fabs(fmin - info.range_min) <= 1e-5f);
    else CHECK(fmin < c.f[inner]);
    if (std::isfinite(info.range_max)) CHECK(std::fabs(fmax - info.range_max) <= 1e-5f);
    else CHECK(fmax > c.f[c.x.size() - 1 - inner]);
    CHECK(std::fabs(dmax - info.derivative_max) <= 1e-5f);
    CHECK(monotonic == info.monotonic);
    CHECK(odd == info.zero_centred);
    const Curve zero = sample(a, 0.0f, 1.0f, 2);
    CHECK(std::fabs(zero.df[0] - info.derivative_at_zero) <= 1e-6f);
    // Saturation: f' vanishes at -40 / +40 on the documented sides only.
    const bool neg = std::fabs(c.df.front()) < 1e-6f, pos = std::fabs(c.df.back()) < 1e-6f;
    const Saturation s = neg && pos ? Saturation::kBoth : neg ? Saturation::kNegative
                         : pos      ? Saturation::kPositive : Saturation::kNone;
    CHECK(saturation_name(s) == std::string(saturation_name(info.saturates)));
    // Smooth: f' continuous at 0, where the piecewise ones have their kink.
    const Curve around = sample(a, -1e-4f, 1e-4f, 3);
    CHECK((std::fabs(around.df[0] - around.df[2]) < 1e-3f) == info.smooth);
    for (int k = 0; k < info.param_count; ++k) {
      const ParamInfo& p = info.params[k];
      CHECK(p.min <= p.default_value);
      CHECK(p.default_value <= p.max);
      CHECK(p.step > 0.0f);
    }
  }
}

TEST_CASE("the JSON form carries names, TeX, parameters and properties") {
  const std::string j = activation_info_json(Activation::kElu);
  CHECK(j.find(R"("name":"elu")") != std::string::npos);
  CHECK(j.find(R"("zh":"ELU")") != std::string::npos);
  CHECK(j.find(R"("params":[{"name":"alpha","default":1,"min":0,"max":5)") != std::string::npos);
  CHECK(j.find(R"("rangeMax":null)") != std::string::npos);  // +inf has no JSON form
  CHECK(j.find(R"(\\alpha)") != std::string::npos);           // TeX backslashes escaped
  CHECK(activation_info_json(Activation::kRrelu).find(R"("name":"upper")") != std::string::npos);
}

}  // namespace
}  // namespace nnplay
