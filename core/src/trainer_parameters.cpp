// Trainer::copy_parameters / load_parameters: the whole network's learned
// values as one flat array, the cheap way to show one trainer's network in
// another of the same config (the page trains in a worker and draws from a
// copy on the main thread).
#include "nnplay/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace nnplay {

void Trainer::copy_parameters(std::vector<float>* out) {
  out->clear();
  out->reserve(static_cast<std::size_t>(net_.parameter_count()));
  for (const ParamBlock& b : blocks_) out->insert(out->end(), b.value, b.value + b.size);
}

Status Trainer::load_parameters(const float* values, std::size_t count, long long step) {
  const std::size_t expected = static_cast<std::size_t>(net_.parameter_count());
  if (count != expected) {
    return Status::invalid("values: expected " + std::to_string(expected) + " parameters, got " + std::to_string(count));
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (!std::isfinite(values[i])) {
      return Status::invalid("values: expected finite numbers, got " + format_number(values[i]) + " at index " +
                             std::to_string(i));
    }
  }
  if (step < 0) return Status::out_of_range("step: expected 0 or more, got " + std::to_string(step));
  const float* p = values;
  for (const ParamBlock& b : blocks_) {
    std::copy(p, p + b.size, b.value);
    p += b.size;
  }
  step_ = step;
  current_.step = step;
  return {};
}

}  // namespace nnplay
