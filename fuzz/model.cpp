// Model import on any bytes (first byte: custom data with class labels or
// targets). An accepted model exports to text that imports to the same text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_data.hpp"
#include "nnplay/model_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const bool regression = data[0] & 1;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  nnplay::JsonValue root;
  std::string_view kind;
  if (nnplay::parse_json(text, &root).ok() && root.find("config")) kind = nnplay_fuzz::kind_of(*root.find("config"));
  const nnplay::Dataset* d = nnplay_fuzz::data_for(kind, regression);
  std::unique_ptr<nnplay::Trainer> t;
  if (!nnplay::import_model(text, d, &t).ok()) {
    if (t != nullptr) __builtin_trap();  // nothing is created on error
    return 0;
  }
  const std::string once = nnplay::export_model(*t);
  std::unique_ptr<nnplay::Trainer> back;
  if (!nnplay::import_model(once, d, &back).ok()) __builtin_trap();
  if (nnplay::export_model(*back) != once) __builtin_trap();
  if (back->metrics().step != t->metrics().step) __builtin_trap();  // the step survives exactly
  return 0;
}
