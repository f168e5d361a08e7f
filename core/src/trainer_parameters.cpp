// copy_parameters / load_parameters (trainer_parameters.hpp).
#include "nnplay/trainer_parameters.hpp"

#include <cmath>
#include <cstring>
#include <string>

// Once per frame, never in a training loop: built for size (each byte of the
// wasm module counts against the page's first-load budget, docs/TARGETS.md).
#if defined(__clang__)
#define NNPLAY_SMALL __attribute__((minsize))
#else
#define NNPLAY_SMALL
#endif

namespace nnplay {

NNPLAY_SMALL void copy_parameters(Trainer& t, std::vector<float>* out) {
  out->resize(static_cast<std::size_t>(t.network().parameter_count()));
  float* p = out->data();
  for (const ParamBlock& b : t.mutable_network().parameters()) {
    std::memcpy(p, b.value, sizeof(float) * static_cast<std::size_t>(b.size));
    p += b.size;
  }
}

NNPLAY_SMALL Status load_parameters(Trainer& t, const std::vector<float>& values) {
  const std::size_t n = static_cast<std::size_t>(t.network().parameter_count());
  if (values.size() != n) {
    return Status::invalid("values: expected " + std::to_string(n) + " parameters, got " + std::to_string(values.size()));
  }
  for (float v : values) {
    if (!std::isfinite(v)) return Status::invalid("values: expected finite numbers, got " + format_number(v));
  }
  const float* p = values.data();
  for (const ParamBlock& b : t.mutable_network().parameters()) {
    std::memcpy(b.value, p, sizeof(float) * static_cast<std::size_t>(b.size));
    p += b.size;
  }
  return {};
}

}  // namespace nnplay
