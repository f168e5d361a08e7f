// The trainer's contract: determinism, live hyperparameters, rewind, and
// errors that name the parameter and leave the trainer usable.
#include <cmath>

#include <doctest/doctest.h>

#include "nnplay/trainer.hpp"
#include "trainer_test_util.hpp"

namespace nnplay {
namespace {

TrainerConfig small() {
  TrainerConfig c;
  c.data.kind = DatasetKind::kGauss;
  c.data.samples = 100;
  c.hidden = {LayerConfig{4, Activation::kTanh, {}, 0}};
  return c;
}

using trainer_test::make;

TEST_CASE("same config and seed, same history") {
  TrainerConfig c = small();
  c.train.dropout = 0.2f;
  c.hidden = {LayerConfig{6, Activation::kRrelu, default_params(Activation::kRrelu), 0}};
  auto a = make(c), b = make(c);
  REQUIRE(a->step(100).ok());
  REQUIRE(b->step(100).ok());
  REQUIRE(a->history().size() == b->history().size());
  for (std::size_t i = 0; i < a->history().size(); ++i) {
    CHECK(a->history()[i].batch_loss == b->history()[i].batch_loss);
    CHECK(a->history()[i].grad_norm == b->history()[i].grad_norm);
  }
  c.seed = 2;
  auto d = make(c);
  REQUIRE(d->step(100).ok());
  CHECK(d->history().back().batch_loss != a->history().back().batch_loss);
}

TEST_CASE("hyperparameters change live, shape does not") {
  auto t = make(small());
  REQUIRE(t->step(10).ok());
  TrainConfig tc = t->config().train;
  tc.learning_rate = 0.5f;
  tc.optimizer = OptimizerKind::kAdam;
  REQUIRE(t->set_train_config(tc).ok());
  REQUIRE(t->step(10).ok());
  CHECK(t->metrics().step == 20);
  CHECK(t->metrics().learning_rate == 0.5f);
  tc.learning_rate = -1.0f;
  const Status s = t->set_train_config(tc);
  CHECK(s.message().find("-1") != std::string::npos);
  CHECK(t->config().train.learning_rate == 0.5f);  // unchanged after the bad call
  REQUIRE(t->step(1).ok());
}

TEST_CASE("rewind returns to the last finite snapshot") {
  // Regression with a linear head: nothing bounds the outputs, so huge initial
  // weights and a huge rate overflow the squared error within a few steps.
  TrainerConfig c = small();
  c.data.kind = DatasetKind::kPlane;
  c.head = Head::kLinearMse;
  c.hidden = {LayerConfig{8, Activation::kRelu, {}, 0}, LayerConfig{8, Activation::kRelu, {}, 0}};
  c.train.learning_rate = 10.0f;
  c.init = Init::kLargeNormal;
  c.init_sigma = 20.0f;
  auto t = make(c);
  REQUIRE(t->step(500).ok());
  REQUIRE(t->divergence().diverged);
  REQUIRE(t->rewind().ok());
  CHECK_FALSE(t->divergence().diverged);
  CHECK(t->metrics().step % kSnapshotEvery == 0);
  for (const DenseLayer& l : t->network().layers()) CHECK(l.w.allFinite());
  TrainConfig tc = t->config().train;
  tc.learning_rate = 0.001f;
  tc.clip_norm = 1.0f;
  REQUIRE(t->set_train_config(tc).ok());
  REQUIRE(t->step(20).ok());
  CHECK_FALSE(t->divergence().diverged);
}

TEST_CASE("after a rewind, training on repeats the same steps") {
  TrainerConfig c = small();
  c.train.dropout = 0.1f;  // the generator matters too, not only the batch order
  auto t = make(c);
  REQUIRE(t->step(2 * kSnapshotEvery + 7).ok());
  REQUIRE(t->rewind().ok());
  REQUIRE(t->step(10).ok());
  const float first = t->metrics().batch_loss;
  REQUIRE(t->rewind().ok());
  REQUIRE(t->step(10).ok());
  CHECK(t->metrics().batch_loss == first);
}

TEST_CASE("a rewind across shuffled epochs restores the order of its snapshot") {
  // Batches of 16 from the shuffled training split: a new epoch, and a new
  // order, every few steps, so the snapshots hold different orders (each is
  // copied only when it changed since that slot's last copy). A trainer that
  // rewinds and trains on must match one that trained straight through.
  for (bool shuffle : {true, false}) {
    CAPTURE(shuffle);
    TrainerConfig c = small();
    c.train.batch_size = 16;
    c.train.shuffle = shuffle;
    auto rewound = make(c), straight = make(c);
    const auto same_weights = [&] {
      const auto& a = rewound->network().layers();
      const auto& b = straight->network().layers();
      for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].w == b[i].w);
        CHECK(a[i].b == b[i].b);
      }
    };
    REQUIRE(rewound->step(2 * kSnapshotEvery + 7).ok());
    REQUIRE(rewound->rewind().ok());  // back to step 50
    REQUIRE(rewound->step(6 * kSnapshotEvery).ok());
    REQUIRE(straight->step(8 * kSnapshotEvery).ok());
    same_weights();  // step 200; the ring's slots have each been reused
    REQUIRE(rewound->step(7).ok());
    REQUIRE(rewound->rewind().ok());  // back to step 200, from a reused slot
    REQUIRE(rewound->step(kSnapshotEvery + 3).ok());
    REQUIRE(straight->step(kSnapshotEvery + 3).ok());
    same_weights();
  }
}

TEST_CASE("bad calls are rejected by name and the trainer stays usable") {
  auto t = make(small());
  CHECK(t->step(0).message() == "step: n must be in [1, 100000], got 0");
  std::vector<float> out;
  CHECK(t->predict({1.0f, 2.0f, 3.0f}, &out).message().find("multiple of 2") != std::string::npos);
  CHECK(t->grid(500, -6, 6, -6, 6, -1, 0, &out).message().find("got 500") != std::string::npos);
  CHECK(t->grid(10, 6, -6, -6, 6, -1, 0, &out).message().find("x0 < x1") != std::string::npos);
  CHECK(t->grid(10, -6, 6, -6, 6, 3, 0, &out).message().find("got 3") != std::string::npos);
  CHECK(t->grid(10, -6, 6, -6, 6, 0, 9, &out).message().find("got 9") != std::string::npos);
  REQUIRE(t->grid(10, -6, 6, -6, 6, -1, 0, &out).ok());
  CHECK(out.size() == 100);
  for (float p : out) CHECK((p >= 0.0f && p <= 1.0f));
  REQUIRE(t->grid(10, -6, 6, -6, 6, 0, 3, &out).ok());
  CHECK(out.size() == 100);
  REQUIRE(t->step(5).ok());
  std::unique_ptr<Trainer> none;
  TrainerConfig bad = small();
  bad.hidden[0].units = 0;
  CHECK_FALSE(Trainer::create(bad, nullptr, &none).ok());
  CHECK(none == nullptr);
  bad = small();
  bad.data.kind = DatasetKind::kDigits;
  CHECK(Trainer::create(bad, nullptr, &none).message().find("digits") != std::string::npos);
}

TEST_CASE("history is bounded and metrics are complete") {
  auto t = make(small());
  REQUIRE(t->step(30).ok());
  CHECK(t->history().size() == 31);  // the initial evaluation plus one row per step
  CHECK(t->history().back().step == 30);
  const StepMetrics& m = t->metrics();
  CHECK(m.layers.size() == 2);
  CHECK(std::isfinite(m.train_loss));
  CHECK((m.test_accuracy >= 0.0f && m.test_accuracy <= 1.0f));
  CHECK(t->histograms().size() == 1);
  int total = t->histograms()[0].below + t->histograms()[0].above;
  for (int c : t->histograms()[0].counts) total += c;
  CHECK(total == 4 * t->train_data().size());
}

}  // namespace
}  // namespace nnplay
