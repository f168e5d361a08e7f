// The CSV loaders on any bytes (first byte: digits, iris, custom labels or
// custom targets). An accepted set is consistent: whole rows, labels in
// range, finite values.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "nnplay/dataset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  nnplay::Dataset d;
  nnplay::Status s;
  switch (data[0] % 4) {
    case 0: s = nnplay::parse_digits_csv(text, &d); break;
    case 1: s = nnplay::parse_iris_csv(text, &d); break;
    case 2: s = nnplay::parse_custom_csv(text, false, &d); break;
    default: s = nnplay::parse_custom_csv(text, true, &d); break;
  }
  if (!s.ok()) {
    if (!d.x.empty() || s.message().empty()) __builtin_trap();  // untouched, and says why
    return 0;
  }
  if (d.inputs < 1 || d.x.size() != static_cast<std::size_t>(d.size()) * d.inputs) __builtin_trap();
  if (d.y.size() != static_cast<std::size_t>(d.size())) __builtin_trap();
  for (float v : d.x) if (!std::isfinite(v)) __builtin_trap();
  for (float y : d.y) {
    if (!std::isfinite(y)) __builtin_trap();
    if (d.classes > 0 && (y < 0 || y >= d.classes || y != std::floor(y))) __builtin_trap();
  }
  return 0;
}
