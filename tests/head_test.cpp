// The output heads: head_loss_gradient, the training step's one call, gives
// what head_loss and head_gradient give apart, bit for bit.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include <doctest/doctest.h>

#include "nnplay/config_json.hpp"
#include "nnplay/head.hpp"

namespace nnplay {
namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }
bool same_bits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST_CASE("head_loss_gradient equals head_loss and head_gradient bit for bit") {
  std::uint32_t state = 3;
  const auto next = [&] { return float((state = state * 1664525u + 1013904223u) >> 8) / 8388608.0f - 1.0f; };
  const Head heads[] = {Head::kLinearMse, Head::kTanhMse, Head::kSigmoidBce, Head::kSoftmaxCe};
  for (Head h : heads) {
    for (int classes : {0, 2, 3}) {
      if (h == Head::kSoftmaxCe && classes < 2) continue;
      if (h == Head::kSigmoidBce && classes != 2) continue;
      for (int rows : {1, 4, 10, 13}) {
        CAPTURE(head_name(h));
        CAPTURE(classes);
        CAPTURE(rows);
        const int outputs = head_outputs(h, classes);
        Matrix z(rows, outputs);
        for (Eigen::Index i = 0; i < z.size(); ++i) z.data()[i] = 3.0f * next();
        std::vector<float> y(static_cast<std::size_t>(rows));
        for (float& v : y) v = classes == 0 ? 2.0f * next() : std::floor((0.5f + 0.5f * next()) * 0.999f * classes);
        Matrix p, dz_apart, dz_fused;
        head_forward(h, z, &p);
        const double loss_apart = head_loss(h, classes, z, p, y.data());
        head_gradient(h, classes, p, y.data(), &dz_apart);
        const double loss_fused = head_loss_gradient(h, classes, z, p, y.data(), &dz_fused);
        CHECK(same_bits(loss_fused, loss_apart));
        REQUIRE(dz_fused.rows() == dz_apart.rows());
        REQUIRE(dz_fused.cols() == dz_apart.cols());
        int bad = 0;
        for (Eigen::Index i = 0; i < dz_apart.size(); ++i) bad += same_bits(dz_fused.data()[i], dz_apart.data()[i]) ? 0 : 1;
        CHECK(bad == 0);
      }
    }
  }
}

}  // namespace
}  // namespace nnplay
