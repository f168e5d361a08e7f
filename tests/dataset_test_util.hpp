// Shared by the data set tests: generate a set or fail with the core's own
// message, pin a set by one checksum, count its labels, read a shipped data
// file, and check that a refused parse names the problem and leaves its output
// untouched.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "nnplay/dataset.hpp"

namespace nnplay::dataset_test {

inline constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
inline constexpr float kInf = std::numeric_limits<float>::infinity();
inline constexpr double kPi = 3.14159265358979323846;
inline constexpr DatasetKind kGenerated[] = {
    DatasetKind::kCircle, DatasetKind::kXor,     DatasetKind::kGauss,
    DatasetKind::kSpiral, DatasetKind::kMoons,   DatasetKind::kSpiralK,
    DatasetKind::kSine,   DatasetKind::kPlane,   DatasetKind::kGaussRegression};

inline Dataset generate(DatasetKind kind, int samples = 500, float noise = 0.0f, std::uint32_t seed = 1,
                 int classes = 3) {
  DataConfig cfg;
  cfg.kind = kind;
  cfg.samples = samples;
  cfg.noise = noise;
  cfg.seed = seed;
  cfg.classes = classes;
  Dataset d;
  const Status s = generate_dataset(cfg, &d);
  REQUIRE_MESSAGE(s.ok(), s.message());
  return d;
}

// FNV-1a over the bytes of x then y: one number that pins a whole data set.
inline std::uint64_t checksum(const Dataset& d) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](const std::vector<float>& v) {
    for (float f : v) {
      unsigned char b[4];
      std::memcpy(b, &f, 4);
      for (unsigned char c : b) h = (h ^ c) * 1099511628211ull;
    }
  };
  mix(d.x);
  mix(d.y);
  return h;
}

inline std::vector<int> label_counts(const Dataset& d) {
  std::vector<int> counts(std::max(d.classes, 1), 0);
  for (float y : d.y) {
    REQUIRE(y == std::floor(y));
    REQUIRE(y >= 0);
    REQUIRE(y < d.classes);
    ++counts[static_cast<int>(y)];
  }
  return counts;
}

inline std::string read_data_file(const char* name) {
  std::ifstream in(std::string(NNPLAY_TEST_DATA_DIR) + "/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << name << " in " << NNPLAY_TEST_DATA_DIR);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs a parser that must fail, checks the message fragment and that *out kept its sentinel.
template <class Parse>
void expect_error(Parse parse, const std::string& fragment) {
  Dataset out;
  out.x = {42.0f};
  out.y = {7.0f};
  const Status s = parse(&out);
  CHECK_FALSE(s.ok());
  CHECK_MESSAGE(s.message().find(fragment) != std::string::npos, "message: " << s.message());
  CHECK(out.x == std::vector<float>{42.0f});
  CHECK(out.y == std::vector<float>{7.0f});
}

inline void expect_custom_error(const std::string& csv, const std::string& fragment, bool regression = false) {
  CAPTURE(csv.substr(0, 80));
  expect_error([&](Dataset* out) { return parse_custom_csv(csv, regression, out); }, fragment);
}

}  // namespace nnplay::dataset_test
