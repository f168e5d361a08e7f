// One training step: its batch (the epoch's sample order, shuffled or not),
// forward, head, backward, the update with the gradients' statistics, the
// divergence checks and the history row. The batch is filled here, beside
// the step, so that fill_batch is inlined into it (one call less per step).
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "kernels/param_pass.hpp"
#include "nnplay/clip.hpp"
#include "nnplay/head.hpp"
#include "nnplay/regularize.hpp"
#include "nnplay/trainer.hpp"

namespace nnplay {
namespace {

float max_abs(const std::vector<ParamBlock>& blocks, bool grads) {
  float m = 0.0f;
  for (const ParamBlock& b : blocks)
    for (int i = 0; i < b.size; ++i) m = std::fmax(m, std::fabs(grads ? b.grad[i] : b.value[i]));
  return m;
}

// The per-layer norms, the global one and max |g| from each block's Σ g² and
// max |g| (blocks in Network::parameters() order: w, b, then α where learned).
kernels::ParamStats gradient_statistics(const Network& net, const std::vector<double>& block_squares_,
                                        const std::vector<float>& block_largest_, StepMetrics* m) {
  kernels::ParamStats all;
  std::size_t k = 0;
  for (std::size_t li = 0; li < net.layers().size(); ++li) {
    const DenseLayer& l = net.layers()[li];
    const kernels::ParamStats w{block_squares_[k], block_largest_[k]};
    const kernels::ParamStats b{block_squares_[k + 1], block_largest_[k + 1]};
    k += l.learns_alpha() ? 3 : 2;
    m->layers[li].grad_w_norm = static_cast<float>(std::sqrt(w.squares));
    m->layers[li].grad_b_norm = static_cast<float>(std::sqrt(b.squares));
    all.squares += w.squares + b.squares;
    all.largest = kernels::larger(all.largest, kernels::larger(w.largest, b.largest));
    if (l.learns_alpha()) {
      all.squares += double(l.grad_alpha) * l.grad_alpha;
      all.largest = std::fmax(all.largest, std::fabs(l.grad_alpha));  // α's gradient may be NaN
    }
  }
  return all;
}

// A row of a few features: memcpy is a call in wasm (and a plain loop is
// turned back into one), so four at a time, then the rest written out.
void copy_row(Eigen::Index n, const float* from, float* to) {
  for (; n >= 4; n -= 4, from += 4, to += 4) {
    const float a = from[0], b = from[1], c = from[2], d = from[3];
    to[0] = a, to[1] = b, to[2] = c, to[3] = d;
  }
  switch (n) {
    case 3: to[2] = from[2]; [[fallthrough]];
    case 2: to[1] = from[1]; [[fallthrough]];
    case 1: to[0] = from[0]; break;
    default: break;
  }
}

}  // namespace

void Trainer::shuffle_order() {  // Fisher–Yates
  for (std::size_t i = order_.size(); i > 1; --i)
    std::swap(order_[i - 1], order_[rng_.below(static_cast<std::uint32_t>(i))]);
  order_version_ = ++order_versions_;
}

void Trainer::fill_batch(int size) {
  if (cursor_ >= order_.size()) {  // a new epoch: Fisher–Yates shuffle unless turned off
    if (cfg_.train.shuffle) shuffle_order();
    cursor_ = 0;
  }
  const Eigen::Index cols = train_x_.cols();
  // A run of consecutive samples within the epoch (shuffle off) is read where it is.
  if (cursor_ + static_cast<std::size_t>(size) <= order_.size()) {
    const int first = order_[cursor_];
    int r = 1;
    while (r < size && order_[cursor_ + static_cast<std::size_t>(r)] == first + r) ++r;
    if (r == size) {
      batch_x_ptr_ = train_x_.data() + first * cols;
      batch_y_ptr_ = train_.y.data() + first;
      cursor_ += static_cast<std::size_t>(size);
      return;
    }
  }
  if (batch_x_.rows() != size || batch_x_.cols() != cols) batch_x_.resize(size, cols);
  batch_y_.resize(static_cast<std::size_t>(size));
  for (int r = 0; r < size; ++r) {
    if (cursor_ >= order_.size()) {
      if (cfg_.train.shuffle) shuffle_order();
      cursor_ = 0;
    }
    const int s = order_[cursor_++];
    copy_row(cols, train_x_.row(s).data(), batch_x_.row(r).data());
    batch_y_[static_cast<std::size_t>(r)] = train_.y[static_cast<std::size_t>(s)];
  }
  batch_x_ptr_ = batch_x_.data();
  batch_y_ptr_ = batch_y_.data();
}

Status Trainer::step(int n) {
  if (n < 1 || n > 100000) return Status::out_of_range("step: n must be in [1, 100000], got " + std::to_string(n));
  if (divergence_.diverged) {
    return Status::failed_precondition("step: training diverged at step " + std::to_string(divergence_.step) +
                                       "; call rewind() or reset() first");
  }
  for (int i = 0; i < n; ++i)
    if (!one_step()) break;
  return {};
}

bool Trainer::one_step() {
  const TrainConfig& tc = cfg_.train;
  const int batch = std::min(tc.batch_size, train_.size());
  // Bookkeeping that only feeds evaluation-time metrics (the update ratio) is
  // done on the steps that record them, so plain steps stay lean.
  const bool eval_step = (step_ + 1) % eval_interval_ == 0;
  const bool penalised = tc.l1 > 0.0f || tc.l2 > 0.0f;
  fill_batch(batch);
  const std::vector<ParamBlock>& blocks = blocks_;

  const Matrix& logits = net_.forward(batch_x_ptr_, batch, true, tc.dropout, rng_);
  head_forward(head_, logits, &probs_);
  double loss = head_loss_gradient(head_, train_.classes, logits, probs_, batch_y_ptr_, &net_.output_gradient());
  if (penalised) loss += weight_penalty(blocks, tc.l1, tc.l2);
  net_.backward(batch_x_ptr_);
  if (penalised) add_penalty_gradient(blocks, tc.l1, tc.l2);

  StepMetrics& m = current_;
  m.batch_loss = static_cast<float>(loss);
  m.learning_rate = scheduled_learning_rate(tc, step_);
  for (std::size_t li = 0; li < net_.layers().size(); ++li) {
    const DenseLayer& l = net_.layers()[li];
    m.layers[li].alpha = l.learns_alpha() ? l.params.alpha : NAN;  // before the update
  }
  if (eval_step) {
    prev_w_.resize(net_.layers().size());
    for (std::size_t li = 0; li < prev_w_.size(); ++li) prev_w_[li] = net_.layers()[li].w;
  }
  // Plain SGD without clipping takes the gradients' statistics in its update
  // pass; a gradient that is not finite then has that update taken back.
  const bool fused = opt_.fuses_statistics() && tc.clip_value <= 0.0f && tc.clip_norm <= 0.0f && std::isfinite(loss);
  Optimizer::Result update;
  if (fused) {
    update.finite = opt_.step_with_statistics(blocks, m.learning_rate, old_values_.data(), block_squares_.data(),
                                              block_largest_.data());
  } else {
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      kernels::ParamStats g;
      kernels::grad_stats_f32(std::size_t(blocks[k].size), blocks[k].grad, &g);
      block_squares_[k] = g.squares;
      block_largest_[k] = g.largest;
    }
  }
  const kernels::ParamStats all = gradient_statistics(net_, block_squares_, block_largest_, &m);
  m.grad_norm = static_cast<float>(std::sqrt(all.squares));
  if (std::isfinite(m.grad_norm)) last_finite_gradient_ = all.largest;  // every |g| is finite
  // A non-finite loss or gradient: the step is recorded, as its row shows
  // what went wrong, but its update is not applied.
  if (!std::isfinite(loss) || !std::isfinite(m.grad_norm)) {
    if (fused) opt_.undo(blocks, old_values_.data());
    m.grad_norm_clipped = m.grad_norm;
    int layer = -1;
    if (std::isfinite(loss)) {
      for (const ParamBlock& b : blocks)
        for (int i = 0; i < b.size && layer < 0; ++i)
          if (!std::isfinite(b.grad[i])) layer = b.layer;
    }
    record_step(batch);
    diverge(std::isfinite(loss) ? "gradient" : "loss", layer, max_abs(blocks, false), all.largest);
    return false;
  }
  if (tc.clip_value > 0.0f) clip_by_value(blocks, tc.clip_value);
  if (tc.clip_norm > 0.0f) m.grad_norm_clipped = static_cast<float>(clip_by_global_norm(blocks, tc.clip_norm));
  else if (tc.clip_value > 0.0f) m.grad_norm_clipped = static_cast<float>(global_gradient_norm(blocks));
  else m.grad_norm_clipped = m.grad_norm;

  if (!fused) update = opt_.step(blocks, m.learning_rate);
  // The largest |w| before the update, for a report: the fused pass saved the values instead of measuring them.
  const auto largest_weight = [&] {
    return fused ? Optimizer::saved_largest(old_values_.data(), old_values_.size()) : update.largest;
  };
  if (!update.finite) {
    int layer = -1;
    for (std::size_t li = 0; li < net_.layers().size() && layer < 0; ++li) {
      const DenseLayer& l = net_.layers()[li];
      if (!l.w.allFinite() || !l.b.allFinite() || !std::isfinite(l.params.alpha)) layer = static_cast<int>(li);
    }
    record_step(batch);
    diverge("weight", layer, largest_weight(), all.largest);
    return false;
  }
  if (eval_step) {
    for (std::size_t li = 0; li < net_.layers().size(); ++li) {
      const DenseLayer& l = net_.layers()[li];
      const float wn = l.w.norm();
      m.layers[li].update_ratio = wn > 0.0f ? (l.w - prev_w_[li]).norm() / wn : 0.0f;
    }
    evaluate();
  }
  record_step(batch);
  if (eval_step && !evaluation_finite()) {
    diverge("loss", -1, largest_weight(), all.largest);
    return false;
  }
  if (step_ % kSnapshotEvery == 0) snapshot();
  return true;
}

void Trainer::record_step(int batch) {
  ++step_;
  samples_seen_ += batch;
  current_.step = step_;
  current_.epoch = static_cast<double>(samples_seen_) / train_.size();
  history_.push_back(current_);
}

// The full-set losses (each NaN only when its split is empty).
bool Trainer::evaluation_finite() {
  const auto ok = [](float loss, const Dataset& d) { return d.size() == 0 || std::isfinite(loss); };
  return ok(current_.train_loss, train_) && ok(current_.test_loss, test_);
}

}  // namespace nnplay
