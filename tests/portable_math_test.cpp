// portable_sin_cos is defined for every double (portable_math.hpp): sin and
// cos where |x| <= kPortableTrigExact, a bounded reproducible value beyond,
// NaN for inf and NaN; and a sin_x1 feature of a huge input stays finite.
#include "nnplay/portable_math.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <doctest/doctest.h>

#include "nnplay/config.hpp"
#include "nnplay/dataset.hpp"

namespace nnplay {
namespace {

// The series and the two-part reduction err by a few ulps of 1 (2.2e-16
// each); glibc's sin/cos are within 1 ulp. 1e-15 leaves room for both, and a
// wrong quadrant or reduction would be off by ~1.
constexpr double kTolerance = 1e-15;

TEST_CASE("portable_sin_cos agrees with std::sin and std::cos on [-1e6, 1e6]") {
  double worst = 0.0;
  std::vector<double> xs = {0.0, -0.0, 1e-300, 5e-324, kPi / 4, kPi / 2, kPi, 1e6, -1e6, kPortableTrigExact};
  for (int i = -100000; i <= 100000; ++i) xs.push_back(i * 9.9999999);  // spans the range
  for (int k = -2000; k <= 2000; ++k) xs.push_back(k * (kPi / 2));        // near every quadrant edge
  for (double x : xs) {
    double s = 0.0, c = 0.0;
    portable_sin_cos(x, &s, &c);
    worst = std::fmax(worst, std::fmax(std::fabs(s - std::sin(x)), std::fabs(c - std::cos(x))));
    REQUIRE(portable_sin(x) == s);
  }
  MESSAGE("portable_sin_cos: largest difference from glibc on [-1e6, 1e6]: " << worst);
  CHECK(worst <= kTolerance);
}

TEST_CASE("portable_sin_cos beyond 1e6: fmod by 2·kPi first, finite and in [-1, 1]") {
  const double big[] = {1e6 + 1, -3e7, 1e19, 9.3e18, 1e30, -1e30, 1e300, -1e300,
                        std::numeric_limits<double>::max(), -std::numeric_limits<double>::max()};
  for (double x : big) {
    CAPTURE(x);
    double s = 0.0, c = 0.0;
    portable_sin_cos(x, &s, &c);
    CHECK(std::isfinite(s));
    CHECK(std::fabs(s) <= 1.0);
    CHECK(std::fabs(c) <= 1.0);
    const double reduced = std::fmod(x, 2.0 * kPi);  // exact, |reduced| < 2π
    CHECK(s == portable_sin(reduced));
    CHECK(std::fabs(s - std::sin(reduced)) <= kTolerance);
    CHECK(std::fabs(c - std::cos(reduced)) <= kTolerance);
  }
}

TEST_CASE("portable_sin_cos of inf and NaN is NaN, as std::sin's") {
  const double inf = std::numeric_limits<double>::infinity();
  for (double x : {inf, -inf, std::numeric_limits<double>::quiet_NaN()}) {
    double s = 0.0, c = 0.0;
    portable_sin_cos(x, &s, &c);
    CHECK(std::isnan(s));
    CHECK(std::isnan(c));
  }
}

TEST_CASE("a sin_x1 feature of an input of 1e30 is a finite value in [-1, 1]") {
  Dataset d;
  d.inputs = 2;
  d.x = {1e30f, 0.5f, -1e30f, -3e38f};
  d.y = {0.0f, 1.0f};
  std::vector<float> f;
  expand_features(d, kSinX1 | kSinX2, &f);
  REQUIRE(f.size() == 4);
  for (float v : f) CHECK(std::fabs(v) <= 1.0f);
  CHECK(std::fabs(f[1] - std::sin(0.5)) <= 3e-8);  // in range: the sine, within a float rounding
}

}  // namespace
}  // namespace nnplay
