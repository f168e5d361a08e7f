// Divergence is reported at the step whose recorded quantities first stop
// being finite, and the report keeps the last finite largest |gradient|.
#include <cmath>
#include <cstring>

#include <doctest/doctest.h>

#include "nnplay/trainer.hpp"
#include "trainer_test_util.hpp"

namespace nnplay {
namespace {

using trainer_test::make;

// Every quantity a history row records that must be finite while training is
// (accuracies are NaN for regression and α for non-PReLU layers by design).
bool row_finite(const StepMetrics& m) {
  bool ok = std::isfinite(m.batch_loss) && std::isfinite(m.train_loss) && std::isfinite(m.test_loss) &&
            std::isfinite(m.grad_norm) && std::isfinite(m.grad_norm_clipped) && std::isfinite(m.learning_rate);
  for (const LayerMetrics& l : m.layers) {
    ok = ok && std::isfinite(l.grad_w_norm) && std::isfinite(l.grad_b_norm) && std::isfinite(l.update_ratio) &&
         std::isfinite(l.activation_mean) && std::isfinite(l.activation_std);
  }
  return ok;
}

// The largest |gradient| the network holds (its gradients are those of the
// last step it took), computed here rather than by the trainer; NaN when one
// of them is not finite.
float largest_gradient(const Network& net) {
  float g = 0.0f;
  bool finite = true;
  const auto take = [&](const float* v, Eigen::Index n) {
    for (Eigen::Index i = 0; i < n; ++i) {
      finite = finite && std::isfinite(v[i]);
      g = std::fmax(g, std::fabs(v[i]));
    }
  };
  for (const DenseLayer& l : net.layers()) {
    take(l.grad_w.data(), l.grad_w.size());
    take(l.grad_b.data(), l.grad_b.size());
  }
  return finite ? g : NAN;
}

// The largest |weight or bias| the network holds, NaN skipped (as the report takes it).
float largest_value(const Network& net) {
  float v = 0.0f;
  for (const DenseLayer& l : net.layers()) {
    for (Eigen::Index i = 0; i < l.w.size(); ++i) v = std::fmax(v, std::fabs(l.w.data()[i]));
    for (Eigen::Index i = 0; i < l.b.size(); ++i) v = std::fmax(v, std::fabs(l.b.data()[i]));
  }
  return v;
}

void check_stops_at_first_non_finite(const TrainerConfig& c) {
  auto t = make(c);
  REQUIRE(t->step(500).ok());
  const Divergence& d = t->divergence();
  REQUIRE(d.diverged);
  MESSAGE(d.message);
  // The counter, the last history row and the report name the same step.
  CHECK(t->metrics().step == d.step);
  CHECK(t->history().back().step == d.step);
  CHECK(d.message.find("step " + std::to_string(d.step) + ":") != std::string::npos);
  // That step is the first whose row is not finite.
  for (const StepMetrics& m : t->history()) {
    if (m.step < d.step) CHECK_MESSAGE(row_finite(m), "step ", m.step, " already has a non-finite quantity");
  }
  CHECK_FALSE(row_finite(t->history().back()));

  // The last finite largest |gradient|: that of the step before, replayed.
  CHECK(std::isfinite(d.largest_finite_gradient));
  auto replay = make(c);
  REQUIRE(d.step > 1);
  REQUIRE(replay->step(static_cast<int>(d.step - 1)).ok());
  REQUIRE_FALSE(replay->divergence().diverged);
  const float before = largest_gradient(replay->network());
  REQUIRE(std::isfinite(before));
  // The largest |w| is that of the weights just before the diverged step (the
  // fused SGD pass reads it from the values it saved, only when it reports).
  CHECK(d.largest_weight == largest_value(replay->network()));
  if (std::isfinite(largest_gradient(t->network()))) {
    CHECK(d.largest_finite_gradient == largest_gradient(t->network()));  // the diverged step's own, still finite
  } else {
    CHECK(d.largest_finite_gradient == before);
  }
  CHECK(d.message.find("NaN") == d.message.find("NaN or infinite"));  // no NaN among the numbers
}

TEST_CASE("divergence found by the evaluation losses is reported at that step") {
  // The case from the page: the update of step 3 makes the weights so large
  // that the full-set squared error overflows while the batch loss of step 3
  // (computed before that update) is still finite.
  TrainerConfig c;
  c.data.kind = DatasetKind::kCircle;
  c.head = Head::kLinearMse;
  c.hidden = {LayerConfig{8, Activation::kRelu, {}, 0}, LayerConfig{8, Activation::kRelu, {}, 0}};
  c.train.learning_rate = 10.0f;
  c.train.eval_every = 1;
  check_stops_at_first_non_finite(c);
  auto t = make(c);
  REQUIRE(t->step(500).ok());
  CHECK(t->divergence().step == 3);
  CHECK(t->divergence().quantity == "loss");
}

TEST_CASE("divergence found by the batch loss or the gradients is reported at that step") {
  TrainerConfig c;
  c.data.kind = DatasetKind::kPlane;
  c.data.samples = 100;
  c.head = Head::kLinearMse;
  c.hidden = {LayerConfig{8, Activation::kRelu, {}, 0}, LayerConfig{8, Activation::kRelu, {}, 0}};
  c.train.learning_rate = 10.0f;
  c.init = Init::kLargeNormal;
  c.init_sigma = 20.0f;
  c.train.eval_every = 1000;  // no evaluation in between: the step's own quantities show it
  check_stops_at_first_non_finite(c);
}

TEST_CASE("a step whose gradient is not finite is recorded but its update is not applied") {
  // Plain SGD takes the gradient statistics in its update pass and takes the
  // update back when they are not finite: the weights stay those of the step
  // before, bit for bit, whether or not the step's loss was finite.
  bool found_gradient = false;
  for (float sigma : {5.0f, 20.0f, 100.0f}) {
    for (float lr : {1.0f, 3.0f, 10.0f}) {
      TrainerConfig c;
      c.data.kind = DatasetKind::kPlane;
      c.data.samples = 100;
      c.head = Head::kLinearMse;
      c.hidden = {LayerConfig{8, Activation::kRelu, {}, 0}, LayerConfig{8, Activation::kRelu, {}, 0}};
      c.train.learning_rate = lr;
      c.init = Init::kLargeNormal;
      c.init_sigma = sigma;
      c.train.eval_every = 1000;
      auto t = make(c);
      REQUIRE(t->step(500).ok());
      const Divergence& d = t->divergence();
      if (!d.diverged || d.quantity == "weight" || d.step < 2) continue;
      CAPTURE(sigma);
      CAPTURE(lr);
      CAPTURE(d.quantity);
      found_gradient = found_gradient || d.quantity == "gradient";
      auto before = make(c);
      REQUIRE(before->step(static_cast<int>(d.step - 1)).ok());
      const auto& got = t->network().layers();
      const auto& want = before->network().layers();
      for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(std::memcmp(got[i].w.data(), want[i].w.data(), sizeof(float) * std::size_t(got[i].w.size())) == 0);
        CHECK(std::memcmp(got[i].b.data(), want[i].b.data(), sizeof(float) * std::size_t(got[i].b.size())) == 0);
      }
    }
  }
  CHECK(found_gradient);  // at least one of the runs diverged in its gradient, the fused pass's undo
}

}  // namespace
}  // namespace nnplay
