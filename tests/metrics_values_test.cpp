// metrics_values (nnplay/metrics_values.hpp): json_number_value gives what a
// JSON parser reads from json_number, bit for bit, on a sweep of float bit
// patterns (the exact-integer path and its text fallback), and the layout
// holds the trainer's metrics where the reader expects them.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "nnplay/metrics_values.hpp"
#include "number_format.hpp"
#include "sweep.hpp"
#include "trainer_test_util.hpp"

namespace nnplay {
namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// The reference: the text json_number writes, read by strtod (null → NaN).
double parsed(double d) {
  const std::string s = json_number(d);
  return s == "null" ? NAN : std::strtod(s.c_str(), nullptr);
}

}  // namespace

TEST_CASE("json_number_value reads as json_number's text does, for every float of the sweep") {
  std::uint64_t checked = 0;
  testing::for_each_swept_float([&](float f) {
    if (std::isnan(f)) return;
    const double want = parsed(f), got = json_number_value(f);
    REQUIRE_MESSAGE(same_bits(got, want), json_number(f) << ": " << got << " vs " << want);
    ++checked;
  });
  CHECK(checked > 1000);
  for (float f : testing::special_inputs()) {
    const double want = parsed(f), got = json_number_value(f);
    CHECK_MESSAGE((std::isnan(want) ? std::isnan(got) : same_bits(got, want)), json_number(f));
  }
}

TEST_CASE("json_number_value: floats as their shortest decimal, other doubles exactly") {
  CHECK(json_number_value(0.03f) == 0.03);  // not 0.029999999329447746, the float's own value
  CHECK(json_number_value(0.9f) == 0.9);
  CHECK(json_number_value(1e-7f) == 1e-7);
  CHECK(json_number_value(1e20f) == 1e20);
  CHECK(json_number_value(1073741824.0) == 1073741800.0);  // 2^30 is a float: "1.0737418e+09"
  CHECK(json_number_value(123.0) == 123.0);
  CHECK(same_bits(json_number_value(-0.0), -0.0));
  CHECK(json_number_value(1.0 / 3.0) == 1.0 / 3.0);  // not a float
  CHECK(std::isnan(json_number_value(INFINITY)));
  CHECK(std::isnan(json_number_value(NAN)));
}

TEST_CASE("metrics_values lays out the metrics as the header says") {
  TrainerConfig c;  // 2-4-2-1: 3 layers, 2 histograms
  auto t = trainer_test::make(c);
  REQUIRE(t->step(40).ok());
  MetricsValues values(*t);
  const std::vector<double>& v = values.fill(*t);
  CHECK(v.size() == kMetricsValuesHeader + 3 * kMetricsLayerValues + 2 * (2 + kHistogramBins));
  CHECK(v[0] == 3);
  CHECK(v[1] == 2);
  CHECK(v[2] == kHistogramBins);
  CHECK(v[3] == 40);  // step
  CHECK(v[5] == json_number_value(t->metrics().learning_rate));
  CHECK(v[7] == json_number_value(t->metrics().train_loss));
  CHECK(v[13] == 0);  // not diverged
  const std::size_t layer1 = kMetricsValuesHeader + kMetricsLayerValues;  // the second layer's values
  CHECK(v[layer1] == json_number_value(t->metrics().layers[1].grad_w_norm));
  CHECK(v[layer1 + 6] == json_number_value(t->metrics().layers[1].activation_std));
  const std::size_t hist1 = kMetricsValuesHeader + 3 * kMetricsLayerValues + (2 + kHistogramBins);
  const Histogram& h = t->histograms()[1];
  CHECK(v[hist1] == h.below);
  CHECK(v[hist1 + 1] == h.above);
  for (int b = 0; b < kHistogramBins; ++b) CHECK(v[hist1 + 2 + std::size_t(b)] == h.counts[std::size_t(b)]);
  // A refill after more steps (some values unchanged, some not) equals a fresh one.
  const double* where = v.data();
  REQUIRE(t->step(7).ok());
  const std::vector<double>& again = values.fill(*t);
  CHECK(again.data() == where);  // the buffer never moves
  MetricsValues fresh(*t);
  const std::vector<double>& want = fresh.fill(*t);
  for (std::size_t i = 0; i < want.size(); ++i) CHECK_MESSAGE(same_bits(again[i], want[i]), i);
  CHECK(again[3] == 47);
}

}  // namespace nnplay
