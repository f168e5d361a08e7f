// parse_trainer_config: the JSON form documented in config_json.hpp, read with
// the full path of every field for messages. Ranges and names: config_detail.hpp.
#include "nnplay/config_json.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>
#include <vector>

#include "config_detail.hpp"
#include "json_writer.hpp"
#include "nnplay/json.hpp"

namespace nnplay {
namespace {

using namespace config_detail;

}  // namespace

// A key is shown bare when it is an identifier, else quoted and escaped.
std::string config_detail::printable_key(const std::string& key) {
  bool plain = !key.empty() && key.size() <= 64;
  for (char c : key) {
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
  }
  if (plain) return key;
  std::size_t cut = std::min<std::size_t>(key.size(), 64);
  while (cut < key.size() && cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;
  return JsonWriter().value(std::string_view(key).substr(0, cut)).str();
}

namespace {

Status type_error(const std::string& path, const char* want, const JsonValue& v) {
  return Status::invalid(path + " must be " + want + ", got " + describe_json(v));
}

// The fields of one JSON object, read with their full path ("train.beta1").
class Reader {
 public:
  Reader(const JsonValue& obj, std::string prefix) : obj_(obj), prefix_(std::move(prefix)) {}

  std::string path(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
  }
  const JsonValue* get(const char* key) const { return obj_.find(key); }

  Status known(std::initializer_list<const char*> keys) const {
    for (const JsonMember& m : obj_.members()) {
      bool found = false;
      for (const char* k : keys) found = found || m.key == k;
      if (!found) return Status::invalid("unknown field " + path(printable_key(m.key)));
    }
    return {};
  }

  Status number(const char* key, const Range& r, float* out) const {
    const JsonValue* v = get(key);
    if (!v) return {};
    if (!v->is_number()) return type_error(path(key), "a number", *v);
    const auto f = static_cast<float>(v->as_number());  // checked as stored
    if (!in_range(f, r)) return range_error(path(key), r, describe_json(*v));
    *out = f;
    return {};
  }

  // Integers must be integral numbers in range; the range keeps the cast exact.
  template <class Int>
  Status integer(const char* key, const Range& r, Int* out) const {
    const JsonValue* v = get(key);
    if (!v) return {};
    if (!v->is_number()) return Status::invalid(range_error(path(key), r, describe_json(*v)).message());
    if (!in_range(v->as_number(), r)) return range_error(path(key), r, describe_json(*v));
    *out = static_cast<Int>(v->as_number());
    return {};
  }

  Status boolean(const char* key, bool* out) const {
    const JsonValue* v = get(key);
    if (!v) return {};
    if (!v->is_bool()) return type_error(path(key), "true or false", *v);
    *out = v->as_bool();
    return {};
  }

  // An activation parameter: any finite float here, its range checked by
  // validate_config once the activation is known.
  Status param(const char* key, float* out) const {
    const JsonValue* v = get(key);
    if (!v) return {};
    if (!v->is_number()) return type_error(path(key), "a number", *v);
    const auto f = static_cast<float>(v->as_number());
    if (!std::isfinite(f)) return type_error(path(key), "a finite float", *v);
    *out = f;
    return {};
  }

  template <class E>
  Status name(const char* key, const char* const* names, int count, E* out) const {
    const JsonValue* v = get(key);
    if (!v) return {};
    return lookup(*v, path(key), names, count, out);
  }

  template <class E>
  static Status lookup(const JsonValue& v, const std::string& path, const char* const* names,
                       int count, E* out) {
    if (!v.is_string()) return type_error(path, "a string", v);
    for (int i = 0; i < count; ++i) {
      if (v.as_string() == names[i]) {
        *out = static_cast<E>(i);
        return {};
      }
    }
    return Status::invalid(path + ": unknown name " + describe_json(v) + "; valid names are " +
                           name_list(names, count));
  }

 private:
  const JsonValue& obj_;
  std::string prefix_;
};

// An array's elements as JsonValues; a packed number array has none to give,
// so its first element is reported as the wrong type.
Status elements(const JsonValue& v, const std::string& path, const char* what, const char* each,
                const std::vector<JsonValue>** out) {
  if (!v.is_array()) return type_error(path, what, v);
  if (v.is_number_array() && v.size() > 0) {
    return Status::invalid(path + "[0] must be " + each + ", got " + format_number(v.numbers()[0]));
  }
  *out = &v.items();
  return {};
}

Status parse_features(const JsonValue& v, unsigned* out) {
  const std::vector<JsonValue>* items = nullptr;
  if (Status s = elements(v, "data.features", "an array of feature names", "a string", &items); !s.ok()) {
    return s;
  }
  if (items->empty()) return Status::invalid("data.features must not be empty");
  unsigned mask = 0;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string path = "data.features[" + std::to_string(i) + "]";
    int bit = 0;
    if (Status s = Reader::lookup((*items)[i], path, kFeatureNames, kFeatureCount, &bit); !s.ok()) return s;
    if (mask & (1u << bit)) return Status::invalid(path + ": duplicate name " + describe_json((*items)[i]));
    mask |= 1u << bit;
  }
  *out = mask;
  return {};
}

Status parse_data(const JsonValue& v, DataConfig* d) {
  if (!v.is_object()) return type_error("data", "an object", v);
  const Reader r(v, "data");
  const std::vector<const char*> kinds = dataset_kind_names();
  Status s;
  if (!(s = r.known({"kind", "samples", "noise", "trainFraction", "classes", "seed", "features"})).ok() ||
      !(s = r.name("kind", kinds.data(), kDatasetKindCount, &d->kind)).ok() ||
      !(s = r.integer("samples", kSamples, &d->samples)).ok() ||
      !(s = r.number("noise", kNoise, &d->noise)).ok() ||
      !(s = r.number("trainFraction", kTrainFraction, &d->train_fraction)).ok() ||
      !(s = r.integer("classes", kClasses, &d->classes)).ok() ||
      !(s = r.integer("seed", kSeed, &d->seed)).ok()) {
    return s;
  }
  if (const JsonValue* f = r.get("features")) return parse_features(*f, &d->features);
  return {};
}

Status parse_layer(const JsonValue& v, const std::string& path, LayerConfig* l) {
  if (!v.is_object()) return type_error(path, "an object", v);
  const Reader r(v, path);
  const std::vector<const char*> acts = activation_names();
  Status s;
  if (!(s = r.known({"units", "activation", "alpha", "lower", "upper", "maxout"})).ok() ||
      !(s = r.name("activation", acts.data(), kActivationCount, &l->activation)).ok()) {
    return s;
  }
  l->params = default_params(l->activation);  // then any given values override
  if (!(s = r.integer("units", kUnits, &l->units)).ok() ||
      !(s = r.param("alpha", &l->params.alpha)).ok() ||
      !(s = r.param("lower", &l->params.lower)).ok() ||
      !(s = r.param("upper", &l->params.upper)).ok()) {
    return s;
  }
  if (const JsonValue* m = r.get("maxout")) {
    if (!m->is_number()) return Status::invalid(maxout_error(path, describe_json(*m)).message());
    if (m->as_number() != 0 && !in_range(m->as_number(), kMaxout)) return maxout_error(path, describe_json(*m));
    l->maxout_pieces = static_cast<int>(m->as_number());
  }
  return {};
}

Status parse_hidden(const JsonValue& v, std::vector<LayerConfig>* hidden) {
  const std::vector<JsonValue>* items = nullptr;
  if (Status s = elements(v, "hidden", "an array of layers", "an object", &items); !s.ok()) return s;
  if (items->size() > static_cast<std::size_t>(kMaxHiddenLayers)) {
    return layer_count_error(items->size());
  }
  std::vector<LayerConfig> layers(items->size());
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string path = "hidden[" + std::to_string(i) + "]";
    if (Status s = parse_layer((*items)[i], path, &layers[i]); !s.ok()) return s;
  }
  *hidden = std::move(layers);
  return {};
}

Status parse_train(const JsonValue& v, TrainConfig* t) {
  if (!v.is_object()) return type_error("train", "an object", v);
  const Reader r(v, "train");
  Status s;
  // The optimisers' hyperparameters come from nnplay/optimizers.def, in its order.
#define NNPLAY_OPTIMIZER_NUMBER(field, json, def, lo, hi, lo_open, hi_open) json,
#define NNPLAY_OPTIMIZER_FLAG(field, json, def) json,
  if (!(s = r.known({"optimizer", "learningRate",
#include "nnplay/optimizers.def"
                     "schedule", "decaySteps", "decayRate", "batchSize", "shuffle", "l1", "l2", "clipNorm",
                     "clipValue", "dropout", "evalEvery"})).ok() ||
      !(s = r.name("optimizer", kOptimizerNames, kOptimizerCount, &t->optimizer)).ok() ||
      !(s = r.number("learningRate", kLearningRate, &t->learning_rate)).ok() ||
#define NNPLAY_OPTIMIZER_NUMBER(field, json, def, lo, hi, lo_open, hi_open) \
      !(s = r.number(json, optimizer_range::field, &t->field)).ok() ||
#define NNPLAY_OPTIMIZER_FLAG(field, json, def) !(s = r.boolean(json, &t->field)).ok() ||
#include "nnplay/optimizers.def"
      !(s = r.name("schedule", kScheduleNames, count_of(kScheduleNames), &t->schedule)).ok() ||
      !(s = r.integer("decaySteps", kDecaySteps, &t->decay_steps)).ok() ||
      !(s = r.number("decayRate", kDecayRate, &t->decay_rate)).ok() ||
      !(s = r.integer("batchSize", kBatchSize, &t->batch_size)).ok() ||
      !(s = r.boolean("shuffle", &t->shuffle)).ok() ||
      !(s = r.number("l1", kPenalty, &t->l1)).ok() ||
      !(s = r.number("l2", kPenalty, &t->l2)).ok() ||
      !(s = r.number("clipNorm", kClip, &t->clip_norm)).ok() ||
      !(s = r.number("clipValue", kClip, &t->clip_value)).ok() ||
      !(s = r.number("dropout", kDropout, &t->dropout)).ok()) {
    return s;
  }
  return r.integer("evalEvery", kEvalEvery, &t->eval_every);
}

Status parse_config(const JsonValue& root, TrainerConfig* c) {
  if (!root.is_object()) return type_error("the config", "an object", root);
  const Reader r(root, "");
  Status s;
  if (!(s = r.known({"data", "hidden", "head", "init", "initSigma", "biasInit", "train", "seed"})).ok()) {
    return s;
  }
  if (const JsonValue* d = r.get("data"); d && !(s = parse_data(*d, &c->data)).ok()) return s;
  if (const JsonValue* h = r.get("hidden"); h && !(s = parse_hidden(*h, &c->hidden)).ok()) return s;
  if (!(s = r.name("head", kHeadNames, count_of(kHeadNames), &c->head)).ok() ||
      !(s = r.name("init", kInitNames, count_of(kInitNames), &c->init)).ok() ||
      !(s = r.number("initSigma", kInitSigma, &c->init_sigma)).ok() ||
      !(s = r.number("biasInit", kBiasInit, &c->bias_init)).ok()) {
    return s;
  }
  if (const JsonValue* t = r.get("train"); t && !(s = parse_train(*t, &c->train)).ok()) return s;
  return r.integer("seed", kSeed, &c->seed);
}

}  // namespace

Status parse_trainer_config(const JsonValue& json, TrainerConfig* out) {
  TrainerConfig cfg;
  if (Status s = parse_config(json, &cfg); !s.ok()) return s;
  if (Status s = validate_config(cfg); !s.ok()) return s;  // per-layer params, and a net
  *out = std::move(cfg);
  return {};
}

Status parse_trainer_config(std::string_view json, TrainerConfig* out) {
  JsonValue root;
  if (Status s = parse_json(json, &root); !s.ok()) return s;
  return parse_trainer_config(root, out);
}

// Partial updates parse over a copy, so *inout changes only on success.
Status apply_train_config_json(std::string_view json, TrainConfig* inout) {
  JsonValue root;
  if (Status s = parse_json(json, &root); !s.ok()) return Status::invalid("train: " + s.message());
  TrainConfig t = *inout;
  if (Status s = parse_train(root, &t); !s.ok()) return s;
  *inout = t;
  return {};
}

Status apply_data_config_json(std::string_view json, DataConfig* inout) {
  JsonValue root;
  if (Status s = parse_json(json, &root); !s.ok()) return Status::invalid("data: " + s.message());
  DataConfig d = *inout;
  if (Status s = parse_data(root, &d); !s.ok()) return s;
  *inout = d;
  return {};
}

}  // namespace nnplay
