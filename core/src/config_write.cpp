// trainer_config_json: every field of a TrainerConfig, in the JSON form that
// parse_trainer_config reads back to the identical struct.
#include <cmath>
#include <string>

#include "config_detail.hpp"
#include "json_writer.hpp"
#include "nnplay/config_json.hpp"
#include "nnplay/dataset.hpp"

namespace nnplay {
namespace {

using namespace config_detail;

// Integers exactly, floats as the shortest decimal that reads back as the same
// float (format_float, the JSON writer's formatter, number_format.hpp).
JsonWriter& whole(JsonWriter& w, const char* key, long long v) { return w.key(key).raw(std::to_string(v)); }

JsonWriter& real(JsonWriter& w, const char* key, float v) {
  w.key(key);
  return std::isfinite(v) ? w.raw(format_float(v)) : w.raw("null");
}

void write_data(JsonWriter& w, const DataConfig& d) {
  w.key("data").begin_object().key("kind").value(dataset_kind_name(d.kind));
  whole(w, "samples", d.samples);
  real(w, "noise", d.noise);
  real(w, "trainFraction", d.train_fraction);
  whole(w, "classes", d.classes);
  whole(w, "seed", d.seed);
  w.key("features").begin_array();
  for (int i = 0; i < kFeatureCount; ++i) {
    if (d.features & (1u << i)) w.value(kFeatureNames[i]);
  }
  w.end_array().end_object();
}

void write_layer(JsonWriter& w, const LayerConfig& l) {
  w.begin_object();
  whole(w, "units", l.units).key("activation").value(activation_name(l.activation));
  real(w, "alpha", l.params.alpha);
  real(w, "lower", l.params.lower);
  real(w, "upper", l.params.upper);
  whole(w, "maxout", l.maxout_pieces).end_object();
}

void write_train(JsonWriter& w, const TrainConfig& t) {
  w.key("train").begin_object().key("optimizer").value(optimizer_name(t.optimizer));
  real(w, "learningRate", t.learning_rate);
#define NNPLAY_OPTIMIZER_NUMBER(field, json, def, lo, hi, lo_open, hi_open) real(w, json, t.field);
#define NNPLAY_OPTIMIZER_FLAG(field, json, def) w.key(json).value(t.field);
#include "nnplay/optimizers.def"
  w.key("schedule").value(schedule_name(t.schedule));
  whole(w, "decaySteps", t.decay_steps);
  real(w, "decayRate", t.decay_rate);
  whole(w, "batchSize", t.batch_size);
  w.key("shuffle").value(t.shuffle);
  real(w, "l1", t.l1);
  real(w, "l2", t.l2);
  real(w, "clipNorm", t.clip_norm);
  real(w, "clipValue", t.clip_value);
  real(w, "dropout", t.dropout);
  whole(w, "evalEvery", t.eval_every).end_object();
}

}  // namespace

std::string trainer_config_json(const TrainerConfig& c) {
  JsonWriter w;
  w.begin_object();
  write_data(w, c.data);
  w.key("hidden").begin_array();
  for (const LayerConfig& l : c.hidden) write_layer(w, l);
  w.end_array();
  w.key("head").value(head_name(c.head)).key("init").value(init_name(c.init));
  real(w, "initSigma", c.init_sigma);
  real(w, "biasInit", c.bias_init);
  write_train(w, c.train);
  whole(w, "seed", c.seed).end_object();
  return w.str();
}

}  // namespace nnplay
