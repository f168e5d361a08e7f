// A NaN pre-activation (a network that diverged) falls in no histogram bin:
// the bin index of NaN used to be a cast of NaN to an index, undefined and
// far out of bounds (found by fuzz/trainer.cpp).
#include <cmath>
#include <limits>

#include <doctest/doctest.h>

#include "trainer_test_util.hpp"

namespace nnplay {
namespace {

TEST_CASE("evaluation with NaN pre-activations: histograms count only the numbers") {
  TrainerConfig c;
  c.data.kind = DatasetKind::kXor;
  c.data.samples = 40;
  c.hidden = {LayerConfig{3, Activation::kRelu, {}, 0}};
  auto t = trainer_test::make(c);
  DenseLayer& first = t->mutable_network().layers()[0];
  first.w(0, 1) = std::numeric_limits<float>::quiet_NaN();  // unit 1 of layer 1 is NaN on every sample
  t->refresh_metrics();
  const Histogram& h = t->histograms()[0];
  long long counted = h.below + h.above;
  for (int v : h.counts) counted += v;
  const long long samples = t->train_data().size();  // 20 < the diagnostic subset, so all of them
  CHECK(counted == 2 * samples);                       // units 0 and 2
  CHECK(std::isfinite(t->metrics().layers[0].dead_fraction));
}

}  // namespace
}  // namespace nnplay
