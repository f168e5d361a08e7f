// Shared by the softmax tests: the float types and specials, softmax into a
// fresh vector, the double-precision reference, and the check that a result
// is a probability distribution.
#pragma once
#include <cfloat>
#include <cmath>
#include <limits>
#include <vector>

#include <doctest/doctest.h>

#include "nnplay/softmax.hpp"

namespace nnplay::softmax_test {

using Vec = std::vector<float>;
constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

inline Vec run_softmax(const Vec& z, float t = 1.0f) {
  Vec p(z.size());
  REQUIRE(softmax(z, t, p).ok());
  return p;
}

// Double-precision softmax: the reference the float results are held to.
inline std::vector<double> softmax_ref(const Vec& z, double t = 1.0) {
  double m = -INFINITY;
  for (float v : z) m = std::fmax(m, v);
  std::vector<double> p(z.size());
  double s = 0;
  for (std::size_t i = 0; i < z.size(); ++i) s += p[i] = std::exp((z[i] - m) / t);
  for (double& v : p) v /= s;
  return p;
}

// Every entry a probability; tolerance: n float roundings of terms <= 1.
inline void check_distribution(const Vec& p) {
  double s = 0;
  for (float v : p) {
    CHECK(std::isfinite(v));
    CHECK(v >= 0.0f);
    s += v;
  }
  CHECK(std::fabs(s - 1.0) <= 4.0 * p.size() * FLT_EPSILON);
}

}  // namespace nnplay::softmax_test
