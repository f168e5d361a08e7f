// The trainer end to end: it learns what it should, shows the article's
// phenomena, stops on divergence, and is deterministic. Seeds are fixed.
#include "nnplay/trainer.hpp"
#include "trainer_test_util.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

namespace nnplay {
namespace {

using trainer_test::make;

TrainerConfig toy(DatasetKind kind, std::vector<LayerConfig> hidden, OptimizerKind opt, float lr) {
  TrainerConfig c;
  c.data.kind = kind;
  c.data.samples = 400;
  c.data.noise = 0.0f;
  c.hidden = std::move(hidden);
  c.train.optimizer = opt;
  c.train.learning_rate = lr;
  c.train.eval_every = 50;
  return c;
}

LayerConfig layer(int units, Activation a) { return LayerConfig{units, a, default_params(a), 0}; }

float train_accuracy(Trainer& t, int steps) {
  REQUIRE(t.step(steps).ok());
  REQUIRE_FALSE(t.divergence().diverged);
  t.refresh_metrics();
  return t.metrics().train_accuracy;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

TEST_CASE("learning: the toy sets are solved") {
  SUBCASE("xor reaches 100% train accuracy") {
    auto t = make(toy(DatasetKind::kXor, {layer(8, Activation::kTanh), layer(8, Activation::kTanh)}, OptimizerKind::kAdam, 0.03f));
    CHECK(train_accuracy(*t, 2000) == 1.0f);
  }
  SUBCASE("circle reaches 100% train accuracy") {
    auto t = make(toy(DatasetKind::kCircle, {layer(8, Activation::kRelu), layer(8, Activation::kRelu)}, OptimizerKind::kAdam, 0.03f));
    CHECK(train_accuracy(*t, 2000) == 1.0f);
  }
  SUBCASE("the two-class spiral reaches at least 95%") {
    TrainerConfig c = toy(DatasetKind::kSpiral, {layer(32, Activation::kTanh), layer(32, Activation::kTanh)}, OptimizerKind::kAdam, 0.01f);
    c.train.batch_size = 20;
    auto t = make(c);
    CHECK(train_accuracy(*t, 6000) >= 0.95f);
  }
  SUBCASE("the sine fit's mean squared error is below 0.005") {
    TrainerConfig c = toy(DatasetKind::kSine, {layer(16, Activation::kTanh), layer(16, Activation::kTanh)}, OptimizerKind::kAdam, 0.01f);
    c.data.samples = 200;
    auto t = make(c);
    train_accuracy(*t, 3000);
    // The loss is ½·MSE; noise 0 so the whole error is the fit's.
    CHECK(2.0f * t->metrics().test_loss < 0.005f);
  }
}

TEST_CASE("learning: the UCI digits reach at least 95% test accuracy") {
  Dataset digits;
  REQUIRE(parse_digits_csv(read_file(std::string(NNPLAY_TEST_DATA_DIR) + "/digits.csv"), &digits).ok());
  TrainerConfig c;
  c.data.kind = DatasetKind::kDigits;
  c.data.train_fraction = 0.5f;
  c.hidden = {layer(32, Activation::kRelu)};
  c.init = Init::kHeUniform;
  c.train.optimizer = OptimizerKind::kAdam;
  c.train.learning_rate = 0.005f;
  c.train.batch_size = 32;
  c.train.eval_every = 500;
  auto t = make(c, &digits);
  CHECK(t->head() == Head::kSoftmaxCe);
  train_accuracy(*t, 3000);
  MESSAGE("digits test accuracy: " << t->metrics().test_accuracy);
  CHECK(t->metrics().test_accuracy >= 0.95f);
  std::vector<int> confusion;
  REQUIRE(t->confusion(&confusion).ok());
  int total = 0, diagonal = 0;
  for (int i = 0; i < 10; ++i)
    for (int j = 0; j < 10; ++j) total += confusion[i * 10 + j], diagonal += i == j ? confusion[i * 10 + j] : 0;
  CHECK(total == t->test_data().size());
  CHECK(static_cast<float>(diagonal) / total == doctest::Approx(t->metrics().test_accuracy).epsilon(1e-6));
}

}  // namespace
}  // namespace nnplay
