// Data sets as long-lived handles (class DatasetHandle): parsed from CSV text
// or generated from a "data" config object, edited point by point, and passed
// to createTrainer/importModel, which copy them. One binding per core call;
// failures are returned Error values (js_convert.hpp).
#pragma once
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <utility>
#include <vector>

#include "js_convert.hpp"
#include "nnplay/config_json.hpp"
#include "nnplay/dataset.hpp"

namespace nnplay_js {

using nnplay::Dataset;

// A new JS-owned handle (Embind heap-allocates the moved value), or the Error.
inline val dataset_or_error(const nnplay::Status& s, Dataset* d) {
  return s.ok() ? val(std::move(*d)) : to_error(s);
}

inline val parse_digits_csv(const std::string& text) {
  Dataset d;
  return dataset_or_error(nnplay::parse_digits_csv(text, &d), &d);
}

inline val parse_iris_csv(const std::string& text) {
  Dataset d;
  return dataset_or_error(nnplay::parse_iris_csv(text, &d), &d);
}

inline val parse_custom_csv(const std::string& text, bool regression) {
  Dataset d;
  return dataset_or_error(nnplay::parse_custom_csv(text, regression, &d), &d);
}

// `data_json` is a config's "data" object; absent fields take the defaults.
inline val generate_dataset(const std::string& data_json) {
  nnplay::DataConfig cfg;
  if (nnplay::Status s = nnplay::apply_data_config_json(data_json, &cfg); !s.ok()) return to_error(s);
  Dataset d;
  return dataset_or_error(nnplay::generate_dataset(cfg, &d), &d);
}

inline int dataset_size(const Dataset& d) { return d.size(); }
inline int dataset_inputs(const Dataset& d) { return d.inputs; }
inline int dataset_classes(const Dataset& d) { return d.classes; }
inline val dataset_x(const Dataset& d) { return copy_out(d.x); }
inline val dataset_y(const Dataset& d) { return copy_out(d.y); }

inline val dataset_class_names(const Dataset& d) {
  val names = val::array();
  for (const std::string& n : d.class_names) names.call<void>("push", n);
  return names;
}

inline val dataset_add_point(Dataset& d, const val& x, float y) {
  std::vector<float> in;
  if (val error = read_f32(x, "x", &in); !error.isUndefined()) return error;
  return undefined_or_error(nnplay::add_point(&d, in, y));
}

inline val dataset_remove_point(Dataset& d, int index) {
  return undefined_or_error(nnplay::remove_point(&d, index));
}

// One input feature of raw (x, y) points, as training computes it (dataset.hpp).
inline val feature_values(const std::string& feature, const val& points) {
  std::vector<float> in;
  if (val error = read_f32(points, "points", &in); !error.isUndefined()) return error;
  std::vector<float> out;
  return result_or_error(nnplay::feature_values(feature, in, &out), out);
}

inline void bind_dataset() {
  namespace em = emscripten;
  em::class_<Dataset>("DatasetHandle")
      .function("size", &dataset_size)
      .function("inputs", &dataset_inputs)
      .function("classes", &dataset_classes)
      .function("classNames", &dataset_class_names)
      .function("x", &dataset_x)
      .function("y", &dataset_y)
      .function("addPoint", &dataset_add_point)
      .function("removePoint", &dataset_remove_point);
  em::function("parseDigitsCsv", &parse_digits_csv);
  em::function("parseIrisCsv", &parse_iris_csv);
  em::function("parseCustomCsv", &parse_custom_csv);
  em::function("generateDataset", &generate_dataset);
  em::function("featureValues", &feature_values);
}

}  // namespace nnplay_js
