// Trainer::set_parameter, the studio's "click a link to edit its weight":
// the value lands where the network reads it, the metrics follow at once, and
// a bad argument is named and changes nothing.
#include <cmath>
#include <string>

#include <doctest/doctest.h>

#include "nnplay/trainer.hpp"
#include "trainer_test_util.hpp"

namespace nnplay {
namespace {

TrainerConfig two_layers() {
  TrainerConfig c;
  c.data.kind = DatasetKind::kCircle;
  c.data.samples = 100;
  c.hidden = {LayerConfig{4, Activation::kTanh, {}, 0}, LayerConfig{3, Activation::kRelu, {}, 0}};
  return c;
}

TEST_CASE("set_parameter writes the weight and the bias the network uses") {
  auto t = trainer_test::make(two_layers());
  REQUIRE(t->step(20).ok());
  std::vector<float> before;
  REQUIRE(t->predict({0.5f, -0.25f}, &before).ok());
  REQUIRE(t->set_parameter(1, 2, 3, 1.5f).ok());
  CHECK(t->network().layers()[1].w(3, 2) == 1.5f);
  REQUIRE(t->set_parameter(2, 0, -1, -4.0f).ok());  // the output unit's bias
  CHECK(t->network().layers()[2].b(0) == -4.0f);
  std::vector<float> after;
  REQUIRE(t->predict({0.5f, -0.25f}, &after).ok());
  CHECK(after[0] != before[0]);
  // The metrics are those of the edited network, without a training step.
  const float loss = t->metrics().train_loss;
  REQUIRE(t->set_parameter(2, 0, -1, 40.0f).ok());
  CHECK(t->metrics().train_loss != loss);
  CHECK(t->metrics().step == 20);
}

TEST_CASE("set_parameter names a bad argument and changes nothing") {
  auto t = trainer_test::make(two_layers());
  const Matrix w = t->network().layers()[0].w;
  const auto refused = [&](int layer, int unit, int input, float v, const char* arg) {
    const Status s = t->set_parameter(layer, unit, input, v);
    INFO(s.message());
    CHECK_FALSE(s.ok());
    CHECK(s.message().rfind(arg, 0) == 0);
  };
  refused(3, 0, 0, 1.0f, "layer:");
  refused(-1, 0, 0, 1.0f, "layer:");
  refused(0, 4, 0, 1.0f, "unit:");
  refused(0, 0, 2, 1.0f, "input:");
  refused(0, 0, -2, 1.0f, "input:");
  refused(0, 0, 0, std::nanf(""), "value:");
  refused(0, 0, 0, INFINITY, "value:");
  CHECK(t->network().layers()[0].w == w);
  CHECK(t->step(5).ok());
}

TEST_CASE("set_parameter refuses the pieces of a maxout layer") {
  TrainerConfig c = two_layers();
  c.hidden = {LayerConfig{3, Activation::kLinear, {}, 2}};
  auto t = trainer_test::make(c);
  const Status s = t->set_parameter(0, 0, 0, 1.0f);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("maxout") != std::string::npos);
}

}  // namespace
}  // namespace nnplay
