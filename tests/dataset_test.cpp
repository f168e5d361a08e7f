#include "nnplay/dataset.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace nnplay {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr double kPi = 3.14159265358979323846;
constexpr DatasetKind kGenerated[] = {
    DatasetKind::kCircle, DatasetKind::kXor,     DatasetKind::kGauss,
    DatasetKind::kSpiral, DatasetKind::kMoons,   DatasetKind::kSpiralK,
    DatasetKind::kSine,   DatasetKind::kPlane,   DatasetKind::kGaussRegression};

Dataset generate(DatasetKind kind, int samples = 500, float noise = 0.0f, std::uint32_t seed = 1,
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
std::uint64_t checksum(const Dataset& d) {
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

std::vector<int> label_counts(const Dataset& d) {
  std::vector<int> counts(std::max(d.classes, 1), 0);
  for (float y : d.y) {
    REQUIRE(y == std::floor(y));
    REQUIRE(y >= 0);
    REQUIRE(y < d.classes);
    ++counts[static_cast<int>(y)];
  }
  return counts;
}

std::string read_data_file(const char* name) {
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

void expect_custom_error(const std::string& csv, const std::string& fragment, bool regression = false) {
  CAPTURE(csv.substr(0, 80));
  expect_error([&](Dataset* out) { return parse_custom_csv(csv, regression, out); }, fragment);
}

}  // namespace

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

TEST_CASE("dataset digits") {
  SUBCASE("the shipped file: 1797 × 64, pixels in [0, 1], labels 0..9") {
    Dataset d;
    const Status s = parse_digits_csv(read_data_file("digits.csv"), &d);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(d.inputs == 64);
    CHECK(d.size() == 1797);
    CHECK(d.classes == 10);
    REQUIRE(d.class_names.size() == 10u);
    for (int c = 0; c < 10; ++c) CHECK(d.class_names[c] == std::to_string(c));
    for (int c : label_counts(d)) CHECK(c >= 170);  // 174..183 per digit
    CHECK(*std::min_element(d.x.begin(), d.x.end()) == 0.0f);
    CHECK(*std::max_element(d.x.begin(), d.x.end()) == 1.0f);
    // The first row begins 0,0,5,13 and is a 0 (data/digits.csv.gz); /16 is exact.
    CHECK(d.x[2] == 5.0f / 16);
    CHECK(d.x[3] == 13.0f / 16);
    CHECK(d.y[0] == 0.0f);
  }
  const std::string row = "0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,0,3,15,2,0,11,8,0,0,4,12,0,0,8,8,0,"
                          "0,5,8,0,0,9,8,0,0,4,11,0,1,12,7,0,0,2,14,5,10,12,0,0,0,0,6,13,10,0,0,0";
  auto parse = [](const std::string& text) {
    return [text](Dataset* out) { return parse_digits_csv(text, out); };
  };
  SUBCASE("\\r\\n and trailing blank lines are accepted") {
    Dataset d;
    REQUIRE(parse_digits_csv(row + ",0\r\n" + row + ",7\r\n\r\n\n", &d).ok());
    CHECK(d.size() == 2);
    CHECK(d.y == std::vector<float>{0.0f, 7.0f});
  }
  SUBCASE("strict errors name the line") {
    expect_error(parse(row + ",0\n" + row + "\n"), "digits: line 2: 64 fields, expected 65");
    expect_error(parse(row + ",0,1\n"), "digits: line 1: more than 65 fields");
    expect_error(parse(row + ",0\n" + row + ",10\n"), "line 2: column 65 is \"10\", not a label 0..9");
    expect_error(parse("17" + row.substr(1) + ",1\n"), "line 1: column 1 is \"17\", not a pixel count 0..16");
    expect_error(parse(row + ",0\n" + row + ", 3\n"), "line 2: column 65 is \" 3\"");
    expect_error(parse(row + ",0\n\n" + row + ",3\n"), "digits: line 3: unexpected text after the last row");
    expect_error(parse(""), "digits: the text has no rows");
  }
}

TEST_CASE("dataset iris") {
  SUBCASE("the shipped file: 150 × 4 standardised, 3 named classes of 50") {
    Dataset d;
    const Status s = parse_iris_csv(read_data_file("iris.csv"), &d);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(d.inputs == 4);
    CHECK(d.size() == 150);
    CHECK(d.classes == 3);
    CHECK(d.class_names == std::vector<std::string>{"setosa", "versicolor", "virginica"});
    CHECK(label_counts(d) == std::vector<int>{50, 50, 50});
    // Standardised in double, then rounded to float (relative 6e-8 on values
    // below 3.1), so mean and sd are off by ~1e-7; 1e-5 leaves room.
    for (int j = 0; j < 4; ++j) {
      double sum = 0, sq = 0;
      for (int i = 0; i < 150; ++i) sum += d.x[4 * i + j];
      for (int i = 0; i < 150; ++i) sq += std::pow(d.x[4 * i + j] - sum / 150, 2);
      CHECK(std::fabs(sum / 150) < 1e-5);
      CHECK(std::fabs(std::sqrt(sq / 150) - 1) < 1e-5);
    }
  }
  auto parse = [](const std::string& text) {
    return [text](Dataset* out) { return parse_iris_csv(text, out); };
  };
  SUBCASE("a small file in the same format") {
    Dataset d;
    REQUIRE(parse_iris_csv("2,1,a,b\r\n1.5,0\r\n3.5,1\r\n", &d).ok());
    CHECK(d.x == std::vector<float>{-1.0f, 1.0f});  // mean 2.5, sd 1
    CHECK(d.y == std::vector<float>{0.0f, 1.0f});
    CHECK(d.class_names == std::vector<std::string>{"a", "b"});
  }
  SUBCASE("strict errors name the line") {
    expect_error(parse(""), "iris: the text is empty");
    expect_error(parse("150,4,setosa\n"), "iris: line 1: header must be");
    expect_error(parse("x,4,a,b\n"), "iris: line 1: header must be");
    expect_error(parse("3,1,a,b\n1,0\n2,1\n"), "iris: the header promises 3 rows, found 2");
    expect_error(parse("2,1,a,b\n1,0\n2,1\n3,1\n"), "iris: line 4: unexpected text after the last row");
    expect_error(parse("2,1,a,b\n1,0\n2,1,1\n"), "iris: line 3: expected 2 fields (1 features and a label), got more");
    expect_error(parse("2,1,a,b\n1,0\nabc,1\n"), "iris: line 3: column 1 is \"abc\", not a finite number");
    expect_error(parse("2,1,a,b\n1,0\nnan,1\n"), "iris: line 3: column 1 is \"nan\"");
    expect_error(parse("2,1,a,b\n1,0\n2,2\n"), "iris: line 3: label \"2\" is not a class 0..1");
  }
}

TEST_CASE("dataset custom csv") {
  SUBCASE("header, \\r\\n, BOM, spaces and blank lines are forgiven") {
    Dataset d;
    const Status s = parse_custom_csv("\xEF\xBB\xBFx1, x2 ,label\r\n1,2,0\r\n\r\n -3.5 ,4e1, 2 \r\n\r\n\r\n", false, &d);
    REQUIRE_MESSAGE(s.ok(), s.message());
    CHECK(d.inputs == 2);
    CHECK(d.classes == 3);
    CHECK(d.x == std::vector<float>{1, 2, -3.5f, 40});
    CHECK(d.y == std::vector<float>{0, 2});
    CHECK(d.class_names.empty());
  }
  SUBCASE("classes = max label + 1, at least 2; labels like 1.0 are integers") {
    Dataset d;
    REQUIRE(parse_custom_csv("1,0\n2,0\n", false, &d).ok());
    CHECK(d.classes == 2);
    REQUIRE(parse_custom_csv("1,1.0\n2,9\n3,-0\n", false, &d).ok());
    CHECK(d.classes == 10);
    CHECK(d.y == std::vector<float>{1, 9, 0});
    CHECK_FALSE(std::signbit(d.y[2]));
  }
  SUBCASE("regression targets are any finite number") {
    Dataset d;
    REQUIRE(parse_custom_csv("a,target\n1,-2.75\n2,1e6\n", true, &d).ok());
    CHECK(d.regression());
    CHECK(d.inputs == 1);
    CHECK(d.y == std::vector<float>{-2.75f, 1e6f});
  }
  SUBCASE("the limits: 10000 rows, 64 features and the label") {
    std::string wide, rows;
    for (int j = 0; j < 64; ++j) wide += std::to_string(j) + ",";
    for (int i = 0; i < 10000; ++i) rows += std::to_string(i % 3) + "," + std::to_string(i % 2) + "\n";
    Dataset d;
    REQUIRE(parse_custom_csv(wide + "1\n", false, &d).ok());
    CHECK(d.inputs == 64);
    REQUIRE(parse_custom_csv("f,label\n" + rows, false, &d).ok());
    CHECK(d.size() == 10000);
    expect_custom_error(wide + "7,1\n", "line 1: more than 65 columns; at most 64 features and the label");
    expect_custom_error("f,label\n" + rows + "1,1\n", "line 10002: more than 10000 data rows");
  }
  SUBCASE("bad fields name the line, the column and the value") {
    expect_custom_error("1,2,0\n3,abc,1\n", "line 2: column 2 is \"abc\", not a number");
    expect_custom_error("1,2,0\n3,,1\n", "line 2: column 2 is empty");
    expect_custom_error("1,2,0\n\n3,4,1\n5,nan,1\n", "line 4: column 2 is \"nan\", not a finite number");
    expect_custom_error("1,2,0\n-inf,4,1\n", "line 2: column 1 is \"-inf\", not a finite number");
    expect_custom_error("1,2,0\n1e999,4,1\n", "line 2: column 1 is \"1e999\", not a finite number");
    expect_custom_error("1,2,0\n3,0x10,1\n", "line 2: column 2 is \"0x10\", not a number");
    // A first line mixing numbers and words is a bad row, not a header.
    expect_custom_error("1,x,0\n2,3,1\n", "line 1: column 2 is \"x\", not a number");
    expect_custom_error("1,2,0\n3,4,1\n5,6,inf\n", "line 3: column 3 is \"inf\", not a finite number", true);
  }
  SUBCASE("shapes: column counts, empty text, header only") {
    expect_custom_error("1,2,0\n3,4\n", "line 2: 2 columns, but line 1 has 3");
    expect_custom_error("x,y,label\n1,2,0\n3,4,5,1\n", "line 3: 4 columns, but line 1 has 3");
    expect_custom_error("5\n6\n", "line 1: 1 column; a row needs at least one feature and then the label");
    expect_custom_error("", "the CSV has no data rows");
    expect_custom_error("\r\n  \n", "the CSV has no data rows");
    expect_custom_error("x,label\n\n", "line 1: a header, but no data rows follow it");
  }
  SUBCASE("class labels are integers 0..9") {
    expect_custom_error("1,0\n2,2.5\n", "line 2: label \"2.5\" is not an integer class 0..9");
    expect_custom_error("1,0\n2,-1\n", "line 2: label \"-1\" is not a class 0..9");
    expect_custom_error("1,0\n2,10\n", "line 2: label \"10\" is not a class 0..9");
    expect_custom_error("1,0\n2,cat\n", "line 2: column 2 is \"cat\", not a number");
  }
}

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
