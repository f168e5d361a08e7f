// The confusion matrix exists exactly where the head predicts classes: for
// every head a data kind accepts, either a matrix whose cells count each test
// sample once, as its true class against the class predict() implies, or a
// failed_precondition naming the head (never a write out of bounds).
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "nnplay/config_json.hpp"
#include "trainer_test_util.hpp"

namespace nnplay {
namespace {

// The class predict()'s outputs imply, decided here from the head's definition
// (head.hpp), not by head_predict_class.
int class_from_outputs(Head h, const float* p, int outputs) {
  if (h == Head::kSoftmaxCe) {
    int best = 0;
    for (int c = 1; c < outputs; ++c) best = p[c] > p[best] ? c : best;
    return best;
  }
  return p[0] > (h == Head::kTanhMse ? 0.0f : 0.5f) ? 1 : 0;
}

TEST_CASE("confusion: a matrix for class-predicting heads, an error naming the head otherwise") {
  const DatasetKind kinds[] = {DatasetKind::kCircle, DatasetKind::kSpiralK, DatasetKind::kPlane};
  const Head heads[] = {Head::kAuto, Head::kSigmoidBce, Head::kSoftmaxCe, Head::kLinearMse, Head::kTanhMse};
  int matrices = 0, refusals = 0;
  for (DatasetKind kind : kinds) {
    for (Head head : heads) {
      TrainerConfig c;
      c.data.kind = kind;
      c.data.samples = 84;  // spiral_k: 42 test samples, as in the report
      c.data.train_fraction = 0.5f;
      c.hidden = {LayerConfig{4, Activation::kTanh, {}, 0}};
      c.head = head;
      std::unique_ptr<Trainer> t;
      if (!Trainer::create(c, nullptr, &t).ok()) continue;  // e.g. softmax_ce on a regression set
      CAPTURE(dataset_kind_name(kind));
      CAPTURE(head_name(t->head()));
      REQUIRE(t->step(10).ok());
      const int k = t->train_data().classes;
      const bool classes = t->head() == Head::kSoftmaxCe ||
                           (k == 2 && (t->head() == Head::kSigmoidBce || t->head() == Head::kTanhMse));
      CHECK(t->has_confusion() == classes);
      std::vector<int> m;
      const Status s = t->confusion(&m);
      if (!classes) {
        ++refusals;
        CHECK(s.code() == StatusCode::kFailedPrecondition);
        CHECK(s.message().find(std::string("\"") + head_name(t->head()) + "\"") != std::string::npos);
        CHECK(s.message().find("confusion") == 0);
        continue;
      }
      ++matrices;
      REQUIRE(s.ok());
      REQUIRE(m.size() == static_cast<std::size_t>(k) * k);
      std::vector<float> p;
      REQUIRE(t->predict(t->test_data().x, &p).ok());
      const int outputs = static_cast<int>(p.size()) / t->test_data().size();
      std::vector<int> want(m.size(), 0);
      for (int r = 0; r < t->test_data().size(); ++r) {
        const int truth = static_cast<int>(t->test_data().y[static_cast<std::size_t>(r)]);
        ++want[static_cast<std::size_t>(truth * k + class_from_outputs(t->head(), &p[static_cast<std::size_t>(r) * outputs], outputs))];
      }
      CHECK(m == want);
      int total = 0;
      for (int v : m) total += v;
      CHECK(total == t->test_data().size());
    }
  }
  // circle: auto, sigmoid_bce, softmax_ce, tanh_mse; spiral_k: auto, softmax_ce.
  CHECK(matrices == 6);
  // circle: linear_mse; spiral_k: linear_mse, tanh_mse; plane: auto, linear_mse, tanh_mse.
  CHECK(refusals == 6);
}

}  // namespace
}  // namespace nnplay
