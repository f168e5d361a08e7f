// What is done with a data set: the train/test split, adding and removing
// points, and the feature expansion.
#include "nnplay/dataset.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "dataset_test_util.hpp"

namespace nnplay {
using namespace dataset_test;

TEST_CASE("dataset split") {
  // Row i is (i, -i): every sample is unique, so rows can be traced.
  Dataset all;
  for (int i = 0; i < 101; ++i) {
    all.x.insert(all.x.end(), {static_cast<float>(i), static_cast<float>(-i)});
    all.y.push_back(static_cast<float>(i % 2));
  }
  auto rows_of = [](const Dataset& d) {
    std::vector<int> r;
    for (int i = 0; i < d.size(); ++i) {
      CHECK(d.x[2 * i + 1] == -d.x[2 * i]);
      CHECK(d.y[i] == static_cast<float>(static_cast<int>(d.x[2 * i]) % 2));
      r.push_back(static_cast<int>(d.x[2 * i]));
    }
    return r;
  };
  SUBCASE("sizes: round(fraction · n), each side at least one sample") {
    const std::pair<float, int> cases[] = {{0.5f, 51}, {0.1f, 10}, {0.9f, 91}, {0.0f, 1}, {1.0f, 100}, {kNaN, 1}};
    for (const auto& c : cases) {
      const float fraction = c.first;
      const int n_train = c.second;
      CAPTURE(fraction);
      Dataset train, test;
      split_dataset(all, fraction, 3, &train, &test);
      CHECK(train.size() == n_train);
      CHECK(test.size() == 101 - n_train);
      CHECK(train.inputs == 2);
      CHECK(test.classes == 2);
    }
  }
  SUBCASE("disjoint, together all rows, shuffled, deterministic in the seed") {
    Dataset train, test, train2, test2, train3, test3;
    split_dataset(all, 0.5f, 3, &train, &test);
    split_dataset(all, 0.5f, 3, &train2, &test2);
    split_dataset(all, 0.5f, 4, &train3, &test3);
    std::vector<int> a = rows_of(train), b = rows_of(test);
    std::set<int> seen(a.begin(), a.end());
    for (int r : b) CHECK(seen.insert(r).second);
    CHECK(seen.size() == 101u);
    std::vector<int> sorted = a;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted != a);  // shuffled, not the first 51 rows in order
    CHECK(train2.x == train.x);
    CHECK(test2.x == test.x);
    CHECK(train3.x != train.x);
  }
  SUBCASE("small sets and aliasing") {
    Dataset one, train, test;
    one.x = {1, 2};
    one.y = {1};
    split_dataset(one, 0.5f, 1, &train, &test);
    CHECK(train.size() + test.size() == 1);
    Dataset alias = all;
    split_dataset(alias, 0.5f, 3, &alias, &test);
    CHECK(alias.size() == 51);
    CHECK(test.size() == 50);
  }
}

TEST_CASE("dataset add and remove points") {
  Dataset d;
  d.x = {0.5f, -1};
  d.y = {1};
  auto expect_add = [&](const std::vector<float>& x, float y, const std::string& fragment) {
    const Dataset before = d;
    const Status s = add_point(&d, x, y);
    CHECK_FALSE(s.ok());
    CHECK_MESSAGE(s.message().find(fragment) != std::string::npos, "message: " << s.message());
    CHECK(d.x == before.x);
    CHECK(d.y == before.y);
  };
  SUBCASE("add a valid point") {
    REQUIRE(add_point(&d, {2, 3}, 0).ok());
    CHECK(d.size() == 2);
    CHECK(d.x == std::vector<float>{0.5f, -1, 2, 3});
    CHECK(d.y == std::vector<float>{1, 0});
  }
  SUBCASE("add: errors name the bad value") {
    expect_add({1}, 0, "add_point: x has 1 values, but the data set has 2 inputs");
    expect_add({1, 2, 3}, 0, "x has 3 values");
    expect_add({1, kNaN}, 0, "add_point: x[1] is NaN; inputs must be finite");
    expect_add({-kInf, 0}, 0, "add_point: x[0] is -inf");
    expect_add({1, 2}, 2, "add_point: label 2 is not a class of this data set (0..1)");
    expect_add({1, 2}, 0.5f, "label 0.5 is not a class");
    expect_add({1, 2}, -1, "label -1 is not a class");
    expect_add({1, 2}, kNaN, "label NaN is not a class");
  }
  SUBCASE("add: regression targets are any finite value") {
    d.classes = 0;
    CHECK(add_point(&d, {1, 2}, -17.25f).ok());
    expect_add({1, 2}, kInf, "add_point: target inf is not finite");
  }
  SUBCASE("add: at most 10000 samples") {
    d.x.assign(20000, 0.0f);
    d.y.assign(10000, 0.0f);
    expect_add({1, 2}, 0, "add_point: the data set already has 10000 samples");
  }
  SUBCASE("remove") {
    REQUIRE(add_point(&d, {2, 3}, 0).ok());
    REQUIRE(add_point(&d, {4, 5}, 1).ok());
    REQUIRE(remove_point(&d, 1).ok());
    CHECK(d.x == std::vector<float>{0.5f, -1, 4, 5});
    CHECK(d.y == std::vector<float>{1, 1});
    Status s = remove_point(&d, 2);
    CHECK(s.message() == "remove_point: index 2 is out of range; the data set has 2 samples (0..1)");
    s = remove_point(&d, -1);
    CHECK(s.message().find("index -1 is out of range") != std::string::npos);
    CHECK(s.code() == StatusCode::kOutOfRange);
    REQUIRE(remove_point(&d, 0).ok());
    REQUIRE(remove_point(&d, 0).ok());
    CHECK(d.size() == 0);
    s = remove_point(&d, 0);
    CHECK(s.message() == "remove_point: index 0, but the data set is empty");
  }
}

TEST_CASE("dataset features") {
  SUBCASE("feature_count counts the chosen flags") {
    CHECK(feature_count(0) == 0);
    CHECK(feature_count(kDefaultFeatures) == 2);
    CHECK(feature_count(kX1 | kX2 | kX1Squared | kX2Squared | kX1X2 | kSinX1 | kSinX2) == 7);
    CHECK(feature_count(kX1X2 | (1u << 20)) == 1);  // unknown bits ignored
  }
  Dataset d;
  d.x = {1.5f, -2, 0, 0.25f};
  d.y = {0, 1};
  SUBCASE("all seven for known points, in TF's order") {
    std::vector<float> e;
    expand_features(d, kX1 | kX2 | kX1Squared | kX2Squared | kX1X2 | kSinX1 | kSinX2, &e);
    REQUIRE(e.size() == 14u);
    const double want[14] = {1.5, -2, 2.25, 4, -3, std::sin(1.5), std::sin(-2.0),
                             0,   0.25, 0, 0.0625, 0, 0, std::sin(0.25)};
    // Products of these values are exact in float; the sines are within one
    // float rounding (half an ulp, < 6e-8 for |sin| <= 1).
    for (int i = 0; i < 14; ++i) CHECK(std::fabs(e[i] - want[i]) <= 6e-8);
  }
  SUBCASE("a subset keeps the order") {
    std::vector<float> e;
    expand_features(d, kSinX1 | kX2, &e);
    CHECK(e.size() == 4u);
    CHECK(e[0] == -2.0f);
    CHECK(std::fabs(e[1] - std::sin(1.5)) <= 6e-8);
    CHECK(e[2] == 0.25f);
    CHECK(e[3] == 0.0f);
  }
  SUBCASE("other data pass through") {
    const Dataset sine = generate(DatasetKind::kSine, 20);
    std::vector<float> e;
    expand_features(sine, kX1 | kX1Squared, &e);
    CHECK(e == sine.x);
  }
}

TEST_CASE("feature_values: one feature of raw points by name, as training expands it") {
  const std::vector<float> pts = {1.5f, -2.0f, 0.0f, 0.25f};
  std::vector<float> out;
  REQUIRE(feature_values("x1_x2", pts, &out).ok());
  CHECK(out == std::vector<float>{-3.0f, 0.0f});
  REQUIRE(feature_values("x2_squared", pts, &out).ok());
  CHECK(out == std::vector<float>{4.0f, 0.0625f});
  REQUIRE(feature_values("sin_x1", pts, &out).ok());
  REQUIRE(out.size() == 2u);
  CHECK(std::fabs(out[0] - std::sin(1.5)) <= 6e-8);  // one float rounding, as above
  CHECK(out[1] == 0.0f);
  SUBCASE("bad input is named and leaves *out alone") {
    out = {7.0f};
    const Status unknown = feature_values("x3", pts, &out);
    CHECK(unknown.code() == StatusCode::kInvalidArgument);
    CHECK(unknown.message() == "featureValues: unknown feature x3; valid names are x1, x2, x1_squared, x2_squared, x1_x2, sin_x1, sin_x2");
    const Status odd = feature_values("x1", {1.0f, 2.0f, 3.0f}, &out);
    CHECK(odd.message() == "featureValues: points must hold x, y pairs, got 3 values");
    CHECK(out == std::vector<float>{7.0f});
  }
}

}  // namespace nnplay
