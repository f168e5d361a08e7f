// Generated data sets: the kind names, the config checks, determinism, sizes
// and class balance, and the shape of each kind.
#include "nnplay/dataset.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "dataset_test_util.hpp"

namespace nnplay {
using namespace dataset_test;

TEST_CASE("dataset kind names") {
  SUBCASE("every name round-trips") {
    for (int i = 0; i <= static_cast<int>(DatasetKind::kCustom); ++i) {
      const auto k = static_cast<DatasetKind>(i);
      DatasetKind back = DatasetKind::kCircle;
      CHECK(parse_dataset_kind(dataset_kind_name(k), &back).ok());
      CHECK(back == k);
    }
    CHECK(std::string(dataset_kind_name(DatasetKind::kGaussRegression)) == "gauss_regression");
    CHECK(std::string(dataset_kind_name(DatasetKind::kSpiralK)) == "spiral_k");
  }
  SUBCASE("an unknown name is an error listing the valid ones") {
    DatasetKind k = DatasetKind::kXor;
    const Status s = parse_dataset_kind("spirals", &k);
    CHECK_FALSE(s.ok());
    CHECK(s.message().find("\"spirals\"") != std::string::npos);
    CHECK(s.message().find("gauss_regression") != std::string::npos);
    CHECK(k == DatasetKind::kXor);
  }
}

TEST_CASE("dataset generate: validation") {
  auto expect = [](DataConfig cfg, const std::string& fragment) {
    expect_error([&](Dataset* out) { return generate_dataset(cfg, out); }, fragment);
  };
  DataConfig cfg;
  SUBCASE("samples") {
    cfg.samples = 3;
    expect(cfg, "data.samples must be in [10, 5000], got 3");
    cfg.samples = 5001;
    expect(cfg, "data.samples must be in [10, 5000], got 5001");
  }
  SUBCASE("noise") {
    cfg.noise = -0.1f;
    expect(cfg, "data.noise must be in [0, 0.5], got -0.1");
    cfg.noise = 0.75f;
    expect(cfg, "data.noise must be in [0, 0.5], got 0.75");
    cfg.noise = kNaN;
    expect(cfg, "data.noise must be in [0, 0.5], got NaN");
  }
  SUBCASE("classes, only for spiral_k") {
    cfg.kind = DatasetKind::kSpiralK;
    cfg.classes = 2;
    expect(cfg, "data.classes must be in [3, 5] for spiral_k, got 2");
    cfg.classes = 6;
    expect(cfg, "data.classes must be in [3, 5] for spiral_k, got 6");
    cfg.kind = DatasetKind::kCircle;  // the other kinds ignore classes
    Dataset d;
    CHECK(generate_dataset(cfg, &d).ok());
  }
  SUBCASE("kind must be generated") {
    cfg.kind = DatasetKind::kDigits;
    expect(cfg, "data.kind must be a generated kind");
    expect(cfg, "got digits");
    cfg.kind = DatasetKind::kCustom;
    expect(cfg, "got custom");
  }
  SUBCASE("the limits themselves are accepted") {
    for (int samples : {10, 5000}) {
      for (float noise : {0.0f, 0.5f}) {
        cfg.samples = samples;
        cfg.noise = noise;
        Dataset d;
        CHECK(generate_dataset(cfg, &d).ok());
      }
    }
  }
}

TEST_CASE("dataset generate: determinism") {
  SUBCASE("same seed, same bytes; another seed, other bytes") {
    for (DatasetKind k : kGenerated) {
      const std::string kind = dataset_kind_name(k);
      CAPTURE(kind);
      const Dataset a = generate(k, 300, 0.2f, 11), b = generate(k, 300, 0.2f, 11);
      CHECK(a.x == b.x);
      CHECK(a.y == b.y);
      CHECK(checksum(generate(k, 300, 0.2f, 12)) != checksum(a));
    }
  }
  SUBCASE("pinned checksums: the same bytes natively and in wasm") {
    // Recorded from the native build; the wasm build must reproduce them, which
    // is what the portable math in dataset_internal.hpp is for. A deliberate
    // change to a generator changes its line here.
    const std::uint64_t expected[] = {
        11670893665558799036ull, 17561831757291384601ull, 13953079803664000367ull,
        5827898936409001939ull,  6564702420621479431ull,  1403826495804528895ull,
        14459711995303719964ull, 8575528971149648670ull,  12573448589616944250ull};
    int i = 0;
    for (DatasetKind k : kGenerated) {
      const std::uint64_t h = checksum(generate(k, 200, 0.25f, 7, 4));
      CHECK_MESSAGE(h == expected[i++], dataset_kind_name(k) << ": checksum " << h << "ull");
    }
  }
}

TEST_CASE("dataset generate: sizes and balance") {
  for (DatasetKind k : kGenerated) {
    const std::string kind = dataset_kind_name(k);
    CAPTURE(kind);
    const Dataset d = generate(k, 501);
    const bool one_d = k == DatasetKind::kSine;
    const bool regression = one_d || k == DatasetKind::kPlane || k == DatasetKind::kGaussRegression;
    CHECK(d.inputs == (one_d ? 1 : 2));
    CHECK(d.size() == 501);
    CHECK(d.x.size() == 501u * d.inputs);
    CHECK(d.y.size() == 501u);
    CHECK(d.classes == (regression ? 0 : k == DatasetKind::kSpiralK ? 3 : 2));
    CHECK(d.class_names.empty());
    for (float v : d.x) CHECK(std::isfinite(v));
    if (k == DatasetKind::kXor) {
      // XOR labels by quadrant of a uniform draw (TF's way), so the balance is
      // binomial: sd of the count sqrt(501)/2 = 11; 40% is over 4 sd below half.
      for (int c : label_counts(d)) CHECK(c >= 200);
    } else if (!regression) {
      // Noise 0: the classes split the samples as evenly as an odd count allows.
      const std::vector<int> c = label_counts(d);
      CHECK(*std::max_element(c.begin(), c.end()) - *std::min_element(c.begin(), c.end()) <= 1);
    }
  }
}

TEST_CASE("dataset generate: each kind's shape") {
  // Inputs are doubles rounded to float (|x| <= 6: error <= 6·2^-24 = 3.6e-7),
  // so recomputed quantities get tolerances of a few 1e-6.
  SUBCASE("circle: label 1 inside radius 2.5, 0 in the ring [3.5, 5]") {
    const Dataset d = generate(DatasetKind::kCircle);
    for (int i = 0; i < d.size(); ++i) {
      const float r = std::hypot(d.x[2 * i], d.x[2 * i + 1]);
      CHECK(r <= 5.0f + 1e-5f);
      CHECK(d.y[i] == (r < 2.5f ? 1.0f : 0.0f));
      if (d.y[i] == 0.0f) CHECK(r >= 3.5f - 1e-5f);
    }
  }
  SUBCASE("circle: noise moves labels, not points (TF's manner)") {
    const Dataset clean = generate(DatasetKind::kCircle), noisy = generate(DatasetKind::kCircle, 500, 0.5f);
    CHECK(clean.x == noisy.x);
    CHECK(clean.y != noisy.y);
  }
  SUBCASE("xor: label by the sign of x1·x2, 0.3 away from the axes") {
    const Dataset d = generate(DatasetKind::kXor);
    for (int i = 0; i < d.size(); ++i) {
      const float a = d.x[2 * i], b = d.x[2 * i + 1];
      CHECK(std::fabs(a) >= 0.3f - 1e-6f);
      CHECK(std::fabs(a) <= 5.3f + 1e-6f);
      CHECK(std::fabs(b) >= 0.3f - 1e-6f);
      CHECK(d.y[i] == (a * b > 0 ? 1.0f : 0.0f));
    }
  }
  SUBCASE("gauss: blobs at (2, 2) and (-2, -2), variance 0.5 at noise 0") {
    const Dataset d = generate(DatasetKind::kGauss, 2000);
    double sum[2][2] = {}, sq[2] = {};
    int n[2] = {};
    for (int i = 0; i < d.size(); ++i) {
      const int c = static_cast<int>(d.y[i]);
      ++n[c];
      for (int j = 0; j < 2; ++j) sum[c][j] += d.x[2 * i + j];
    }
    for (int i = 0; i < d.size(); ++i) {
      const int c = static_cast<int>(d.y[i]);
      for (int j = 0; j < 2; ++j) sq[c] += std::pow(d.x[2 * i + j] - sum[c][j] / n[c], 2);
    }
    // 1000 points per blob, sd 0.707: the mean's standard error is 0.022, and
    // the variance's (2·1000 values) 0.016; 0.1 is over 4.5 standard errors.
    for (int j = 0; j < 2; ++j) {
      CHECK(std::fabs(sum[1][j] / n[1] - 2.0) < 0.1);
      CHECK(std::fabs(sum[0][j] / n[0] + 2.0) < 0.1);
    }
    CHECK(std::fabs(sq[1] / (2 * n[1]) - 0.5) < 0.1);
    CHECK(std::fabs(sq[0] / (2 * n[0]) - 0.5) < 0.1);
  }
  SUBCASE("spiral and spiral_k: arm j at step i of m is radius 5i/m, angle 3.5πi/m + 2πj/k") {
    for (int k : {2, 3, 4, 5}) {
      CAPTURE(k);
      const Dataset d = k == 2 ? generate(DatasetKind::kSpiral, 503) : generate(DatasetKind::kSpiralK, 503, 0, 1, k);
      CHECK(d.classes == k);
      const std::vector<int> counts = label_counts(d);
      int start = 0;
      for (int j = 0; j < k; ++j) {
        CHECK(counts[j] == 503 / k + (j < 503 % k ? 1 : 0));
        for (int i = 0; i < counts[j]; ++i) {
          const double f = static_cast<double>(i) / counts[j], t = 3.5 * kPi * f + 2 * kPi * j / k;
          const int s = start + i;
          CHECK(d.y[s] == j);
          CHECK(std::fabs(d.x[2 * s] - 5 * f * std::sin(t)) < 1e-6);
          CHECK(std::fabs(d.x[2 * s + 1] - 5 * f * std::cos(t)) < 1e-6);
        }
        start += counts[j];
      }
    }
  }
  SUBCASE("moons: on the two scaled half circles") {
    const Dataset d = generate(DatasetKind::kMoons);
    for (int i = 0; i < d.size(); ++i) {
      const double u = d.x[2 * i] / 4.0 + 0.5, v = d.x[2 * i + 1] / 4.0 + 0.25;
      const bool outer = d.y[i] == 0.0f;
      // Unit circles about (0, 0) (outer, upper half) and (1, 0.5) (inner, lower half).
      const double cu = outer ? u : 1 - u, cv = outer ? v : 0.5 - v;
      CHECK(std::fabs(cu * cu + cv * cv - 1.0) < 1e-6);
      CHECK(cv >= -1e-6);
      CHECK(std::fabs(d.x[2 * i]) <= 6.0f);
      CHECK(std::fabs(d.x[2 * i + 1]) <= 3.0f);
    }
  }
  SUBCASE("sine: x in [-6, 6), y = sin x, within noise") {
    for (float noise : {0.0f, 0.3f}) {
      const Dataset d = generate(DatasetKind::kSine, 500, noise);
      for (int i = 0; i < d.size(); ++i) {
        CHECK(d.x[i] >= -6.0f);
        CHECK(d.x[i] <= 6.0f);
        // 1e-6: x's rounding to float (3.6e-7) plus y's (6e-8).
        CHECK(std::fabs(d.y[i] - std::sin(static_cast<double>(d.x[i]))) <= noise + 1e-6);
      }
    }
  }
  SUBCASE("plane: (x1 + x2)/10 clamped to [-1, 1]") {
    const Dataset d = generate(DatasetKind::kPlane);
    for (int i = 0; i < d.size(); ++i) {
      const double want = std::clamp((d.x[2 * i] + static_cast<double>(d.x[2 * i + 1])) / 10, -1.0, 1.0);
      CHECK(std::fabs(d.y[i] - want) < 1e-6);
    }
    const Dataset noisy = generate(DatasetKind::kPlane, 500, 0.5f);
    for (float y : noisy.y) CHECK(std::fabs(y) <= 1.0f);
  }
  SUBCASE("gauss_regression: TF's six signed bumps") {
    const Dataset d = generate(DatasetKind::kGaussRegression, 2000);
    const double bumps[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    bool pos = false, neg = false;
    for (int i = 0; i < d.size(); ++i) {
      double want = 0;
      for (const auto& b : bumps) {
        const double v = b[2] * std::max(0.0, 1 - std::hypot(d.x[2 * i] - b[0], d.x[2 * i + 1] - b[1]) / 2);
        if (std::fabs(v) > std::fabs(want)) want = v;
      }
      CHECK(std::fabs(d.y[i] - want) < 1e-6);
      CHECK(std::fabs(d.x[2 * i]) <= 6.0f);
      pos = pos || d.y[i] > 0.5f;
      neg = neg || d.y[i] < -0.5f;
    }
    CHECK(pos);
    CHECK(neg);
  }
}

}  // namespace nnplay
