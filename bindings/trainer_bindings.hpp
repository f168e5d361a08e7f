// The trainer as a long-lived handle (class TrainerHandle). Each method is one
// core call (trainer.hpp, trainer_view.hpp, model_json.hpp, history_csv.hpp);
// configs and models cross as JSON text, bulk data as copied typed arrays, and
// failures as returned Error values (js_convert.hpp), never as throws.
#pragma once
#include <emscripten/bind.h>
#include <emscripten/em_macros.h>
#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "js_convert.hpp"
#include "nnplay/config_json.hpp"
#include "nnplay/history_csv.hpp"
#include "nnplay/metrics_values.hpp"
#include "nnplay/model_json.hpp"
#include "nnplay/trainer.hpp"
#include "nnplay/trainer_parameters.hpp"
#include "nnplay/trainer_view.hpp"

namespace nnplay_js {

using nnplay::Dataset;
using nnplay::Status;
using nnplay::Trainer;

// Owns one core Trainer (which has no public constructor) and the buffer of
// its metrics values (nnplay/metrics_values.hpp); movable so Embind can hand a heap
// copy to JS, whose delete() runs this destructor.
class TrainerHandle {
 public:
  explicit TrainerHandle(std::unique_ptr<Trainer> t) : t_(std::move(t)), metrics_(*t_) {}
  Trainer& get() { return *t_; }
  const std::vector<double>& fill_metrics() { return metrics_.fill(*t_); }

 private:
  std::unique_ptr<Trainer> t_;
  nnplay::MetricsValues metrics_;
};

inline val handle_or_error(const Status& s, std::unique_ptr<Trainer>* t) {
  return s.ok() ? val(TrainerHandle(std::move(*t))) : to_error(s);
}

// `data` is null for the generated kinds; the trainer copies it.
inline val create_trainer(const std::string& config_json, const Dataset* data) {
  nnplay::TrainerConfig cfg;
  if (Status s = nnplay::parse_trainer_config(config_json, &cfg); !s.ok()) return to_error(s);
  std::unique_ptr<Trainer> t;
  return handle_or_error(Trainer::create(cfg, data, &t), &t);
}

inline val import_model(const std::string& model_json, const Dataset* data) {
  std::unique_ptr<Trainer> t;
  return handle_or_error(nnplay::import_model(model_json, data, &t), &t);
}

// Steps are counted in long long; JS passes a double (checked as an integer
// >= 0 by engine.ts). Anything past 2^62 means "no rows".
inline long long to_step(double from_step) {
  if (!(from_step > 0)) return 0;
  return from_step < 4.6e18 ? static_cast<long long>(from_step) : (1LL << 62);
}

inline val trainer_step(TrainerHandle& h, int n) { return undefined_or_error(h.get().step(n)); }
// The handle's address, for the module's plain exports (below); valid until
// the handle's delete().
inline unsigned trainer_address(TrainerHandle& h) {
  return static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(&h));
}
inline std::string trainer_metrics_json(TrainerHandle& h) { return nnplay::metrics_json(h.get()); }
// A Float64Array over the handle's metrics values (filled now), not a copy:
// _nnplay_trainer_metrics refills it in place; memory growth detaches it
// (its length becomes 0), and then this call gives a new view.
inline val trainer_metrics_values(TrainerHandle& h) {
  const std::vector<double>& v = h.fill_metrics();
  return val(emscripten::typed_memory_view(v.size(), v.data()));
}
inline void trainer_refresh_metrics(TrainerHandle& h) { h.get().refresh_metrics(); }
inline val trainer_rewind(TrainerHandle& h) { return undefined_or_error(h.get().rewind()); }
inline void trainer_reset(TrainerHandle& h, unsigned seed) { h.get().reset(seed); }
inline val trainer_set_parameter(TrainerHandle& h, int layer, int unit, int input, float value) {
  return undefined_or_error(h.get().set_parameter(layer, unit, input, value));
}
inline val trainer_parameters(TrainerHandle& h) {
  std::vector<float> out;
  nnplay::copy_parameters(h.get(), &out);
  return copy_out(out);
}
inline val trainer_set_parameters(TrainerHandle& h, const val& values) {
  std::vector<float> in;
  if (val error = read_f32(values, "values", &in); !error.isUndefined()) return error;
  return undefined_or_error(nnplay::load_parameters(h.get(), in));
}
inline std::string trainer_export_model(TrainerHandle& h) { return nnplay::export_model(h.get()); }
inline std::string trainer_config(TrainerHandle& h) { return nnplay::trainer_config_json(h.get().config()); }

inline std::string trainer_history_csv(TrainerHandle& h, double from_step) {
  return nnplay::history_csv(h.get(), to_step(from_step));
}

inline val trainer_history_series(TrainerHandle& h, const std::string& column, double from_step) {
  std::vector<float> out;
  return result_or_error(nnplay::history_series(h.get(), column, to_step(from_step), &out), out);
}

// A "train" object over the current hyperparameters, then applied in place.
inline val trainer_set_train(TrainerHandle& h, const std::string& train_json) {
  nnplay::TrainConfig t = h.get().config().train;
  if (Status s = nnplay::apply_train_config_json(train_json, &t); !s.ok()) return to_error(s);
  return undefined_or_error(h.get().set_train_config(t));
}

inline val trainer_predict(TrainerHandle& h, const val& points) {
  std::vector<float> in, out;
  if (val error = read_f32(points, "points", &in); !error.isUndefined()) return error;
  return result_or_error(h.get().predict(in, &out), out);
}

inline val trainer_grid(TrainerHandle& h, int res, float x0, float x1, float y0, float y1, int layer,
                        int neuron) {
  std::vector<float> out;
  return result_or_error(h.get().grid(res, x0, x1, y0, y1, layer, neuron, &out), out);
}

inline val trainer_network_json(TrainerHandle& h, const val& input) {
  std::vector<float> in;
  if (val error = read_f32(input, "input", &in); !error.isUndefined()) return error;
  std::string out;
  if (Status s = nnplay::network_json(h.get(), in, &out); !s.ok()) return to_error(s);
  return val(out);
}

inline val trainer_confusion(TrainerHandle& h) {
  std::vector<int> out;
  if (Status s = h.get().confusion(&out); !s.ok()) return to_error(s);
  return copy_out(out);
}

// Sizes the wrapper needs to shape results (no math: plain accessors).
inline val trainer_shape(TrainerHandle& h) {
  const Trainer& t = h.get();
  val units = val::array();
  for (const nnplay::DenseLayer& l : t.network().layers()) units.call<void>("push", l.units);
  val o = val::object();
  o.set("inputs", t.train_data().inputs);
  o.set("features", t.network().layers().front().inputs);
  o.set("classes", t.train_data().classes);
  o.set("head", std::string(nnplay::head_name(t.head())));
  o.set("predictsClasses", t.has_confusion());
  o.set("units", units);
  o.set("trainSize", t.train_data().size());
  o.set("testSize", t.test_data().size());
  return o;
}

// The trainer's own copy of the train (or test) split, raw inputs.
inline val trainer_data_points(TrainerHandle& h, bool test) {
  const Dataset& d = test ? h.get().test_data() : h.get().train_data();
  val names = val::array();
  for (const std::string& n : d.class_names) names.call<void>("push", n);
  val o = val::object();
  o.set("inputs", d.inputs);
  o.set("classes", d.classes);
  o.set("classNames", names);
  o.set("x", copy_out(d.x));
  o.set("y", copy_out(d.y));
  return o;
}

inline void bind_trainer() {
  namespace em = emscripten;
  em::class_<TrainerHandle>("TrainerHandle")
      .function("step", &trainer_step)
      .function("address", &trainer_address)
      .function("metricsJson", &trainer_metrics_json)
      .function("metricsValues", &trainer_metrics_values)
      .function("refreshMetrics", &trainer_refresh_metrics)
      .function("historySeries", &trainer_history_series)
      .function("historyCsv", &trainer_history_csv)
      .function("setTrain", &trainer_set_train)
      .function("rewind", &trainer_rewind)
      .function("reset", &trainer_reset)
      .function("setParameter", &trainer_set_parameter)
      .function("parameters", &trainer_parameters)
      .function("setParameters", &trainer_set_parameters)
      .function("predict", &trainer_predict)
      .function("grid", &trainer_grid)
      .function("networkJson", &trainer_network_json)
      .function("confusion", &trainer_confusion)
      .function("exportModel", &trainer_export_model)
      .function("configJson", &trainer_config)
      .function("shape", &trainer_shape)
      .function("dataPoints", &trainer_data_points);
  em::function("createTrainer", &create_trainer, em::allow_raw_pointers());
  em::function("importModel", &import_model, em::allow_raw_pointers());
}

}  // namespace nnplay_js

// step(n) as a plain wasm export, called with address(): an Embind method
// call costs about as much as a whole step of a small net (its generic
// invoker converts `this`, the argument and a val result in JS), this one
// only the call. 0: the steps ran (or stopped at a divergence, as step()
// does); 1: step() refused them, nothing changed, and TrainerHandle.step(n)
// returns the Error that says why.
extern "C" EMSCRIPTEN_KEEPALIVE inline int nnplay_trainer_step(nnplay_js::TrainerHandle* h, int n) {
  return h->get().step(n).ok() ? 0 : 1;
}
// Refills the values TrainerHandle.metricsValues() views, for the same reason.
extern "C" EMSCRIPTEN_KEEPALIVE inline void nnplay_trainer_metrics(nnplay_js::TrainerHandle* h) { h->fill_metrics(); }
