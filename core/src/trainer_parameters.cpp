// copy_parameters / load_parameters (trainer_parameters.hpp).
#include "nnplay/trainer_parameters.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>

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
  // One snprintf per message: less code than chains of std::string additions.
  char message[80];
  if (values.size() != n) {
    std::snprintf(message, sizeof message, "values: expected %zu parameters, got %zu", n, values.size());
    return Status::invalid(message);
  }
  for (float v : values) {
    if (!std::isfinite(v)) {
      std::snprintf(message, sizeof message, "values: expected finite numbers, got %s", format_number(v).c_str());
      return Status::invalid(message);
    }
  }
  const float* p = values.data();
  for (const ParamBlock& b : t.mutable_network().parameters()) {
    std::memcpy(b.value, p, sizeof(float) * static_cast<std::size_t>(b.size));
    p += b.size;
  }
  return {};
}

}  // namespace nnplay
