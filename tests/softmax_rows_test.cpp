// softmax_rows (many rows of logits in one call, the SIMD kernel's shape):
// against double precision for every row count and width, and its special
// rows (±inf, NaN, huge logits) redone without touching their neighbours, in
// place and into another buffer.
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include <doctest/doctest.h>

#include "nnplay/softmax.hpp"
#include "softmax_test_util.hpp"

namespace nnplay {
namespace {

using namespace softmax_test;

TEST_CASE("softmax_rows matches double precision for every row count and width") {
  // The SIMD build takes four rows per lane group, up to eight groups per call;
  // these shapes cover full groups, a remainder, more than one call (33 rows),
  // the flat even widths (4k: 4, 64; 4k + 2: 6, 10, 14), the transposed odd
  // ones, and one past the widest (65).
  std::uint32_t state = 12345;
  auto next = [&] { return float((state = state * 1664525u + 1013904223u) >> 8) / 16777216.0f; };
  double worst = 0;
  for (std::size_t cols : {1, 2, 3, 4, 5, 6, 8, 10, 14, 17, 64, 65}) {
    for (std::size_t rows : {1, 3, 4, 7, 8, 13, 33}) {
      Vec z(rows * cols), p(rows * cols);
      for (float& v : z) v = 60.0f * next() - 30.0f;
      REQUIRE(softmax_rows(rows, cols, z, p).ok());
      for (std::size_t r = 0; r < rows; ++r) {
        const Vec row(z.begin() + long(r * cols), z.begin() + long((r + 1) * cols));
        const std::vector<double> want = softmax_ref(row);
        for (std::size_t j = 0; j < cols; ++j) worst = std::fmax(worst, std::fabs(p[r * cols + j] - want[j]));
      }
    }
  }
  MESSAGE("softmax_rows max abs error vs double: " << worst);
  CHECK(worst <= 4 * FLT_EPSILON);
}

TEST_CASE("softmax_rows gives a special row its limits without touching its neighbours") {
  // Rows 0-3 form one lane group: the NaN row must not spread to the others.
  const Vec z = {1, 2, 3, kNaN, 0, 0, kInf, 1, kInf, -kInf, -kInf, -kInf, 5, 5, 5};
  Vec p(z.size());
  REQUIRE(softmax_rows(5, 3, z, p).ok());
  const Vec a = run_softmax({1, 2, 3});
  for (int i = 0; i < 3; ++i) CHECK(p[i] == doctest::Approx(a[i]).epsilon(4 * FLT_EPSILON));
  for (int i = 3; i < 6; ++i) CHECK(std::isnan(p[i]));
  CHECK(p[6] == 0.5f);
  CHECK(p[7] == 0.0f);
  CHECK(p[8] == 0.5f);
  for (int i = 9; i < 12; ++i) CHECK(std::isnan(p[i]));
  for (int i = 12; i < 15; ++i) CHECK(p[i] == doctest::Approx(1.0 / 3.0).epsilon(4 * FLT_EPSILON));
}

TEST_CASE("softmax_rows of ten: -inf gives 0, and a special group is redone in place") {
  // Rows of ten take the flat kernel (ten vectors per four rows). Group 0 has
  // a -inf logit (p = 0 exactly) and a logit 90 below its row's maximum (e^-90
  // is below FLT_MIN: 0 within FLT_MIN); group 1 holds a NaN row and a +inf
  // row, so the kernel must leave it for the per-row path, and z and p are
  // one buffer: the kernel must not have written it first.
  Vec z(80);
  for (std::size_t i = 0; i < z.size(); ++i) z[i] = float(i % 7) - 3.0f;
  z[3] = -kInf;
  z[15] = -90.0f;
  z[45] = kNaN;
  z[62] = kInf;
  const Vec orig = z;
  REQUIRE(softmax_rows(8, 10, z, z).ok());
  CHECK(z[3] == 0.0f);
  CHECK(z[15] <= FLT_MIN);
  for (std::size_t r : {0, 1, 2, 3, 5, 7}) {
    const Vec row(orig.begin() + long(r * 10), orig.begin() + long(r * 10 + 10));
    const std::vector<double> want = softmax_ref(row);
    for (std::size_t j = 0; j < 10; ++j) CHECK(std::fabs(z[r * 10 + j] - want[j]) <= 4 * FLT_EPSILON);
  }
  for (std::size_t j = 40; j < 50; ++j) CHECK(std::isnan(z[j]));
  for (std::size_t j = 60; j < 70; ++j) CHECK(z[j] == (j == 62 ? 1.0f : 0.0f));
}

TEST_CASE("softmax_rows of ten into another buffer: a special group is redone over the kernel's partial output") {
  // With p apart from z the flat kernel writes its exponentials to p before it
  // knows a group is special (group 1: a NaN row and a +inf row); the per-row
  // path must then overwrite all of that group, and group 0 must be finished.
  Vec z(80);
  for (std::size_t i = 0; i < z.size(); ++i) z[i] = float(i % 9) - 4.0f;
  z[45] = kNaN;
  z[62] = kInf;
  const Vec orig = z;
  Vec p(80, 7.0f);
  REQUIRE(softmax_rows(8, 10, z, p).ok());
  for (std::size_t i = 0; i < z.size(); ++i) CHECK((z[i] == orig[i] || (std::isnan(z[i]) && std::isnan(orig[i]))));
  for (std::size_t r : {0, 1, 2, 3, 5, 7}) {
    const std::vector<double> want = softmax_ref(Vec(z.begin() + long(r * 10), z.begin() + long(r * 10 + 10)));
    for (std::size_t j = 0; j < 10; ++j) CHECK(std::fabs(p[r * 10 + j] - want[j]) <= 4 * FLT_EPSILON);
  }
  for (std::size_t j = 40; j < 50; ++j) CHECK(std::isnan(p[j]));
  for (std::size_t j = 60; j < 70; ++j) CHECK(p[j] == (j == 62 ? 1.0f : 0.0f));
}


}  // namespace
}  // namespace nnplay
