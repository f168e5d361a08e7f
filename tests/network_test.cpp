// Backprop against central finite differences, for every activation, maxout,
// dropout off, every head, with and without L1/L2 penalties.
#include "nnplay/network.hpp"

#include <cmath>
#include <string>

#include <doctest/doctest.h>

#include "nnplay/head.hpp"
#include "nnplay/regularize.hpp"

namespace nnplay {
namespace {

struct Problem {
  Matrix x;
  std::vector<float> y;
  int classes;
};

Problem make_problem(Head head, int inputs, int rows, Rng& rng) {
  Problem p;
  p.x.resize(rows, inputs);
  for (Eigen::Index i = 0; i < p.x.size(); ++i) p.x.data()[i] = rng.uniform(-2.0f, 2.0f);
  p.classes = head == Head::kSoftmaxCe ? 3 : head == Head::kLinearMse ? 0 : 2;
  for (int r = 0; r < rows; ++r)
    p.y.push_back(p.classes == 0 ? rng.uniform(-1.0f, 1.0f) : static_cast<float>(rng.below(static_cast<std::uint32_t>(p.classes))));
  return p;
}

// Which side of its kink every hidden pre-activation is on, and which maxout
// piece wins: a finite difference that changes this crossed a kink and says
// nothing about the derivative there.
// Smooth activations have no kink, so their side of 0 does not count.
bool smooth(Activation a) {
  switch (a) {
    case Activation::kLinear: case Activation::kSigmoid: case Activation::kTanh: case Activation::kGelu:
    case Activation::kGeluTanh: case Activation::kSwish: case Activation::kSoftplus: case Activation::kMish:
      return true;
    default: return false;
  }
}

std::vector<int> kink_signature(const Network& net) {
  std::vector<int> sig;
  for (const DenseLayer& l : net.layers()) {
    if (l.output) break;
    if (l.pieces == 1 && smooth(l.activation)) continue;
    for (Eigen::Index i = 0; i < l.z.size(); ++i) sig.push_back(l.z.data()[i] > 0.0f);
    sig.insert(sig.end(), l.argmax.begin(), l.argmax.end());
  }
  return sig;
}

double loss_of(Network& net, Head head, const Problem& p, float l1, float l2, Rng& rng) {
  const Matrix& logits = net.forward(p.x, false, 0.0f, rng);
  Matrix probs;
  head_forward(head, logits, &probs);
  return head_loss(head, p.classes, logits, probs, p.y.data()) + weight_penalty(net.parameters(), l1, l2);
}

// Compares every parameter's analytic gradient with (L(θ+h) - L(θ-h)) / 2h.
// The forward pass is float (rounding ~1e-7 relative in L), so with h = 1e-2 the
// difference quotient carries ~1e-5 of rounding noise and O(h²) ≈ 1e-4·|L'''|
// of truncation: the tolerance is 2e-3 absolute plus 2% relative.
void check_gradients(const std::vector<LayerConfig>& hidden, Head head, float l1, float l2) {
  Rng rng(7);
  const Problem p = make_problem(head, 3, 6, rng);
  Network net(3, hidden, head_outputs(head, p.classes));
  net.init(Init::kXavierUniform, 1.0f, 0.1f, rng);
  const Matrix& logits = net.forward(p.x, true, 0.0f, rng);
  Matrix probs, grad;
  head_forward(head, logits, &probs);
  head_gradient(head, p.classes, probs, p.y.data(), &grad);
  net.backward(p.x, grad);
  std::vector<ParamBlock> blocks = net.parameters();
  add_penalty_gradient(blocks, l1, l2);
  const float h = 1e-2f;
  loss_of(net, head, p, l1, l2, rng);
  const std::vector<int> base = kink_signature(net);
  int checked = 0, crossed = 0;
  for (ParamBlock& b : blocks) {
    for (int i = 0; i < b.size; ++i) {
      const float saved = b.value[i];
      b.value[i] = saved + h;
      const double up = loss_of(net, head, p, l1, l2, rng);
      const bool up_same = kink_signature(net) == base;
      b.value[i] = saved - h;
      const double down = loss_of(net, head, p, l1, l2, rng);
      const bool down_same = kink_signature(net) == base;
      b.value[i] = saved;
      // L1's |w| has its kink at w = 0 too.
      if (!up_same || !down_same || (l1 > 0.0f && b.kind == ParamBlock::kWeight && std::fabs(saved) < h)) {
        ++crossed;
        continue;
      }
      const double fd = (up - down) / (2.0 * h);
      CAPTURE(b.layer);
      CAPTURE(i);
      CAPTURE(static_cast<int>(b.kind));
      CHECK(std::fabs(b.grad[i] - fd) <= 2e-3 + 0.02 * std::fabs(fd));
      ++checked;
    }
  }
  // Every parameter is either checked or skipped for a kink, and kinks are rare.
  CHECK(checked + crossed == net.parameter_count());
  CHECK(crossed <= net.parameter_count() / 5);
}

TEST_CASE("backprop matches finite differences") {
  SUBCASE("every activation, sigmoid head") {
    for (int i = 0; i < kActivationCount; ++i) {
      const auto a = static_cast<Activation>(i);
      if (a == Activation::kRrelu) continue;  // random in training: checked below in evaluation mode
      const std::string name = activation_name(a);
      CAPTURE(name);
      LayerConfig l{4, a, default_params(a), 0};
      check_gradients({l, LayerConfig{3, a, default_params(a), 0}}, Head::kSigmoidBce, 0, 0);
    }
  }
  SUBCASE("narrow layers (4 and 8 units: the fused forward and backward)") {
    // ReLU is fused too, but 8-unit ReLU layers cross too many kinks for finite differences
    // (tests/dense_small_test.cpp checks its fused layer bit for bit against the unfused one).
    for (Activation a : {Activation::kTanh, Activation::kSigmoid, Activation::kLinear}) {
      const std::string name = activation_name(a);
      CAPTURE(name);
      check_gradients({LayerConfig{8, a, {}, 0}, LayerConfig{8, a, {}, 0}}, Head::kTanhMse, 0, 0);
      check_gradients({LayerConfig{4, a, {}, 0}, LayerConfig{8, a, {}, 0}}, Head::kSoftmaxCe, 0, 0);
    }
  }
  SUBCASE("maxout with 2 and 5 pieces") {
    check_gradients({LayerConfig{3, Activation::kLinear, {}, 2}, LayerConfig{2, Activation::kLinear, {}, 5}},
                    Head::kSoftmaxCe, 0, 0);
  }
  SUBCASE("every head") {
    for (Head h : {Head::kSigmoidBce, Head::kSoftmaxCe, Head::kLinearMse, Head::kTanhMse}) {
      CAPTURE(static_cast<int>(h));
      check_gradients({LayerConfig{4, Activation::kTanh, {}, 0}}, h, 0, 0);
    }
  }
  SUBCASE("L1 and L2 penalties") {
    check_gradients({LayerConfig{4, Activation::kElu, default_params(Activation::kElu), 0}}, Head::kLinearMse, 0.01f, 0.0f);
    check_gradients({LayerConfig{4, Activation::kElu, default_params(Activation::kElu), 0}}, Head::kLinearMse, 0.0f, 0.05f);
  }
  SUBCASE("no hidden layer (logistic regression)") { check_gradients({}, Head::kSigmoidBce, 0, 0.01f); }
}

TEST_CASE("PReLU's alpha is a parameter with a gradient") {
  Network net(2, {LayerConfig{3, Activation::kPrelu, default_params(Activation::kPrelu), 0}}, 1);
  int alphas = 0;
  for (const ParamBlock& b : net.parameters()) alphas += b.kind == ParamBlock::kAlpha;
  CHECK(alphas == 1);
  check_gradients({LayerConfig{3, Activation::kPrelu, default_params(Activation::kPrelu), 0}}, Head::kSigmoidBce, 0, 0);
}

TEST_CASE("dropout is inverted and only in training") {
  Rng rng(3);
  Network net(2, {LayerConfig{200, Activation::kRelu, {}, 0}}, 1);
  net.init(Init::kHeUniform, 1, 0.5f, rng);
  Matrix x = Matrix::Constant(50, 2, 1.0f);
  net.forward(x, false, 0.5f, rng);
  const Matrix clean = net.layers()[0].a;
  net.forward(x, true, 0.5f, rng);
  const Matrix& dropped = net.layers()[0].train.a;  // the training pass keeps its own caches
  int zeros = 0;
  for (Eigen::Index i = 0; i < dropped.size(); ++i) {
    if (dropped.data()[i] == 0.0f && clean.data()[i] != 0.0f) ++zeros;
    else CHECK(dropped.data()[i] == doctest::Approx(2.0f * clean.data()[i]).epsilon(1e-6));
  }
  // 10000 units at rate 0.5: the dropped count has sd 50 around the mean; allow 5 sd.
  const int live = static_cast<int>((clean.array() != 0.0f).count());
  CHECK(std::abs(zeros - live / 2) <= 250);
}

}  // namespace
}  // namespace nnplay
