// PCG32 (O'Neill, 2014): a small, fast generator whose output is identical on
// every platform, so a seed reproduces a run natively and in wasm.
#pragma once
#include <cmath>
#include <cstdint>

#include "nnplay/portable_math.hpp"

namespace nnplay {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 0, std::uint64_t stream = 0x9e3779b97f4a7c15ull) {
    inc_ = (stream << 1u) | 1u;
    next_u32();
    state_ += seed;
    next_u32();
  }

  std::uint32_t next_u32() {
    std::uint64_t old = state_;
    state_ = old * 6364136223846793005ull + inc_;
    auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
    auto rot = static_cast<std::uint32_t>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
  }

  // Uniform in [0, 1) with 24 random bits: every value is a float exactly.
  float uniform() { return static_cast<float>(next_u32() >> 8) * 0x1.0p-24f; }
  float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }

  // A standard normal draw by Marsaglia's polar method (as TensorFlow
  // Playground draws its gaussians), through portable_log so that a seed gives
  // the same draws natively and in wasm.
  double normal() {
    for (;;) {
      const double v1 = 2.0 * uniform() - 1.0;
      const double v2 = 2.0 * uniform() - 1.0;
      const double s = v1 * v1 + v2 * v2;
      if (s > 0.0 && s < 1.0) return v1 * std::sqrt(-2.0 * portable_log(s) / s);
    }
  }

  // An integer in [0, n) (n > 0), by Lemire's multiply-shift with rejection.
  std::uint32_t below(std::uint32_t n) {
    std::uint64_t m = std::uint64_t(next_u32()) * n;
    if (static_cast<std::uint32_t>(m) < n) {
      const std::uint32_t threshold = (0u - n) % n;
      while (static_cast<std::uint32_t>(m) < threshold) m = std::uint64_t(next_u32()) * n;
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

 private:
  std::uint64_t state_ = 0;
  std::uint64_t inc_ = 0;
};

}  // namespace nnplay
