// Making a trainer (data, features, head, network) and what changes it
// between steps: reset, the step count, the training config, one weight.
// The step and its batch are in trainer_step.cpp.
#include "nnplay/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>

#include "config_detail.hpp"
#include "nnplay/config_json.hpp"
#include "nnplay/head.hpp"

namespace nnplay {
namespace {

bool is_generated(DatasetKind k) {
  return k != DatasetKind::kDigits && k != DatasetKind::kIris && k != DatasetKind::kCustom;
}

std::string feature_list(unsigned features) {
  std::string s = "[";
  for (int i = 0; i < config_detail::kFeatureCount; ++i) {
    if (!(features & (1u << i))) continue;
    s += (s.size() > 1 ? ", \"" : "\"") + std::string(config_detail::kFeatureNames[i]) + "\"";
  }
  return s + "]";
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
  if (all.inputs != 2 && cfg.data.features != kDefaultFeatures) {
    // Features are built from (x1, x2); other sets use their inputs as they are.
    return Status::invalid("data.features " + feature_list(cfg.data.features) + " needs 2-D inputs, but data.kind \"" +
                           dataset_kind_name(cfg.data.kind) + "\" has " + std::to_string(all.inputs) +
                           " inputs, used as they are; leave data.features out or give [\"x1\", \"x2\"]");
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
  t->set_evaluation_interval();
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
  std::size_t values = 0;
  for (const ParamBlock& b : blocks_) values += static_cast<std::size_t>(b.size);
  old_values_.assign(values, 0.0f);
  block_squares_.assign(blocks_.size(), 0.0);
  block_largest_.assign(blocks_.size(), 0.0f);
  opt_ = Optimizer(cfg_.train);
  order_.resize(static_cast<std::size_t>(train_.size()));
  std::iota(order_.begin(), order_.end(), 0);
  order_version_ = ++order_versions_;
  cursor_ = order_.size();  // the first step shuffles
  step_ = 0;
  samples_seen_ = 0;
  history_.clear();
  snapshot_count_ = 0;
  last_finite_gradient_ = 0.0f;
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
  snapshot_count_ = 0;
  snapshot();
}

Status Trainer::set_train_config(const TrainConfig& t) {
  TrainerConfig c = cfg_;
  c.train = t;
  if (Status s = validate_config(c); !s.ok()) return s;
  cfg_.train = t;
  opt_.set_config(t);
  set_evaluation_interval();
  return {};
}

void Trainer::set_evaluation_interval() {
  const TrainConfig& t = cfg_.train;
  if (t.eval_every > 0) {
    eval_interval_ = t.eval_every;
    return;
  }
  const long long batch = std::max(1, std::min(t.batch_size, train_.size()));
  const long long diagnostic = std::min<long long>(train_.size(), kDiagnosticSamples);
  const long long rows = static_cast<long long>(train_.size()) + test_.size() + diagnostic;
  const long long k = (kAutoEvalRowsPerStep * rows + batch - 1) / batch;
  eval_interval_ = static_cast<int>(std::clamp<long long>(k, 1, 10000));
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
