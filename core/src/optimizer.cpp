#include "nnplay/optimizer.hpp"

#include "kernels/param_pass.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

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

namespace {

// One pass per block: read |w| (for the report), update w by `rule`, note a
// non-finite result. `rule(i, w)` returns the new value of element i.
// Four running maxima: one would make every element wait for the one before.
template <class Rule>
void update_block(const ParamBlock& b, float* largest, std::uint32_t* bad, Rule rule) {
  float big[4] = {*largest, 0.0f, 0.0f, 0.0f};
  std::uint32_t nf = 0;
  float* w = b.value;
  const auto one = [&](int lane, int i) {
    const float a = std::fabs(w[i]);
    big[lane] = a > big[lane] ? a : big[lane];  // same as fmax (a NaN weight is skipped), without the libm call
    w[i] = rule(i, w[i]);
    nf |= kernels::not_finite_bit(w[i]);
  };
  int i = 0;
  for (; i + 4 <= b.size; i += 4)
    for (int lane = 0; lane < 4; ++lane) one(lane, i + lane);
  for (; i < b.size; ++i) one(0, i);
  *largest = kernels::larger(kernels::larger(big[0], big[1]), kernels::larger(big[2], big[3]));
  *bad |= nf;
}

}  // namespace

void Optimizer::size_state(std::size_t blocks) {
  if (state_.m.size() != blocks) {
    state_.m.assign(blocks, {});
    state_.v.assign(blocks, {});
  }
}

bool Optimizer::step_with_statistics(const std::vector<ParamBlock>& blocks, float lr, float* old, double* squares,
                                     float* largest_g) {
  ++state_.t;
  size_state(blocks.size());
  bool finite = true;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const ParamBlock& b = blocks[k];
    kernels::ParamStats g;
    finite &= kernels::sgd_update_stats_f32(static_cast<std::size_t>(b.size), b.value, b.grad, lr, old, &g);
    squares[k] = g.squares;
    largest_g[k] = g.largest;
    old += b.size;
  }
  return finite;
}

float Optimizer::saved_largest(const float* old, std::size_t count) {
  kernels::ParamStats s;
  kernels::grad_stats_f32(count, old, &s);
  return s.largest;
}

void Optimizer::undo(const std::vector<ParamBlock>& blocks, const float* old) {
  --state_.t;
  for (const ParamBlock& b : blocks) {
    std::memcpy(b.value, old, static_cast<std::size_t>(b.size) * sizeof(float));
    old += b.size;
  }
}

Optimizer::Result Optimizer::step(const std::vector<ParamBlock>& blocks, float lr) {
  ++state_.t;
  float largest = 0.0f;
  std::uint32_t bad = 0;
  size_state(blocks.size());
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const ParamBlock& b = blocks[k];
    std::vector<float>& mv = state_.m[k];
    std::vector<float>& vv = state_.v[k];
    const auto size = static_cast<std::size_t>(b.size);
    const float* g = b.grad;
    switch (cfg_.optimizer) {
      case OptimizerKind::kSgd:  // the common case, in four lanes
        if (!kernels::sgd_update_f32(size, b.value, g, lr, &largest)) bad = 1;
        break;
      case OptimizerKind::kMomentum: {
        if (mv.size() != size) mv.assign(size, 0.0f);
        float* m = mv.data();
        const float mu = cfg_.momentum;
        const bool nesterov = cfg_.nesterov;
        update_block(b, &largest, &bad, [&](int i, float w) {
          m[i] = mu * m[i] - lr * g[i];
          return w + (nesterov ? mu * m[i] - lr * g[i] : m[i]);
        });
        break;
      }
      case OptimizerKind::kRmsprop: {
        if (vv.size() != size) vv.assign(size, 0.0f);
        float* v = vv.data();
        const float rho = cfg_.rho, eps = cfg_.epsilon;
        update_block(b, &largest, &bad, [&](int i, float w) {
          v[i] = rho * v[i] + (1.0f - rho) * g[i] * g[i];
          return w - lr * g[i] / (std::sqrt(v[i]) + eps);
        });
        break;
      }
      case OptimizerKind::kAdam: {
        if (mv.size() != size) mv.assign(size, 0.0f);
        if (vv.size() != size) vv.assign(size, 0.0f);
        float* m = mv.data();
        float* v = vv.data();
        const float b1 = cfg_.beta1, b2 = cfg_.beta2, eps = cfg_.epsilon;
        const float c1 = 1.0f - std::pow(b1, static_cast<float>(state_.t));
        const float c2 = 1.0f - std::pow(b2, static_cast<float>(state_.t));
        update_block(b, &largest, &bad, [&](int i, float w) {
          m[i] = b1 * m[i] + (1.0f - b1) * g[i];
          v[i] = b2 * v[i] + (1.0f - b2) * g[i] * g[i];
          return w - lr * (m[i] / c1) / (std::sqrt(v[i] / c2) + eps);
        });
        break;
      }
      case OptimizerKind::kAdagrad: {
        if (vv.size() != size) vv.assign(size, 0.0f);
        float* v = vv.data();  // the sum of squared gradients
        const float eps = cfg_.epsilon;
        update_block(b, &largest, &bad, [&](int i, float w) {
          v[i] += g[i] * g[i];
          return w - lr * g[i] / (std::sqrt(v[i]) + eps);
        });
        break;
      }
    }
  }
  return {largest, bad == 0};
}

}  // namespace nnplay
