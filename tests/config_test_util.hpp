// Shared by the config tests: a field-by-field comparison, a config with every
// field away from its default, and a table runner for error messages.
#pragma once
#include <cstring>
#include <string>

#include <doctest/doctest.h>

#include "nnplay/config_json.hpp"

namespace nnplay::config_test {

// Floats compare by bits, so -0 and NaN payloads count as differences.
inline bool same_bits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// The names of the fields that differ: "" when the configs are identical.
inline std::string diff(const TrainerConfig& a, const TrainerConfig& b) {
  std::string d;
  const auto f = [&](const char* name, float x, float y) { if (!same_bits(x, y)) d += std::string(name) + " "; };
  const auto i = [&](const char* name, long long x, long long y) { if (x != y) d += std::string(name) + " "; };
  i("data.kind", int(a.data.kind), int(b.data.kind));
  i("data.samples", a.data.samples, b.data.samples);
  f("data.noise", a.data.noise, b.data.noise);
  f("data.trainFraction", a.data.train_fraction, b.data.train_fraction);
  i("data.classes", a.data.classes, b.data.classes);
  i("data.seed", a.data.seed, b.data.seed);
  i("data.features", a.data.features, b.data.features);
  i("hidden.size", a.hidden.size(), b.hidden.size());
  for (std::size_t k = 0; k < a.hidden.size() && k < b.hidden.size(); ++k) {
    const LayerConfig &x = a.hidden[k], &y = b.hidden[k];
    i("units", x.units, y.units);
    i("activation", int(x.activation), int(y.activation));
    f("alpha", x.params.alpha, y.params.alpha);
    f("lower", x.params.lower, y.params.lower);
    f("upper", x.params.upper, y.params.upper);
    i("training", x.params.training, y.params.training);
    i("params.seed", x.params.seed, y.params.seed);
    i("maxout", x.maxout_pieces, y.maxout_pieces);
  }
  i("head", int(a.head), int(b.head));
  i("init", int(a.init), int(b.init));
  f("initSigma", a.init_sigma, b.init_sigma);
  f("biasInit", a.bias_init, b.bias_init);
  const TrainConfig &s = a.train, &t = b.train;
  i("optimizer", int(s.optimizer), int(t.optimizer));
  f("learningRate", s.learning_rate, t.learning_rate);
#define NNPLAY_OPTIMIZER_NUMBER(field, json, def, lo, hi, lo_open, hi_open) f(json, s.field, t.field);
#define NNPLAY_OPTIMIZER_FLAG(field, json, def) i(json, s.field, t.field);
#include "nnplay/optimizers.def"
  i("schedule", int(s.schedule), int(t.schedule));
  i("decaySteps", s.decay_steps, t.decay_steps);
  f("decayRate", s.decay_rate, t.decay_rate);
  i("batchSize", s.batch_size, t.batch_size);
  i("shuffle", s.shuffle, t.shuffle);
  f("l1", s.l1, t.l1);
  f("l2", s.l2, t.l2);
  f("clipNorm", s.clip_norm, t.clip_norm);
  f("clipValue", s.clip_value, t.clip_value);
  f("dropout", s.dropout, t.dropout);
  i("evalEvery", s.eval_every, t.eval_every);
  i("seed", a.seed, b.seed);
  return d;
}

inline TrainerConfig parse_ok(const std::string& json) {
  TrainerConfig c;
  const Status s = parse_trainer_config(json, &c);
  INFO("json: ", json);
  REQUIRE_MESSAGE(s.ok(), s.message());
  return c;
}

// A config with every field away from its default. Defined out of line in
// config_json_test.cpp: inlined, it trips GCC 12's -Wmaybe-uninitialized.
TrainerConfig full_config();

// Wraps one field in the JSON nesting its path names.
inline std::string wrap(const std::string& path, const std::string& value) {
  if (path.rfind("data.", 0) == 0) return "{\"data\": {\"" + path.substr(5) + "\": " + value + "}}";
  if (path.rfind("train.", 0) == 0) return "{\"train\": {\"" + path.substr(6) + "\": " + value + "}}";
  if (path.rfind("hidden[", 0) == 0) {
    const std::size_t close = path.find(']');
    std::string layers;
    for (int k = std::stoi(path.substr(7, close - 7)); k > 0; --k) layers += "{}, ";
    return "{\"hidden\": [" + layers + "{\"" + path.substr(close + 2) + "\": " + value + "}]}";
  }
  return "{\"" + path + "\": " + value + "}";
}

struct ErrorCase {
  const char* json;
  const char* message;
};

inline void check_errors(const ErrorCase* cases, std::size_t n, StatusCode code) {
  for (std::size_t k = 0; k < n; ++k) {
    SUBCASE(cases[k].json) {
      TrainerConfig c = full_config();
      const Status s = parse_trainer_config(cases[k].json, &c);
      CHECK(s.code() == code);
      CHECK(s.message() == cases[k].message);
      CHECK(diff(c, full_config()).empty());  // *out untouched
    }
  }
}

}  // namespace nnplay::config_test
