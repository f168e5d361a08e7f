#include "nnplay/trainer.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <string>

#include "nnplay/clip.hpp"
#include "nnplay/config_json.hpp"
#include "nnplay/head.hpp"
#include "nnplay/regularize.hpp"

namespace nnplay {
namespace {

bool is_generated(DatasetKind k) {
  return k != DatasetKind::kDigits && k != DatasetKind::kIris && k != DatasetKind::kCustom;
}

float max_abs(const std::vector<ParamBlock>& blocks, bool grads) {
  float m = 0.0f;
  for (const ParamBlock& b : blocks)
    for (int i = 0; i < b.size; ++i) m = std::fmax(m, std::fabs(grads ? b.grad[i] : b.value[i]));
  return m;
}

double squared_sum(const float* v, Eigen::Index n) {
  double sum = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) sum += double(v[i]) * v[i];
  return sum;
}

// No value is inf or NaN: only those have every exponent bit set. An integer
// test the compiler vectorises; Eigen's allFinite() evaluates x - x in float
// for every element, which showed up in the per-step profile.
bool all_finite(const float* v, Eigen::Index n) {
  std::uint32_t bad = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    std::uint32_t bits;
    std::memcpy(&bits, v + i, sizeof bits);
    bad |= (bits & 0x7f800000u) == 0x7f800000u;
  }
  return bad == 0;
}

}  // namespace

Status Trainer::create(const TrainerConfig& cfg, const Dataset* data, std::unique_ptr<Trainer>* out) {
  if (Status s = validate_config(cfg); !s.ok()) return s;
  Dataset all;
  if (is_generated(cfg.data.kind)) {
    if (Status s = generate_dataset(cfg.data, &all); !s.ok()) return s;
  } else if (data == nullptr || data->size() < 2) {
    return Status::invalid(std::string("data.kind \"") + dataset_kind_name(cfg.data.kind) +
                           "\" needs its data set loaded first (at least 2 samples)");
  } else {
    all = *data;
  }
  std::unique_ptr<Trainer> t(new Trainer());
  t->cfg_ = cfg;
  split_dataset(all, cfg.data.train_fraction, cfg.data.seed, &t->train_, &t->test_);
  t->make_features(t->train_, &t->train_x_);
  t->make_features(t->test_, &t->test_x_);
  t->head_ = resolve_head(cfg.head, all.classes);
  if (t->head_ == Head::kSoftmaxCe && all.classes < 2) {
    return Status::invalid("head \"softmax_ce\" needs a classification data set");
  }
  if (all.regression() && (t->head_ == Head::kSigmoidBce || t->head_ == Head::kSoftmaxCe)) {
    return Status::invalid(std::string("head \"") + head_name(t->head_) +
                           "\" needs class labels, but data.kind \"" + dataset_kind_name(cfg.data.kind) +
                           "\" is a regression set; use linear_mse or tanh_mse");
  }
  if (t->head_ == Head::kSigmoidBce && all.classes > 2) {
    return Status::invalid("head \"sigmoid_bce\" is for two classes, but the data has " +
                           std::to_string(all.classes) + "; use softmax_ce");
  }
  t->net_ = Network(static_cast<int>(t->train_x_.cols()), cfg.hidden, head_outputs(t->head_, all.classes));
  t->reset(cfg.seed);
  *out = std::move(t);
  return {};
}

void Trainer::make_features(const Dataset& d, Matrix* x) const {
  std::vector<float> f;
  expand_features(d, cfg_.data.features, &f);
  const int cols = d.size() > 0 ? static_cast<int>(f.size()) / d.size() : feature_count(cfg_.data.features);
  *x = ConstMatrixMap(f.data(), d.size(), cols);
}

void Trainer::reset(std::uint32_t seed) {
  cfg_.seed = seed;
  rng_ = Rng(seed);
  net_.init(cfg_.init, cfg_.init_sigma, cfg_.bias_init, rng_);
  blocks_ = net_.parameters();  // the network never reallocates, so the pointers stay valid
  opt_ = Optimizer(cfg_.train);
  order_.resize(static_cast<std::size_t>(train_.size()));
  std::iota(order_.begin(), order_.end(), 0);
  cursor_ = order_.size();  // the first step shuffles
  step_ = 0;
  samples_seen_ = 0;
  history_.clear();
  snapshots_.clear();
  divergence_ = Divergence{};
  current_ = StepMetrics{};
  current_.layers.resize(net_.layers().size());
  evaluate();
  history_.push_back(current_);
  snapshot();
}

void Trainer::set_step(long long step) {
  step_ = step;
  current_.step = step;
  history_.clear();
  history_.push_back(current_);
  snapshots_.clear();
  snapshot();
}

Status Trainer::set_train_config(const TrainConfig& t) {
  TrainerConfig c = cfg_;
  c.train = t;
  if (Status s = validate_config(c); !s.ok()) return s;
  cfg_.train = t;
  opt_.set_config(t);
  return {};
}

void Trainer::fill_batch(int size) {
  batch_x_.resize(size, train_x_.cols());
  batch_y_.resize(static_cast<std::size_t>(size));
  for (int r = 0; r < size; ++r) {
    if (cursor_ >= order_.size()) {  // a new epoch: Fisher–Yates shuffle unless turned off
      if (cfg_.train.shuffle) {
        for (std::size_t i = order_.size(); i > 1; --i)
          std::swap(order_[i - 1], order_[rng_.below(static_cast<std::uint32_t>(i))]);
      }
      cursor_ = 0;
    }
    const int s = order_[cursor_++];
    batch_x_.row(r) = train_x_.row(s);
    batch_y_[static_cast<std::size_t>(r)] = train_.y[static_cast<std::size_t>(s)];
  }
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
  const bool eval_step = (step_ + 1) % tc.eval_every == 0;
  const bool penalised = tc.l1 > 0.0f || tc.l2 > 0.0f;
  fill_batch(batch);
  const std::vector<ParamBlock>& blocks = blocks_;

  const Matrix& logits = net_.forward(batch_x_, true, tc.dropout, rng_);
  head_forward(head_, logits, &probs_);
  double loss = head_loss(head_, train_.classes, logits, probs_, batch_y_.data());
  if (penalised) loss += weight_penalty(blocks, tc.l1, tc.l2);
  head_gradient(head_, train_.classes, probs_, batch_y_.data(), &grad_logits_);
  net_.backward(batch_x_, grad_logits_);
  if (penalised) add_penalty_gradient(blocks, tc.l1, tc.l2);

  StepMetrics& m = current_;
  m.batch_loss = static_cast<float>(loss);
  // The per-layer norms and the global one from the same sums (in double,
  // like global_gradient_norm): one pass over the gradients, not two.
  double total = 0.0;
  for (std::size_t li = 0; li < net_.layers().size(); ++li) {
    const DenseLayer& l = net_.layers()[li];
    const double w2 = squared_sum(l.grad_w.data(), l.grad_w.size());
    const double b2 = squared_sum(l.grad_b.data(), l.grad_b.size());
    m.layers[li].grad_w_norm = static_cast<float>(std::sqrt(w2));
    m.layers[li].grad_b_norm = static_cast<float>(std::sqrt(b2));
    m.layers[li].alpha = l.learns_alpha() ? l.params.alpha : NAN;
    total += w2 + b2 + (l.learns_alpha() ? double(l.grad_alpha) * l.grad_alpha : 0.0);
  }
  m.grad_norm = static_cast<float>(std::sqrt(total));
  if (!std::isfinite(loss)) {
    diverge("loss", -1, max_abs(blocks, false), max_abs(blocks, true));
    return false;
  }
  if (!std::isfinite(m.grad_norm)) {
    int layer = -1;
    for (const ParamBlock& b : blocks)
      for (int i = 0; i < b.size && layer < 0; ++i)
        if (!std::isfinite(b.grad[i])) layer = b.layer;
    diverge("gradient", layer, max_abs(blocks, false), max_abs(blocks, true));
    return false;
  }
  if (tc.clip_value > 0.0f) clip_by_value(blocks, tc.clip_value);
  if (tc.clip_norm > 0.0f) m.grad_norm_clipped = static_cast<float>(clip_by_global_norm(blocks, tc.clip_norm));
  else if (tc.clip_value > 0.0f) m.grad_norm_clipped = static_cast<float>(global_gradient_norm(blocks));
  else m.grad_norm_clipped = m.grad_norm;

  if (eval_step) {
    prev_w_.resize(net_.layers().size());
    for (std::size_t li = 0; li < prev_w_.size(); ++li) prev_w_[li] = net_.layers()[li].w;
  }
  m.learning_rate = scheduled_learning_rate(tc, step_);
  const float largest_weight = opt_.step(blocks, m.learning_rate);  // max |w| before the update
  for (std::size_t li = 0; li < net_.layers().size(); ++li) {
    const DenseLayer& l = net_.layers()[li];
    if (!all_finite(l.w.data(), l.w.size()) || !all_finite(l.b.data(), l.b.size()) || !std::isfinite(l.params.alpha)) {
      diverge("weight", static_cast<int>(li), largest_weight, max_abs(blocks, true));
      return false;
    }
    if (eval_step) {
      const float wn = l.w.norm();
      m.layers[li].update_ratio = wn > 0.0f ? (l.w - prev_w_[li]).norm() / wn : 0.0f;
    }
  }

  ++step_;
  samples_seen_ += batch;
  m.step = step_;
  m.epoch = static_cast<double>(samples_seen_) / train_.size();
  if (eval_step) evaluate();
  if (history_.size() == kHistoryCapacity) {
    // Recycle the oldest entry: assigning into its layer vector reuses that
    // storage, where pop + push would free and allocate one every step.
    StepMetrics oldest = std::move(history_.front());
    history_.pop_front();
    oldest = m;
    history_.push_back(std::move(oldest));
  } else {
    history_.push_back(m);
  }
  if (step_ % kSnapshotEvery == 0) snapshot();
  return true;
}

void Trainer::snapshot() {
  Snapshot s;
  for (const DenseLayer& l : net_.layers()) {
    s.w.push_back(l.w);
    s.b.push_back(l.b);
    s.alpha.push_back(l.params.alpha);
  }
  s.opt = opt_.state();
  s.rng = rng_;
  s.order = order_;
  s.cursor = cursor_;
  s.step = step_;
  s.samples = samples_seen_;
  s.metrics = current_;
  if (snapshots_.size() == kSnapshotCount) snapshots_.pop_front();
  snapshots_.push_back(std::move(s));
}

Status Trainer::rewind() {
  if (snapshots_.empty()) return Status::failed_precondition("rewind: there is no snapshot yet");
  const Snapshot& s = snapshots_.back();
  std::vector<DenseLayer>& layers = net_.layers();
  for (std::size_t i = 0; i < layers.size(); ++i) {
    layers[i].w = s.w[i];
    layers[i].b = s.b[i];
    layers[i].params.alpha = s.alpha[i];
  }
  opt_.set_state(s.opt);
  rng_ = s.rng;
  order_ = s.order;
  cursor_ = s.cursor;
  step_ = s.step;
  samples_seen_ = s.samples;
  current_ = s.metrics;
  while (!history_.empty() && history_.back().step > step_) history_.pop_back();
  divergence_ = Divergence{};
  return {};
}

Status Trainer::set_parameter(int layer, int unit, int input, float value) {
  std::vector<DenseLayer>& layers = net_.layers();
  const int n = static_cast<int>(layers.size());
  if (layer < 0 || layer >= n) {
    return Status::out_of_range("layer: expected 0.." + std::to_string(n - 1) + ", got " + std::to_string(layer));
  }
  DenseLayer& l = layers[static_cast<std::size_t>(layer)];
  if (l.pieces > 1) return Status::invalid("layer: layer " + std::to_string(layer) + " is maxout; its pieces cannot be set one by one");
  if (unit < 0 || unit >= l.units) {
    return Status::out_of_range("unit: expected 0.." + std::to_string(l.units - 1) + ", got " + std::to_string(unit));
  }
  if (input < -1 || input >= l.inputs) {
    return Status::out_of_range("input: expected -1 (the bias) or 0.." + std::to_string(l.inputs - 1) + ", got " +
                                std::to_string(input));
  }
  if (!std::isfinite(value)) return Status::invalid("value: expected a finite number, got " + format_number(value));
  if (input < 0) l.b(unit) = value;
  else l.w(input, unit) = value;
  evaluate();
  return {};
}

}  // namespace nnplay
