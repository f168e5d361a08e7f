// The optimiser's fused SGD pass (kernels/param_pass.hpp, Optimizer::
// step_with_statistics): the same numbers as the gradient statistics and the
// update taken apart, bit for bit, and undo() restores every value exactly.
#include "kernels/param_pass.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include <doctest/doctest.h>

#include "nnplay/optimizer.hpp"

namespace nnplay {
namespace {

using Vec = std::vector<float>;

Vec random_vec(std::size_t n, std::uint32_t& state, float scale) {
  Vec v(n);
  for (float& x : v) x = scale * (float((state = state * 1664525u + 1013904223u) >> 8) / 8388608.0f - 1.0f);
  return v;
}

bool same_bits(const Vec& a, const Vec& b) { return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * 4) == 0; }

TEST_CASE("param_pass: sgd_update_stats_f32 equals grad_stats_f32 then sgd_update_f32 bit for bit") {
  std::uint32_t state = 5;
  for (std::size_t n : {1, 3, 4, 7, 8, 16, 17, 64, 65}) {
    for (int special = 0; special < 3; ++special) {  // all finite; a NaN gradient; an infinite one
      CAPTURE(n);
      CAPTURE(special);
      Vec w = random_vec(n, state, 4.0f), g = random_vec(n, state, 1e3f);
      if (special == 1) g[n / 2] = NAN;
      if (special == 2) g[n - 1] = INFINITY;
      Vec w_apart = w, w_fused = w, old(n, -1.0f);
      kernels::ParamStats s_apart{0.5, 0.25f}, s_fused{0.5, 0.25f};  // accumulating onto earlier blocks
      float big_apart = 0.125f, big_fused = 0.125f;
      kernels::grad_stats_f32(n, g.data(), &s_apart);
      const bool ok_apart = kernels::sgd_update_f32(n, w_apart.data(), g.data(), 0.03f, &big_apart);
      const bool ok_fused = kernels::sgd_update_stats_f32(n, w_fused.data(), g.data(), 0.03f, old.data(), &s_fused);
      big_fused = kernels::larger(big_fused, Optimizer::saved_largest(old.data(), n));
      CHECK(ok_fused == ok_apart);
      CHECK(ok_fused == (special == 0));
      CHECK(same_bits(w_fused, w_apart));
      CHECK(same_bits(old, w));
      CHECK(std::memcmp(&s_fused.squares, &s_apart.squares, sizeof(double)) == 0);
      CHECK(s_fused.largest == s_apart.largest);
      CHECK(big_fused == big_apart);
    }
  }
}

TEST_CASE("Optimizer::undo takes back a fused SGD step exactly") {
  std::uint32_t state = 9;
  Vec w0 = random_vec(19, state, 2.0f), b0 = random_vec(5, state, 2.0f);
  Vec gw = random_vec(19, state, 1.0f), gb = random_vec(5, state, 1.0f);
  gb[3] = NAN;
  Vec w = w0, b = b0;
  const std::vector<ParamBlock> blocks = {{w.data(), gw.data(), 19, 0, ParamBlock::kWeight},
                                          {b.data(), gb.data(), 5, 0, ParamBlock::kBias}};
  TrainConfig c;
  c.optimizer = OptimizerKind::kSgd;
  Optimizer opt(c);
  REQUIRE(opt.fuses_statistics());
  opt.step(blocks, 0.1f);  // a first plain step: t = 1
  w0 = w, b0 = b;
  Vec old(24);
  double squares[2];
  float largest[2];
  CHECK_FALSE(opt.step_with_statistics(blocks, 0.1f, old.data(), squares, largest));
  CHECK(std::isfinite(squares[0]));
  CHECK(std::isnan(squares[1]));
  CHECK_FALSE(same_bits(w, w0));  // the update was applied ...
  opt.undo(blocks, old.data());
  CHECK(same_bits(w, w0));  // ... and taken back
  CHECK(same_bits(b, b0));
  CHECK(opt.state().t == 1);
}

}  // namespace
}  // namespace nnplay
