// Small stand-ins for the loaded data sets, so the model and trainer targets
// reach every data.kind without reading files: the core checks shapes, not
// where the rows came from.
#pragma once
#include <string_view>

#include "nnplay/dataset.hpp"
#include "nnplay/json.hpp"

namespace nnplay_fuzz {

inline nnplay::Dataset make_rows(int inputs, int classes, int rows) {
  nnplay::Dataset d;
  d.inputs = inputs;
  d.classes = classes;
  for (int r = 0; r < rows; ++r) {
    for (int j = 0; j < inputs; ++j) d.x.push_back(static_cast<float>((r * 7 + j * 3) % 11) / 5.0f - 1.0f);
    d.y.push_back(classes > 0 ? static_cast<float>(r % classes) : static_cast<float>(r % 5) / 4.0f - 0.5f);
  }
  return d;
}

// The data a config's data.kind needs (nullptr for the generated kinds);
// `regression` picks the custom set's kind.
inline const nnplay::Dataset* data_for(std::string_view kind, bool regression) {
  static const nnplay::Dataset digits = make_rows(64, 10, 20);
  static const nnplay::Dataset iris = make_rows(4, 3, 12);
  static const nnplay::Dataset custom = make_rows(2, 2, 10);
  static const nnplay::Dataset custom_regression = make_rows(2, 0, 10);
  if (kind == "digits") return &digits;
  if (kind == "iris") return &iris;
  if (kind == "custom") return regression ? &custom_regression : &custom;
  return nullptr;
}

// data.kind of a config object, or "".
inline std::string_view kind_of(const nnplay::JsonValue& config) {
  const nnplay::JsonValue* data = config.find("data");
  const nnplay::JsonValue* kind = data ? data->find("kind") : nullptr;
  return kind && kind->is_string() ? std::string_view(kind->as_string()) : std::string_view();
}

}  // namespace nnplay_fuzz
