// config_schema_json: one row per config field, naming the very Range
// constants and name lists of config_detail.hpp that the parser and the
// validator check; the defaults are read from a default-constructed
// TrainerConfig, so none is written twice. tests/config_schema_test.cpp probes
// the parser at every published bound.
#include "nnplay/config_schema.hpp"

#include <string_view>
#include <vector>

#include "config_detail.hpp"
#include "json_writer.hpp"
#include "nnplay/config_json.hpp"
#include "nnplay/dataset.hpp"

namespace nnplay {
namespace {

using namespace config_detail;

// The schema's own view of one field. write_default writes the field's default
// from a default config (for hidden[].*, from a default LayerConfig).
struct Field {
  const char* path;
  const char* type;
  const Range* range;            // number, integer
  std::vector<const char*> options;  // name, names
  void (*write_default)(JsonWriter& w, const TrainerConfig& c, const LayerConfig& l);
};

template <std::size_t N>
std::vector<const char*> names_of(const char* const (&names)[N]) {
  return std::vector<const char*>(names, names + N);
}

// "momentum" for "train.momentum" when that is an optimiser's hyperparameter, else "".
std::string_view optimizer_param_key(std::string_view path) {
  if (path.substr(0, 6) != "train.") return {};
  for (const char* k : kOptimizerParamKeys) {
    if (path.substr(6) == k) return k;
  }
  return {};
}

#define NUM(v) [](JsonWriter& w, const TrainerConfig& c, const LayerConfig& l) { (void)c; (void)l; w.raw(format_float(v)); }
#define INT(v) [](JsonWriter& w, const TrainerConfig& c, const LayerConfig& l) { (void)c; (void)l; w.raw(std::to_string(v)); }
#define VAL(v) [](JsonWriter& w, const TrainerConfig& c, const LayerConfig& l) { (void)c; (void)l; w.value(v); }

std::vector<Field> fields() {
  std::vector<Field> f = {
      {"data.kind", "name", nullptr, dataset_kind_names(), VAL(dataset_kind_name(c.data.kind))},
      {"data.samples", "integer", &kSamples, {}, INT(c.data.samples)},
      {"data.noise", "number", &kNoise, {}, NUM(c.data.noise)},
      {"data.trainFraction", "number", &kTrainFraction, {}, NUM(c.data.train_fraction)},
      {"data.classes", "integer", &kClasses, {}, INT(c.data.classes)},
      {"data.seed", "integer", &kSeed, {}, INT(c.data.seed)},
      {"data.features", "names", nullptr, names_of(kFeatureNames),
       [](JsonWriter& w, const TrainerConfig& c, const LayerConfig&) {
         w.begin_array();
         for (int i = 0; i < kFeatureCount; ++i) {
           if (c.data.features & (1u << i)) w.value(kFeatureNames[i]);
         }
         w.end_array();
       }},
      {"hidden", "layers", nullptr, {},
       [](JsonWriter& w, const TrainerConfig& c, const LayerConfig&) {
         w.begin_array();  // units and activation; every other layer field takes its default
         for (const LayerConfig& h : c.hidden) {
           w.begin_object().key("units").raw(std::to_string(h.units));
           w.key("activation").value(activation_name(h.activation)).end_object();
         }
         w.end_array();
       }},
      {"hidden[].units", "integer", &kUnits, {}, INT(l.units)},
      {"hidden[].activation", "name", nullptr, activation_names(), VAL(activation_name(l.activation))},
      {"hidden[].maxout", "integer", &kMaxout, {}, INT(l.maxout_pieces)},
      {"hidden[].alpha", "activationParam", nullptr, {}, nullptr},
      {"hidden[].lower", "activationParam", nullptr, {}, nullptr},
      {"hidden[].upper", "activationParam", nullptr, {}, nullptr},
      {"head", "name", nullptr, names_of(kHeadNames), VAL(head_name(c.head))},
      {"init", "name", nullptr, names_of(kInitNames), VAL(init_name(c.init))},
      {"initSigma", "number", &kInitSigma, {}, NUM(c.init_sigma)},
      {"biasInit", "number", &kBiasInit, {}, NUM(c.bias_init)},
      {"train.optimizer", "name", nullptr, names_of(kOptimizerNames), VAL(optimizer_name(c.train.optimizer))},
      {"train.learningRate", "number", &kLearningRate, {}, NUM(c.train.learning_rate)},
#define NNPLAY_OPTIMIZER_NUMBER(field, json, def, lo, hi, lo_open, hi_open) \
  {"train." json, "number", &optimizer_range::field, {}, NUM(c.train.field)},
#define NNPLAY_OPTIMIZER_FLAG(field, json, def) {"train." json, "boolean", nullptr, {}, VAL(c.train.field)},
#include "nnplay/optimizers.def"
      {"train.schedule", "name", nullptr, names_of(kScheduleNames), VAL(schedule_name(c.train.schedule))},
      {"train.decaySteps", "integer", &kDecaySteps, {}, INT(c.train.decay_steps)},
      {"train.decayRate", "number", &kDecayRate, {}, NUM(c.train.decay_rate)},
      {"train.batchSize", "integer", &kBatchSize, {}, INT(c.train.batch_size)},
      {"train.shuffle", "boolean", nullptr, {}, VAL(c.train.shuffle)},
      {"train.l1", "number", &kPenalty, {}, NUM(c.train.l1)},
      {"train.l2", "number", &kPenalty, {}, NUM(c.train.l2)},
      {"train.clipNorm", "number", &kClip, {}, NUM(c.train.clip_norm)},
      {"train.clipValue", "number", &kClip, {}, NUM(c.train.clip_value)},
      {"train.dropout", "number", &kDropout, {}, NUM(c.train.dropout)},
      {"train.evalEvery", "integer", &kEvalEvery, {}, INT(c.train.eval_every)},
      {"seed", "integer", &kSeed, {}, INT(c.seed)},
  };
  return f;
}

#undef NUM
#undef INT
#undef VAL

}  // namespace

std::string config_schema_json() {
  const TrainerConfig defaults;
  const LayerConfig layer;
  JsonWriter w;
  w.begin_object().key("fields").begin_array();
  for (const Field& f : fields()) {
    w.begin_object().key("path").value(f.path).key("type").value(f.type);
    if (f.range) {
      const Range& r = *f.range;
      w.key("min").value(r.lo).key("max").value(r.hi);
      w.key("minOpen").value(r.lo_open).key("maxOpen").value(r.hi_open);
    }
    // maxout: 0 (a plain layer) or a piece count in its range.
    if (f.range == &kMaxout) w.key("orZero").value(true);
    if (!f.options.empty()) {
      w.key("options").begin_array();
      for (const char* o : f.options) w.value(o);
      w.end_array();
    }
    if (const std::string_view key = optimizer_param_key(f.path); !key.empty()) {
      w.key("usedBy").begin_array();
      for (int k = 0; k < kOptimizerCount; ++k) {
        if (reads_param(kOptimizerParams[k], key)) w.value(kOptimizerNames[k]);
      }
      w.end_array();
    }
    if (f.write_default) {
      w.key("default");
      f.write_default(w, defaults, layer);
    }
    w.end_object();
  }
  w.end_array();
  w.key("features").begin_array();
  for (int i = 0; i < kFeatureCount; ++i) {
    w.begin_object().key("name").value(kFeatureNames[i]).key("tex").value(kFeatureTex[i]).end_object();
  }
  w.end_array();
  // Each kind as the generator makes it (so nothing here is a second copy):
  // generated kinds with their input count and task; the others come from
  // CSV text (engine.loadDataset).
  w.key("dataKinds").begin_array();
  for (int k = 0; k < kDatasetKindCount; ++k) {
    DataConfig d;
    d.kind = static_cast<DatasetKind>(k);
    d.samples = static_cast<int>(kSamples.lo);
    Dataset probe;
    const bool generated = generate_dataset(d, &probe).ok();
    w.begin_object().key("name").value(dataset_kind_name(d.kind)).key("generated").value(generated);
    if (generated) w.key("inputs").raw(std::to_string(probe.inputs)).key("regression").value(probe.regression());
    w.end_object();
  }
  w.end_array();
  w.key("maxHiddenLayers").raw(std::to_string(kMaxHiddenLayers));
  w.end_object();
  return w.str();
}

}  // namespace nnplay
