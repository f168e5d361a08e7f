#include "nnplay/optimizer.hpp"

#include <cmath>

namespace nnplay {

float scheduled_learning_rate(const TrainConfig& cfg, long long step) {
  switch (cfg.schedule) {
    case Schedule::kConstant: return cfg.learning_rate;
    case Schedule::kStep:
      return cfg.learning_rate * std::pow(cfg.decay_rate, static_cast<float>(step / cfg.decay_steps));
    case Schedule::kCosine: {
      const double phase = static_cast<double>(step % cfg.decay_steps) / cfg.decay_steps;
      return static_cast<float>(cfg.learning_rate * 0.5 * (1.0 + std::cos(M_PI * phase)));
    }
  }
  return cfg.learning_rate;
}

void Optimizer::reset() { state_ = State{}; }

float Optimizer::step(const std::vector<ParamBlock>& blocks, float lr) {
  ++state_.t;
  float largest = 0.0f;
  if (state_.m.size() != blocks.size()) {
    state_.m.assign(blocks.size(), {});
    state_.v.assign(blocks.size(), {});
  }
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const ParamBlock& b = blocks[k];
    std::vector<float>& m = state_.m[k];
    std::vector<float>& v = state_.v[k];
    if (m.size() != static_cast<std::size_t>(b.size)) m.assign(static_cast<std::size_t>(b.size), 0.0f);
    if (v.size() != static_cast<std::size_t>(b.size)) v.assign(static_cast<std::size_t>(b.size), 0.0f);
    float* w = b.value;
    const float* g = b.grad;
    // Same as fmax (a NaN weight is skipped), without the libm call per element.
    for (int i = 0; i < b.size; ++i) {
      const float a = std::fabs(w[i]);
      largest = a > largest ? a : largest;
    }
    switch (cfg_.optimizer) {
      case OptimizerKind::kSgd:
        for (int i = 0; i < b.size; ++i) w[i] -= lr * g[i];
        break;
      case OptimizerKind::kMomentum: {
        const float mu = cfg_.momentum;
        for (int i = 0; i < b.size; ++i) {
          m[i] = mu * m[i] - lr * g[i];
          w[i] += cfg_.nesterov ? mu * m[i] - lr * g[i] : m[i];
        }
        break;
      }
      case OptimizerKind::kRmsprop: {
        const float rho = cfg_.rho, eps = cfg_.epsilon;
        for (int i = 0; i < b.size; ++i) {
          v[i] = rho * v[i] + (1.0f - rho) * g[i] * g[i];
          w[i] -= lr * g[i] / (std::sqrt(v[i]) + eps);
        }
        break;
      }
      case OptimizerKind::kAdam: {
        const float b1 = cfg_.beta1, b2 = cfg_.beta2, eps = cfg_.epsilon;
        const float c1 = 1.0f - std::pow(b1, static_cast<float>(state_.t));
        const float c2 = 1.0f - std::pow(b2, static_cast<float>(state_.t));
        for (int i = 0; i < b.size; ++i) {
          m[i] = b1 * m[i] + (1.0f - b1) * g[i];
          v[i] = b2 * v[i] + (1.0f - b2) * g[i] * g[i];
          w[i] -= lr * (m[i] / c1) / (std::sqrt(v[i] / c2) + eps);
        }
        break;
      }
    }
  }
  return largest;
}

}  // namespace nnplay
