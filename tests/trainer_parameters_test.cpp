// Trainer::copy_parameters / load_parameters: a second trainer of the same
// config that loads the first one's array predicts exactly what the first one
// predicts (the page draws from such a copy while a worker trains), and a bad
// array is named and changes nothing.
#include <cmath>
#include <vector>

#include <doctest/doctest.h>

#include "nnplay/trainer_parameters.hpp"
#include "trainer_test_util.hpp"

namespace nnplay {
namespace {

TrainerConfig prelu_net() {
  TrainerConfig c;
  c.data.kind = DatasetKind::kSpiral;
  c.data.samples = 120;
  c.hidden = {LayerConfig{5, Activation::kPrelu, {}, 0}, LayerConfig{3, Activation::kTanh, {}, 0}};
  return c;
}

TEST_CASE("load_parameters makes a copy predict what the trainer predicts") {
  auto trained = trainer_test::make(prelu_net());
  auto copy = trainer_test::make(prelu_net());
  REQUIRE(trained->step(200).ok());
  std::vector<float> flat;
  copy_parameters(*trained, &flat);
  // 2·5+5+1 (α) + 5·3+3 + 3·1+1
  CHECK(flat.size() == 38);
  CHECK(static_cast<int>(flat.size()) == trained->network().parameter_count());
  REQUIRE(load_parameters(*copy, flat).ok());
  CHECK(copy->metrics().step == 0);  // the step stays
  CHECK(copy->network().layers()[0].params.alpha == trained->network().layers()[0].params.alpha);
  const std::vector<float> points = {0.5f, -0.25f, -1.0f, 2.0f, 0.0f, 0.0f};
  std::vector<float> a, b;
  REQUIRE(trained->predict(points, &a).ok());
  REQUIRE(copy->predict(points, &b).ok());
  CHECK(a == b);  // the same floats through the same code: exactly equal
  std::vector<float> again;
  copy_parameters(*copy, &again);
  CHECK(again == flat);
}

TEST_CASE("load_parameters names a bad array and changes nothing") {
  auto t = trainer_test::make(prelu_net());
  std::vector<float> before;
  copy_parameters(*t, &before);
  std::vector<float> bad = before;
  bad.pop_back();
  Status s = load_parameters(*t, bad);
  CHECK(s.message() == "values: expected 38 parameters, got 37");
  bad = before;
  bad[7] = std::nanf("");
  s = load_parameters(*t, bad);
  CHECK(s.message() == "values: expected finite numbers, got NaN");
  std::vector<float> after;
  copy_parameters(*t, &after);
  CHECK(after == before);
  CHECK(t->step(5).ok());
}

}  // namespace
}  // namespace nnplay
