#include "nnplay/softmax.hpp"

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "softmax_test_util.hpp"

namespace nnplay {
namespace {

using namespace softmax_test;

TEST_CASE("softmax reproduces the article's numbers") {
  SUBCASE("[2, 3, 5]") {
    // The article prints 8 significant digits; the tolerance is half a unit in the last.
    const Vec p = run_softmax({2, 3, 5});
    CHECK(std::fabs(p[0] - 0.04201007) <= 0.5e-8);
    CHECK(std::fabs(p[1] - 0.1141952) <= 0.5e-7);
    CHECK(std::fabs(p[2] - 0.84379473) <= 0.5e-8 + FLT_EPSILON);
  }
  SUBCASE("[2.0, 1.0, 0.1] ≈ [0.659, 0.242, 0.099]") {
    const Vec p = run_softmax({2.0f, 1.0f, 0.1f});
    CHECK(std::fabs(p[0] - 0.659) <= 0.0005);
    CHECK(std::fabs(p[1] - 0.242) <= 0.0005);
    CHECK(std::fabs(p[2] - 0.099) <= 0.0005);
  }
  SUBCASE("[20, 300, 5000] gives [0, 0, 1] without NaN") {
    const Vec p = run_softmax({20, 300, 5000});
    CHECK(p[0] == 0.0f);
    CHECK(p[1] == 0.0f);
    CHECK(p[2] == 1.0f);
  }
  SUBCASE("the naive formula overflows on [20, 300, 5000]") {
    Vec p(3);
    REQUIRE(softmax_naive(Vec{20, 300, 5000}, p).ok());
    CHECK(p[0] == 0.0f);  // e^20 / inf
    CHECK(std::isnan(p[1]));  // inf / inf
    CHECK(std::isnan(p[2]));
  }
  SUBCASE("the naive formula agrees with softmax where it does not overflow") {
    Vec p(3);
    REQUIRE(softmax_naive(Vec{2, 3, 5}, p).ok());
    const Vec q = run_softmax({2, 3, 5});
    for (int i = 0; i < 3; ++i) CHECK(std::fabs(p[i] - q[i]) <= 2 * FLT_EPSILON);
  }
}

TEST_CASE("softmax is finite for every finite input") {
  const std::vector<Vec> inputs = {
      {FLT_MAX, -FLT_MAX}, {-FLT_MAX, -FLT_MAX, -FLT_MAX}, {-1e30f, 0.0f}, {-1e30f},
      {7, 7, 7, 7},        {0},                             {FLT_MAX, FLT_MAX}, {1e-45f, -1e-45f, 0}};
  for (const Vec& z : inputs) {
    for (float t : {1.0f, 0.01f, 100.0f, FLT_MIN, FLT_MAX}) {
      CAPTURE(t);
      check_distribution(run_softmax(z, t));
    }
  }
  CHECK(run_softmax({7, 7, 7, 7})[2] == 0.25f);
  CHECK(run_softmax({-1e30f})[0] == 1.0f);
}

TEST_CASE("softmax matches double precision within 4 ulp-of-1 over random logits") {
  std::uint32_t state = 12345;
  const auto next = [&] { state = state * 1664525u + 1013904223u; return (state >> 8) * 0x1p-24f; };
  double worst = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    Vec z(1 + trial % 17);
    for (float& v : z) v = 40.0f * next() - 20.0f;
    const float t = 0.1f + 5.0f * next();
    const Vec p = run_softmax(z, t);
    const std::vector<double> want = softmax_ref(z, t);
    for (std::size_t i = 0; i < z.size(); ++i) worst = std::fmax(worst, std::fabs(p[i] - want[i]));
  }
  MESSAGE("softmax max abs error vs double: " << worst);
  CHECK(worst <= 4 * FLT_EPSILON);
}

TEST_CASE("softmax rows, temperature and IEEE special values") {
  SUBCASE("rows are independent distributions") {
    const Vec z = {1, 2, 3, 1000, 0, -1000};
    Vec p(6);
    REQUIRE(softmax_rows(2, 3, z, p).ok());
    const Vec a = run_softmax({1, 2, 3});
    for (int i = 0; i < 3; ++i) CHECK(p[i] == a[i]);
    CHECK(p[3] == 1.0f);
  }
  SUBCASE("large T flattens, small T sharpens") {
    const Vec hot = run_softmax({1, 2, 3}, 1e6f);
    CHECK(std::fabs(hot[0] - 1.0f / 3.0f) <= 1e-5f);
    const Vec cold = run_softmax({1, 2, 3}, 1e-3f);
    CHECK(cold[2] == 1.0f);
    CHECK(cold[0] == 0.0f);
  }
  SUBCASE("NaN anywhere gives NaN everywhere") {
    for (float v : run_softmax({1, kNaN, 2})) CHECK(std::isnan(v));
  }
  SUBCASE("+inf logits share the mass") {
    const Vec p = run_softmax({kInf, 1, kInf});
    CHECK(p[0] == 0.5f);
    CHECK(p[1] == 0.0f);
    CHECK(p[2] == 0.5f);
  }
  SUBCASE("all -inf is undefined: NaN") {
    for (float v : run_softmax({-kInf, -kInf})) CHECK(std::isnan(v));
  }
  SUBCASE("a -inf logit gets probability 0") {
    const Vec p = run_softmax({-kInf, 0});
    CHECK(p[0] == 0.0f);
    CHECK(p[1] == 1.0f);
  }
}

TEST_CASE("log_softmax is log(softmax) and stays finite") {
  Vec lp(3);
  REQUIRE(log_softmax(Vec{2, 3, 5}, 1.0f, lp).ok());
  const std::vector<double> p = softmax_ref({2, 3, 5});
  for (int i = 0; i < 3; ++i) CHECK(std::fabs(lp[i] - std::log(p[i])) <= 4 * FLT_EPSILON * 3);
  REQUIRE(log_softmax(Vec{20, 300, 5000}, 1.0f, lp).ok());
  CHECK(lp[0] == -4980.0f);  // where softmax itself underflows to 0
  CHECK(lp[2] == 0.0f);
  REQUIRE(log_softmax(Vec{2, 3, 5}, 2.0f, lp).ok());
  const std::vector<double> p2 = softmax_ref({2, 3, 5}, 2.0);
  for (int i = 0; i < 3; ++i) CHECK(std::fabs(lp[i] - std::log(p2[i])) <= 12 * FLT_EPSILON);
}

TEST_CASE("percentages") {
  Vec out(3);
  REQUIRE(percentages(Vec{2, 3, 5}, out).ok());
  CHECK(out[0] == 0.2f);
  CHECK(out[1] == 0.3f);
  CHECK(out[2] == 0.5f);
  const Status s = percentages(Vec{1, -3, 1}, out);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("-1") != std::string::npos);
  CHECK_FALSE(percentages(Vec{0, 0, 0}, out).ok());
}

TEST_CASE("the Jacobian and the cross-entropy gradient match finite differences") {
  const Vec z = {0.5f, -1.0f, 2.0f, 0.25f};
  const std::size_t n = z.size();
  for (float t : {1.0f, 2.5f}) {
    Vec jac(n * n);
    REQUIRE(softmax_jacobian(z, t, jac).ok());
    for (std::size_t j = 0; j < n; ++j) {
      // Central difference of the double reference, step 1e-3: error O(h²) ≈ 1e-7.
      Vec zp = z, zm = z;
      zp[j] += 1e-3f;
      zm[j] -= 1e-3f;
      const double h = double(zp[j]) - double(zm[j]);
      const std::vector<double> pp = softmax_ref(zp, t), pm = softmax_ref(zm, t);
      for (std::size_t i = 0; i < n; ++i) CHECK(std::fabs(jac[i * n + j] - (pp[i] - pm[i]) / h) <= 1e-6);
    }
  }
  float loss;
  Vec grad(n);
  REQUIRE(cross_entropy(z, 2, &loss, grad).ok());
  CHECK(std::fabs(loss + std::log(softmax_ref(z)[2])) <= 1e-6);
  for (std::size_t j = 0; j < n; ++j) {
    Vec zp = z, zm = z;
    zp[j] += 1e-3f;
    zm[j] -= 1e-3f;
    const double h = double(zp[j]) - double(zm[j]);
    const double fd = (-std::log(softmax_ref(zp)[2]) + std::log(softmax_ref(zm)[2])) / h;
    CHECK(std::fabs(grad[j] - fd) <= 1e-6);
  }
  Vec grad3(3);
  REQUIRE(cross_entropy(Vec{20, 300, 5000}, 0, &loss, grad3).ok());
  CHECK(loss == 4980.0f);  // finite even though p[0] underflows
}

TEST_CASE("bad input is rejected with the parameter and the value") {
  Vec p(3);
  const auto message = [](const Status& s) { return s.message(); };
  CHECK(message(softmax(Vec{}, 1.0f, Vec{})).find("empty") != std::string::npos);
  CHECK(message(softmax(Vec{1, 2, 3}, -1.0f, p)).find("temperature must be > 0 and finite, got -1") != std::string::npos);
  CHECK(message(softmax(Vec{1, 2, 3}, kNaN, p)).find("NaN") != std::string::npos);
  CHECK(message(softmax(Vec{1, 2, 3}, kInf, p)).find("inf") != std::string::npos);
  CHECK(message(softmax(Vec{1, 2}, 1.0f, p)).find("output has 3") != std::string::npos);
  CHECK(message(cross_entropy(Vec{1, 2, 3}, 3, nullptr, p)).find("got 3") != std::string::npos);
  Vec big(kMaxJacobianSize + 1), jac(1);
  CHECK(message(softmax_jacobian(big, 1.0f, jac)).find("65") != std::string::npos);
  CHECK(message(softmax_rows(2, 0, Vec{}, Vec{})).find("cols is 0") != std::string::npos);
}

}  // namespace
}  // namespace nnplay
