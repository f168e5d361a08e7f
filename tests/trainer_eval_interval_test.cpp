// The default evaluation interval (train.evalEvery 0): chosen from the rows
// an evaluation reads and the batch, and the evaluation metrics change only
// on those steps.
#include <doctest/doctest.h>

#include "nnplay/trainer.hpp"
#include "trainer_test_util.hpp"

namespace nnplay {
namespace {

using trainer_test::make;

TEST_CASE("the default evaluation interval follows the data and the batch") {
  TrainerConfig c;  // circle, 500 samples split 250 / 250, batch 10
  REQUIRE(c.train.eval_every == 0);
  auto t = make(c);
  // 12 · (250 train + 250 test + 250 diagnostic rows) / 10 batch rows.
  CHECK(t->evaluation_interval() == 900);
  const float initial = t->metrics().train_loss;
  REQUIRE(t->step(899).ok());
  CHECK(t->metrics().train_loss == initial);  // carried forward
  REQUIRE(t->step(1).ok());
  CHECK(t->metrics().train_loss != initial);  // evaluated at step 900
  TrainConfig bigger = c.train;
  bigger.batch_size = 50;
  REQUIRE(t->set_train_config(bigger).ok());
  CHECK(t->evaluation_interval() == 180);  // 12 · 750 / 50
  bigger.eval_every = 7;
  REQUIRE(t->set_train_config(bigger).ok());
  CHECK(t->evaluation_interval() == 7);
}

TEST_CASE("large sets cap the diagnostic rows and the interval stays in [1, 10000]") {
  TrainerConfig c;
  c.data.samples = 5000;  // 2500 / 2500; diagnostics read 1000 training rows
  c.train.batch_size = 1;
  CHECK(make(c)->evaluation_interval() == 10000);  // 12 · 6000 / 1, capped
  c.train.batch_size = 5000;  // the whole training set per step
  CHECK(make(c)->evaluation_interval() == 29);  // 12 · 6000 / 2500 = 28.8, rounded up
}

}  // namespace
}  // namespace nnplay
