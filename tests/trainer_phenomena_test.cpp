// The article's claims, observed in the trainer's own diagnostics.
#include <cmath>

#include <doctest/doctest.h>

#include "nnplay/trainer.hpp"
#include "trainer_test_util.hpp"

namespace nnplay {
namespace {

using trainer_test::make;

TrainerConfig deep(Activation a, int layers) {
  TrainerConfig c;
  c.data.kind = DatasetKind::kCircle;
  c.data.samples = 200;
  c.hidden.assign(static_cast<std::size_t>(layers), LayerConfig{8, a, default_params(a), 0});
  c.init = Init::kXavierUniform;
  c.train.learning_rate = 0.03f;
  c.train.eval_every = 10;
  return c;
}

// Mean over the first 20 steps of the first and last hidden layers' weight-gradient norms.
std::pair<double, double> early_gradient_norms(Trainer& t) {
  double first = 0, last = 0;
  for (int i = 0; i < 20; ++i) {
    REQUIRE(t.step(1).ok());
    const auto& layers = t.metrics().layers;
    first += layers.front().grad_w_norm;
    last += layers[layers.size() - 2].grad_w_norm;
  }
  return {first / 20, last / 20};
}

TEST_CASE("vanishing gradients: deep sigmoid stacks, not ReLU") {
  auto sig = make(deep(Activation::kSigmoid, 6));
  const auto [sfirst, slast] = early_gradient_norms(*sig);
  MESSAGE("sigmoid: first-layer / last-hidden-layer gradient norm = " << sfirst / slast);
  CHECK(slast >= 100.0 * sfirst);
  TrainerConfig rc = deep(Activation::kRelu, 6);
  rc.init = Init::kHeUniform;
  auto relu = make(rc);
  const auto [rfirst, rlast] = early_gradient_norms(*relu);
  MESSAGE("relu: first-layer / last-hidden-layer gradient norm = " << rfirst / rlast);
  CHECK(rlast < 100.0 * rfirst);
}

TEST_CASE("dead ReLUs: a strongly negative bias kills them, Leaky ReLU never dies") {
  TrainerConfig c = deep(Activation::kRelu, 2);
  c.hidden = {LayerConfig{16, Activation::kRelu, {}, 0}, LayerConfig{16, Activation::kRelu, {}, 0}};
  c.bias_init = -8.0f;
  auto relu = make(c);
  REQUIRE(relu->step(200).ok());
  relu->refresh_metrics();
  MESSAGE("dead fraction, first layer: " << relu->metrics().layers[0].dead_fraction);
  CHECK(relu->metrics().layers[0].dead_fraction > 0.5f);
  c.hidden = {LayerConfig{16, Activation::kLeakyRelu, default_params(Activation::kLeakyRelu), 0},
              LayerConfig{16, Activation::kLeakyRelu, default_params(Activation::kLeakyRelu), 0}};
  auto leaky = make(c);
  REQUIRE(leaky->step(200).ok());
  leaky->refresh_metrics();
  CHECK(leaky->metrics().layers[0].dead_fraction == 0.0f);
  CHECK(leaky->metrics().layers[1].dead_fraction == 0.0f);
}

TEST_CASE("dead ReLUs: a too-large learning rate kills them, not Leaky ReLU") {
  // Plain SGD at η = 3 on two ReLU layers: the updates push the second layer's
  // inputs below zero for every sample, and a dead unit gets no gradient back.
  TrainerConfig c = deep(Activation::kRelu, 2);
  c.hidden = {LayerConfig{16, Activation::kRelu, {}, 0}, LayerConfig{16, Activation::kRelu, {}, 0}};
  c.init = Init::kHeUniform;
  c.train.learning_rate = 3.0f;
  c.train.batch_size = 10;
  auto t = make(c);
  REQUIRE(t->step(300).ok());
  t->refresh_metrics();
  MESSAGE("dead fraction of the second layer after 300 steps at lr 3: " << t->metrics().layers[1].dead_fraction);
  CHECK(t->metrics().layers[1].dead_fraction > 0.5f);
  c.hidden = {LayerConfig{16, Activation::kLeakyRelu, default_params(Activation::kLeakyRelu), 0},
              LayerConfig{16, Activation::kLeakyRelu, default_params(Activation::kLeakyRelu), 0}};
  auto leaky = make(c);
  REQUIRE(leaky->step(300).ok());
  leaky->refresh_metrics();
  CHECK(leaky->metrics().layers[1].dead_fraction == 0.0f);
}

TEST_CASE("exploding gradients: large initial weights diverge, clipnorm = 1.0 keeps them finite") {
  TrainerConfig c = deep(Activation::kRelu, 6);
  c.hidden.assign(6, LayerConfig{16, Activation::kRelu, {}, 0});
  c.init = Init::kLargeNormal;
  c.init_sigma = 6.0f;
  c.train.learning_rate = 0.1f;
  auto wild = make(c);
  REQUIRE(wild->step(200).ok());
  REQUIRE(wild->divergence().diverged);
  MESSAGE(wild->divergence().message);
  CHECK(wild->divergence().cause == "initial_scale");
  CHECK(wild->divergence().message.find("step") != std::string::npos);
  CHECK_FALSE(wild->step(1).ok());  // training never silently continues
  c.train.clip_norm = 1.0f;
  auto clipped = make(c);
  REQUIRE(clipped->step(200).ok());
  CHECK_FALSE(clipped->divergence().diverged);
  CHECK(std::isfinite(clipped->metrics().batch_loss));
  CHECK(clipped->metrics().grad_norm_clipped <= 1.0f + 1e-5f);
}

}  // namespace
}  // namespace nnplay
