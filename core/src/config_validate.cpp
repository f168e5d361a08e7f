// validate_config, the enum names, and the range helpers the parser shares.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "config_detail.hpp"
#include "number_format.hpp"
#include "nnplay/activation_info.hpp"
#include "nnplay/config_json.hpp"
#include "nnplay/dataset.hpp"

namespace nnplay {
namespace config_detail {
namespace {

std::string bound_text(double v, bool integer) {
  return integer ? std::to_string(static_cast<long long>(v)) : format_number(v);
}

template <class E, std::size_t N>
const char* enum_name(E e, const char* const (&names)[N]) {
  const auto i = static_cast<std::size_t>(e);
  return i < N ? names[i] : "?";
}

template <class E, std::size_t N>
Status check_enum(const char* path, E e, const char* const (&names)[N]) {
  const auto i = static_cast<long long>(e);
  if (i >= 0 && i < static_cast<long long>(N)) return {};
  return Status::invalid(std::string(path) + ": unknown value " + std::to_string(i) +
                         "; valid names are " + name_list(names, static_cast<int>(N)));
}

Status check(std::string_view path, float v, const Range& r) {
  return in_range(v, r) ? Status() : range_error(path, r, format_float(v));
}

Status check(std::string_view path, int v, const Range& r) {
  return in_range(v, r) ? Status() : range_error(path, r, std::to_string(v));
}

Status validate_data(const DataConfig& d) {
  if (static_cast<int>(d.kind) < 0 || static_cast<int>(d.kind) >= kDatasetKindCount) {
    const std::vector<const char*> names = dataset_kind_names();
    return Status::invalid("data.kind: unknown value " + std::to_string(static_cast<int>(d.kind)) +
                           "; valid names are " + name_list(names.data(), kDatasetKindCount));
  }
  Status s;
  if (!(s = check("data.samples", d.samples, kSamples)).ok()) return s;
  if (!(s = check("data.noise", d.noise, kNoise)).ok()) return s;
  if (!(s = check("data.trainFraction", d.train_fraction, kTrainFraction)).ok()) return s;
  if (!(s = check("data.classes", d.classes, kClasses)).ok()) return s;
  if (d.features == 0) return Status::invalid("data.features must not be empty");
  const unsigned unknown = d.features & ~((1u << kFeatureCount) - 1);
  if (unknown != 0) {
    return Status::invalid("data.features has unknown feature bits " + std::to_string(unknown) +
                           "; valid names are " + name_list(kFeatureNames, kFeatureCount));
  }
  return {};
}

Status validate_layer(const LayerConfig& l, const std::string& path) {
  Status s;
  if (!(s = check(path + ".units", l.units, kUnits)).ok()) return s;
  const int a = static_cast<int>(l.activation);
  if (a < 0 || a >= kActivationCount) {
    return Status::invalid(path + ".activation: unknown value " + std::to_string(a) +
                           "; valid names are " + activation_name_list());
  }
  if (l.maxout_pieces != 0 && !in_range(l.maxout_pieces, kMaxout)) {
    return maxout_error(path, std::to_string(l.maxout_pieces));
  }
  // Every parameter is written to JSON, so even unread ones must be finite.
  const std::pair<const char*, float> params[] = {
      {"alpha", l.params.alpha}, {"lower", l.params.lower}, {"upper", l.params.upper}};
  for (const auto& [name, v] : params) {
    if (!std::isfinite(v)) {
      return Status::out_of_range(path + "." + name + " must be a finite number, got " +
                                  format_float(v));
    }
  }
  // The ranges the activation itself declares (the sliders' ranges).
  const ActivationInfo& info = activation_info(l.activation);
  for (int i = 0; i < info.param_count; ++i) {
    const ParamInfo& pi = info.params[i];
    const std::string_view name(pi.name);
    const float v = name == "alpha" ? l.params.alpha : name == "lower" ? l.params.lower : l.params.upper;
    if (!(v >= pi.min && v <= pi.max)) {
      return Status::out_of_range(path + "." + pi.name + " must be in [" + format_float(pi.min) +
                                  ", " + format_float(pi.max) + "] for " + info.name + ", got " +
                                  format_float(v));
    }
  }
  if (l.activation == Activation::kRrelu && !(l.params.lower <= l.params.upper)) {
    return Status::out_of_range(path + ".lower must not exceed " + path + ".upper for rrelu, got " +
                                format_float(l.params.lower) + " and " +
                                format_float(l.params.upper));
  }
  if (!(s = validate_params(l.activation, l.params)).ok()) {
    return Status::out_of_range(path + ": " + s.message());  // a net for rules added there later
  }
  return {};
}

Status validate_train(const TrainConfig& t) {
  Status s;
  if (!(s = check_enum("train.optimizer", t.optimizer, kOptimizerNames)).ok()) return s;
  if (!(s = check("train.learningRate", t.learning_rate, kLearningRate)).ok()) return s;
#define NNPLAY_OPTIMIZER_NUMBER(field, json, def, lo, hi, lo_open, hi_open) \
  if (!(s = check("train." json, t.field, optimizer_range::field)).ok()) return s;
#include "nnplay/optimizers.def"
  if (!(s = check_enum("train.schedule", t.schedule, kScheduleNames)).ok()) return s;
  if (!(s = check("train.decaySteps", t.decay_steps, kDecaySteps)).ok()) return s;
  if (!(s = check("train.decayRate", t.decay_rate, kDecayRate)).ok()) return s;
  if (!(s = check("train.batchSize", t.batch_size, kBatchSize)).ok()) return s;
  if (!(s = check("train.l1", t.l1, kPenalty)).ok()) return s;
  if (!(s = check("train.l2", t.l2, kPenalty)).ok()) return s;
  if (!(s = check("train.clipNorm", t.clip_norm, kClip)).ok()) return s;
  if (!(s = check("train.clipValue", t.clip_value, kClip)).ok()) return s;
  if (!(s = check("train.dropout", t.dropout, kDropout)).ok()) return s;
  return check("train.evalEvery", t.eval_every, kEvalEvery);
}

}  // namespace

bool in_range(double v, const Range& r) {
  const bool above = r.lo_open ? v > r.lo : v >= r.lo;
  const bool below = r.hi_open ? v < r.hi : v <= r.hi;
  return above && below && (!r.integer || std::floor(v) == v);
}

Status range_error(std::string_view path, const Range& r, const std::string& shown) {
  return Status::out_of_range(std::string(path) + (r.integer ? " must be an integer in " : " must be in ") +
                              (r.lo_open ? "(" : "[") + bound_text(r.lo, r.integer) + ", " +
                              bound_text(r.hi, r.integer) + (r.hi_open ? ")" : "]") + ", got " +
                              shown);
}

Status maxout_error(const std::string& path, const std::string& shown) {
  return Status::out_of_range(path + ".maxout must be 0 or an integer in [" + bound_text(kMaxout.lo, true) + ", " +
                              bound_text(kMaxout.hi, true) + "], got " + shown);
}

Status layer_count_error(std::size_t count) {
  return Status::out_of_range("hidden must have at most " + std::to_string(kMaxHiddenLayers) + " layers, got " +
                              std::to_string(count));
}

std::string format_float(float f) {
  return std::isfinite(f) ? shortest_float(f) : format_number(f);
}

std::string name_list(const char* const* names, int count) {
  std::string s;
  for (int i = 0; i < count; ++i) {
    if (i) s += ", ";
    s += names[i];
  }
  return s;
}

std::vector<const char*> dataset_kind_names() {
  std::vector<const char*> names;
  for (int i = 0; i < kDatasetKindCount; ++i) names.push_back(dataset_kind_name(static_cast<DatasetKind>(i)));
  return names;
}

std::vector<const char*> activation_names() {
  std::vector<const char*> names;
  for (int i = 0; i < kActivationCount; ++i) names.push_back(activation_name(static_cast<Activation>(i)));
  return names;
}

}  // namespace config_detail

using namespace config_detail;

const char* head_name(Head h) { return enum_name(h, kHeadNames); }
const char* init_name(Init i) { return enum_name(i, kInitNames); }
const char* optimizer_name(OptimizerKind o) { return enum_name(o, kOptimizerNames); }
const char* schedule_name(Schedule s) { return enum_name(s, kScheduleNames); }

Status validate_config(const TrainerConfig& cfg) {
  Status s;
  if (!(s = validate_data(cfg.data)).ok()) return s;
  if (cfg.hidden.size() > static_cast<std::size_t>(kMaxHiddenLayers)) {
    return layer_count_error(cfg.hidden.size());
  }
  for (std::size_t i = 0; i < cfg.hidden.size(); ++i) {
    if (!(s = validate_layer(cfg.hidden[i], "hidden[" + std::to_string(i) + "]")).ok()) return s;
  }
  if (!(s = check_enum("head", cfg.head, kHeadNames)).ok()) return s;
  if (!(s = check_enum("init", cfg.init, kInitNames)).ok()) return s;
  if (!(s = check("initSigma", cfg.init_sigma, kInitSigma)).ok()) return s;
  if (!(s = check("biasInit", cfg.bias_init, kBiasInit)).ok()) return s;
  return validate_train(cfg.train);  // seeds: every uint32 is valid
}

}  // namespace nnplay
